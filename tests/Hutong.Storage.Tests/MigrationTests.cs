using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Tests;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Model_HasAMigrationForEveryChange(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();

        // Fails when the model changed without `dotnet ef migrations add` for this provider.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model.");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_OnAnEmptyDatabase_AppliesAll_AndAgainIsANoOp(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();

        await database.MigrateAsync(db);
        await database.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Sqlite_RunsInWriteAheadLogMode()
    {
        await using var database = await StorageDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = database.NewContext();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(Ct);

        Assert.Equal("wal", Assert.Single(mode));
    }
}
