using Hutong.Server.Hosting;
using Hutong.Storage.Postgres;
using Hutong.Storage.Sqlite;
using Hutong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Tests;

/// <summary>A migrated database of one provider, opened directly, with no server in front of it.</summary>
internal sealed class StorageDatabase : IAsyncDisposable
{
    private StorageDatabase(TestStorage storage, DbContextOptions<HutongDbContext> options)
    {
        Storage = storage;
        Options = options;
    }

    public TestStorage Storage { get; }

    public DbContextOptions<HutongDbContext> Options { get; }

    public static async Task<StorageDatabase> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var storage = await TestStorage.CreateAsync(provider, cancellationToken);
        var builder = new DbContextOptionsBuilder<HutongDbContext>();
        if (provider == StorageProvider.Sqlite)
        {
            SqliteStorage.Use(builder, $"Data Source={Path.Combine(storage.DataDirectory, "hutong.db")}");
        }
        else
        {
            PostgresStorage.Use(builder, storage.ConnectionString!);
        }

        var database = new StorageDatabase(storage, builder.Options);
        if (migrate)
        {
            await using var db = database.NewContext();
            await database.MigrateAsync(db);
        }

        return database;
    }

    public HutongDbContext NewContext() => new(Options);

    public Task MigrateAsync(HutongDbContext db) => Storage.Provider == StorageProvider.Sqlite
        ? SqliteStorage.MigrateAsync(db, TestContext.Current.CancellationToken)
        : PostgresStorage.MigrateAsync(db, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Storage.Dispose();
        return ValueTask.CompletedTask;
    }
}
