using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hutong.Storage.Postgres;

/// <summary>PostgreSQL for production and for several nodes sharing one database; migrations from this assembly.</summary>
public static class PostgresStorage
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));

    public static Task MigrateAsync(HutongDbContext db, CancellationToken cancellationToken) =>
        db.Database.MigrateAsync(cancellationToken);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL; it never connects.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HutongDbContext>
{
    public HutongDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HutongDbContext>();
        PostgresStorage.Use(options, "Host=localhost;Database=hutong_design");
        return new HutongDbContext(options.Options);
    }
}
