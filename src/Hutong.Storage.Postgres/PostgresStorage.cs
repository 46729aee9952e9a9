using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hutong.Storage.Postgres;

/// <summary>PostgreSQL for production and for several nodes sharing one database; migrations from this assembly.</summary>
public static class PostgresStorage
{
    /// <summary>The advisory lock key nodes migrate under ("hutong" in ASCII): any fixed number nobody else uses.</summary>
    private const long MigrationLock = 0x687574_6f6e67;

    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));

    /// <summary>
    /// Migrates with the database's advisory lock held: nodes of a cluster starting together (or a rolling upgrade)
    /// migrate one at a time, and each finds what the one before it applied. The lock is held on a connection of its
    /// own, so it goes with the session if the node dies mid-way.
    /// </summary>
    public static async Task MigrateAsync(HutongDbContext db, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
