using Hutong.Storage;
using Hutong.Storage.Media;
using Hutong.Storage.Postgres;
using Hutong.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hutong.Server.Hosting;

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

        // Contexts are pooled: a store makes one per call, and building a context's services each time cost every query
        // as much as the query. A pooled context is reset when returned and holds nothing between uses.
        switch (storage.Provider)
        {
            case StorageProvider.Sqlite:
                var dataDirectory = Path.GetFullPath(hutong.DataDirectory);
                connectionString ??= $"Data Source={Path.Combine(dataDirectory, "hutong.db")}";
                builder.Services.AddPooledDbContextFactory<HutongDbContext>(o => SqliteStorage.Use(o, connectionString));
                // Before anything touches the file: the migrator, the silo.
                builder.Services.AddHostedService(_ => new SqliteNodeLock(connectionString));
                break;
            case StorageProvider.Postgres:
                if (connectionString is null)
                {
                    throw new OptionsValidationException(
                        $"ConnectionStrings:{ConnectionStringName}", typeof(StorageOptions),
                        [$"Hutong:Storage:Provider is Postgres, so ConnectionStrings:{ConnectionStringName} must name the database."]);
                }

                builder.Services.AddPooledDbContextFactory<HutongDbContext>(o => PostgresStorage.Use(o, connectionString));
                break;
            default:
                throw new OptionsValidationException("Hutong:Storage:Provider", typeof(StorageOptions), ["Hutong:Storage:Provider is Sqlite or Postgres."]);
        }

        builder.Services.AddHutongStores();
        AddBlobStore(builder, hutong);
        builder.Services.AddHostedService<StorageMigrator>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }

    /// <summary>Uploaded bytes: in the data directory, or in an S3 bucket; staged in the data directory either way.</summary>
    private static void AddBlobStore(IHostApplicationBuilder builder, HutongOptions hutong)
    {
        var media = builder.Configuration.GetSection(BlobStoreOptions.Section).Get<BlobStoreOptions>() ?? new BlobStoreOptions();
        if (media.Problems() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(BlobStoreOptions.Section, typeof(BlobStoreOptions), problems);
        }

        builder.Services.AddOptions<BlobStoreOptions>().BindConfiguration(BlobStoreOptions.Section)
            .Configure(o => o.Root = Path.Combine(Path.GetFullPath(hutong.DataDirectory), "media"));
        builder.Services.AddHutongBlobStore(media.Provider);
    }
}
