using Hutong.Server.Hosting;

namespace Hutong.Testing;

/// <summary>Where a test server keeps its data; handing the same storage to a new server is a restart.</summary>
public sealed class TestStorage : IDisposable
{
    private TestStorage(StorageProvider provider, string dataDirectory, string? connectionString)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public StorageProvider Provider { get; }

    public string DataDirectory { get; }

    /// <summary>The PostgreSQL database; null for SQLite, whose file lives in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; }

    public static async Task<TestStorage> CreateAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("hutong-test-").FullName;
        var connectionString = provider == StorageProvider.Postgres ? await TestPostgres.CreateDatabaseAsync(cancellationToken) : null;
        return new TestStorage(provider, directory, connectionString);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }
}
