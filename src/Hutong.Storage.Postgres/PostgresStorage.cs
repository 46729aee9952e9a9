using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Postgres;

/// <summary>PostgreSQL for production and for several nodes sharing one database; migrations from this assembly.</summary>
public static class PostgresStorage
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));

    public static Task MigrateAsync(HutongDbContext db, CancellationToken cancellationToken) =>
        db.Database.MigrateAsync(cancellationToken);
}
