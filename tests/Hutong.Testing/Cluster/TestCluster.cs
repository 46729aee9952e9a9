using Hutong.Client;
using Hutong.Contracts.Accounts;

namespace Hutong.Testing.Cluster;

/// <summary>
/// Hutong on several nodes as production runs it: node processes of the built server forming one Orleans cluster
/// whose membership and data live in one fresh PostgreSQL database, with media in one S3 bucket, behind HAProxy (<see cref="Balancer"/>). Tests
/// reach a chosen node directly (to make a call cross nodes on purpose) or the balancer (as devices do), and stop
/// nodes with SIGKILL or SIGTERM and start them again. Starting one costs a few seconds a node: share it across a
/// test collection (<see cref="ClusterFixture"/>), and leave it with every node running.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly SocketsHttpHandler _http = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };

    private TestCluster(string connectionString, IReadOnlyList<NodeProcess> nodes)
    {
        ConnectionString = connectionString;
        Nodes = nodes;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<NodeProcess> Nodes { get; }

    public Balancer Balancer { get; private set; } = null!;

    public static async Task<TestCluster> StartAsync(int nodes = 3, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(cancellationToken);
        // Media in one bucket, as a cluster needs: whichever node took an upload, every node serves it.
        var all = new Dictionary<string, string?>(TestNodeSettings.Common, StringComparer.OrdinalIgnoreCase)
        {
            ["Hutong:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Hutong"] = connectionString,
            ["Hutong:Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Hutong:Cluster:SiloPort"] = "0",
            ["Hutong:Cluster:GatewayPort"] = "0",
            // What a failing test shows of a node: when each line was written, and the silo's start and stop stage by
            // stage (how long each took), the node's own steps among them.
            ["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Debug",
            ["Logging:LogLevel:Orleans.Runtime.SiloLifecycleSubject"] = "Debug",
            ["Logging:LogLevel:Hutong.Server"] = "Information",
        };
        foreach (var (key, value) in TestS3.NodeSettings(await TestS3.CreateBucketAsync(cancellationToken)).Concat(settings ?? new Dictionary<string, string?>()))
        {
            all[key] = value;
        }

        var cluster = new TestCluster(connectionString, [.. Enumerable.Range(1, nodes).Select(i => new NodeProcess($"node{i}", all))]);
        try
        {
            await Task.WhenAll(cluster.Nodes.Select(n => n.StartAsync(cancellationToken)));
            cluster.Balancer = await Balancer.StartAsync(cluster.Nodes, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Everything every node and the balancer wrote, for a failing test to show.</summary>
    public string Output => string.Join("\n", Nodes.Select(n => n.Output).Append(Balancer?.Output ?? ""));

    /// <summary>A client of one device, not signed in, through the balancer or straight to a node.</summary>
    public HutongClient NewClient(NodeProcess? node = null) =>
        new(new HttpClient(_http, disposeHandler: false) { BaseAddress = (node?.BaseAddress ?? Balancer.BaseAddress) });

    /// <summary>A gateway for the client, over a real WebSocket to wherever the client's requests go.</summary>
    public static HutongGateway NewGateway(HutongClient client) => new(client);

    /// <summary>Signs up a person and signs in one device, through the balancer or at a node.</summary>
    public async Task<TestUser> CreateUserAsync(string prefix, NodeProcess? node = null, CancellationToken cancellationToken = default)
    {
        var client = NewClient(node);
        var handle = $"{prefix}_{Guid.NewGuid().ToString("N")[..10]}";
        var account = await client.SignUpAsync(new SignUpRequest(handle, TestUser.DefaultPassword, prefix), cancellationToken);
        var session = await client.LoginAsync(new LoginRequest(handle, TestUser.DefaultPassword, "test device"), cancellationToken);
        return new TestUser(client, account.UserId, handle, TestUser.DefaultPassword, session.DeviceId, prefix);
    }

    /// <summary>Another device of the person, signed in at the given node (or through the balancer).</summary>
    public async Task<HutongClient> NewDeviceAsync(TestUser person, NodeProcess? node = null, CancellationToken cancellationToken = default)
    {
        var client = NewClient(node);
        await client.LoginAsync(new LoginRequest(person.Handle, person.Password, "another device"), cancellationToken);
        return client;
    }

    /// <summary>Starts every node that is not running (after a test stopped one), so the next test finds the whole cluster.</summary>
    public Task RestoreAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Nodes.Where(n => !n.IsRunning).Select(n => n.StartAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        if (Balancer is not null)
        {
            await Balancer.DisposeAsync();
        }

        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        _http.Dispose();
    }
}

/// <summary>
/// One <see cref="TestCluster"/> for a test class (<c>IClassFixture&lt;ClusterFixture&gt;</c>) or for every class of a
/// collection, which then run one after another: a test that stops a node starts it again before it ends.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync() => _cluster = await TestCluster.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
