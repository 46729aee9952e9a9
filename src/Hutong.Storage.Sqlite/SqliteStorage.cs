using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file in write-ahead-log mode, migrations from this assembly.</summary>
public static class SqliteStorage
{
    private static readonly SqliteTuning Tuning = new();

    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name))
            .AddInterceptors(Tuning);

    /// <summary>
    /// Brings the database to the current schema and sets what persists in the file: WAL lets readers run beside the
    /// one writer. The search index merges its segments sixteen at a time instead of four: every commit of the chat
    /// writer adds a segment, and fewer, larger merges cost its commits less, for a few more segments read per search.
    /// </summary>
    public static async Task MigrateAsync(HutongDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO messages_fts(messages_fts, rank) VALUES('automerge', 16);", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
