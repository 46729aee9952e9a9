using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hutong.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HutongDbContext>
{
    public HutongDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<HutongDbContext>();
        SqliteStorage.Use(options, "Data Source=design.db");
        return new HutongDbContext(options.Options);
    }
}
