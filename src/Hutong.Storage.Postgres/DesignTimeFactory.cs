using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hutong.Storage.Postgres;

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
