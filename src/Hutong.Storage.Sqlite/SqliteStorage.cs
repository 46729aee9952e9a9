using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file in write-ahead-log mode, migrations from this assembly.</summary>
public static class SqliteStorage
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name));

    /// <summary>Brings the database to the current schema. WAL lets readers run beside the one writer; it persists in the file.</summary>
    public static async Task MigrateAsync(HutongDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
