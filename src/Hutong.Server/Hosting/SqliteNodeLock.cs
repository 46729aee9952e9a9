using Microsoft.Data.Sqlite;

namespace Hutong.Server.Hosting;

/// <summary>
/// Keeps a SQLite database to one node. Grains hold what they own in memory and trust that no other node changes it
/// (a conversation's next seq, a wallet's balance); two nodes on one file would each believe that. A second node on
/// the same file stops at start-up and says why; a cluster runs on PostgreSQL. The lock is the operating system's, on
/// a file beside the database, so it goes with the process however that ends (kill -9 included).
/// </summary>
internal sealed class SqliteNodeLock(string connectionString) : IHostedService, IDisposable
{
    private FileStream? _held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(database) || database == ":memory:")
        {
            return Task.CompletedTask;
        }

        var path = Path.GetFullPath(database) + ".node-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"Another Hutong node is using the SQLite database {Path.GetFullPath(database)}. SQLite serves one node; " +
                "give this node its own Hutong:DataDirectory, or run several nodes on PostgreSQL (Hutong:Storage:Provider=Postgres).", e);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _held?.Dispose();
}
