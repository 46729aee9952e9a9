using Hutong.Storage;
using Hutong.Storage.Postgres;
using Hutong.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Hutong.Server.Hosting;

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
