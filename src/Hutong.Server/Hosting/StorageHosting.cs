using Hutong.Storage;
using Hutong.Storage.Postgres;
using Hutong.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hutong.Server.Hosting;

/// <summary>Which database a node uses.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary><c>Hutong:Storage</c>. The connection string is <c>ConnectionStrings:Hutong</c>.</summary>
public sealed record StorageOptions
{
    public const string Section = "Hutong:Storage";

    /// <summary><c>Sqlite</c> (a file under the data directory) or <c>Postgres</c> (needs <c>ConnectionStrings:Hutong</c>).</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;
}

internal static class StorageHosting
{
    public const string ConnectionStringName = "Hutong";

    public static IHostApplicationBuilder AddHutongStorage(this IHostApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var hutong = builder.Configuration.GetSection(HutongOptions.Section).Get<HutongOptions>() ?? new HutongOptions();
        // Blank counts as unset: an empty environment variable must not point SQLite at a throwaway temporary database.
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            && !string.IsNullOrWhiteSpace(configured) ? configured : null;
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        builder.Services.AddOptions<HutongOptions>().BindConfiguration(HutongOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        switch (storage.Provider)
        {
            case StorageProvider.Sqlite:
                var dataDirectory = Path.GetFullPath(hutong.DataDirectory);
                connectionString ??= $"Data Source={Path.Combine(dataDirectory, "hutong.db")}";
                builder.Services.AddDbContext<HutongDbContext>(o => SqliteStorage.Use(o, connectionString));
                break;
            case StorageProvider.Postgres:
                if (connectionString is null)
                {
                    throw new OptionsValidationException(
                        $"ConnectionStrings:{ConnectionStringName}", typeof(StorageOptions),
                        [$"Hutong:Storage:Provider is Postgres, so ConnectionStrings:{ConnectionStringName} must name the database."]);
                }

                builder.Services.AddDbContext<HutongDbContext>(o => PostgresStorage.Use(o, connectionString));
                break;
            default:
                throw new OptionsValidationException("Hutong:Storage:Provider", typeof(StorageOptions), ["Hutong:Storage:Provider is Sqlite or Postgres."]);
        }

        builder.Services.AddHutongStores();
        builder.Services.AddHostedService<StorageMigrator>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }
}

/// <summary>Brings the database to the current schema before the node serves anything.</summary>
internal sealed class StorageMigrator(
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> storage,
    IOptions<HutongOptions> hutong,
    ILogger<StorageMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HutongDbContext>();
        if (storage.Value.Provider == StorageProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetFullPath(hutong.Value.DataDirectory));
            await SqliteStorage.MigrateAsync(db, cancellationToken);
        }
        else
        {
            await PostgresStorage.MigrateAsync(db, cancellationToken);
        }

        ServerLog.StorageReady(logger, storage.Value.Provider.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class StorageHealthCheck(HutongDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
