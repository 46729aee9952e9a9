using Hutong.Testing;
using Hutong.Testing.Cluster;

namespace Hutong.BrowserTests;

/// <summary>
/// A Hutong node as people run it: the built server in its own process, SQLite in a temporary data folder. Stopping
/// kills the process; starting again on the same port and folder is a real restart.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The handle the node treats as an operator (<c>Hutong:Operators</c>): whoever signs up with it reviews accounts.</summary>
    public const string Operator = "oaoperator";

    private readonly NodeProcess _node = new("server", new Dictionary<string, string?>(TestNodeSettings.Common)
    {
        ["Hutong:Operators:0"] = Operator,
        // Developer servers in tests are plain http on loopback.
        ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
        ["Hutong:OfficialAccounts:AllowPlainHttpUrls"] = "true",
        ["Hutong:MiniPrograms:AllowPlainHttpRequests"] = "true",
    });

    public Uri BaseAddress => _node.BaseAddress;

    /// <summary>The node's SQLite file, for a test that sets up what the node has no API for (a merchant).</summary>
    public string DatabasePath => Path.Combine(_node.DataDirectory, "hutong.db");

    /// <summary>What the server wrote, for a failing test to show.</summary>
    public string Output => _node.Output;

    public Task StartAsync(CancellationToken cancellationToken) => _node.StartAsync(cancellationToken);

    public Task StopAsync() => _node.KillAsync();

    public ValueTask DisposeAsync() => _node.DisposeAsync();
}
