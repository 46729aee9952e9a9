using Hutong.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hutong.Testing;

/// <summary>
/// A real Hutong node for tests: the whole HTTP pipeline, the Orleans silo and the chosen database, in process.
/// Settings are the production defaults except where a test needs otherwise (cheaper password hashing, generous rate
/// limits), plus whatever the test passes.
/// </summary>
public sealed class HutongApp : WebApplicationFactory<Program>
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HutongGateway, System.Threading.Channels.ChannelReader<object>> Feeds = [];

    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private readonly Action<IServiceCollection>? _services;

    private HutongApp(TestStorage storage, IReadOnlyDictionary<string, string?>? settings, TimeProvider? clock, Action<IServiceCollection>? services = null)
    {
        Storage = storage;
        _clock = clock;
        _services = services;
        _settings = new Dictionary<string, string?>(TestNodeSettings.Common, StringComparer.OrdinalIgnoreCase)
        {
            ["Hutong:Storage:Provider"] = storage.Provider.ToString(),
            ["Hutong:DataDirectory"] = storage.DataDirectory,
            // Any free ports, chosen by the node while it holds both: two ports picked here and let go could be the same one.
            ["Hutong:Cluster:SiloPort"] = "0",
            ["Hutong:Cluster:GatewayPort"] = "0",
        };
        if (storage.ConnectionString is not null)
        {
            _settings["ConnectionStrings:Hutong"] = storage.ConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestStorage Storage { get; }

    /// <summary>
    /// Starts a node on fresh storage of the given provider. <paramref name="services"/> changes the node's services
    /// after its own registrations: a decorator that fails on cue, say.
    /// </summary>
    public static async Task<HutongApp> StartAsync(
        Server.Hosting.StorageProvider provider,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? clock = null,
        Action<IServiceCollection>? services = null,
        CancellationToken cancellationToken = default) =>
        Start(await TestStorage.CreateAsync(provider, cancellationToken), settings, clock, services);

    /// <summary>Starts a node on existing storage: after disposing another node on it, this is a restart.</summary>
    public static HutongApp Start(
        TestStorage storage, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var app = new HutongApp(storage, settings, clock, services);
        // Touching Services builds and starts the host: migrations run and the silo joins before the first request.
        _ = app.Services;
        return app;
    }

    /// <summary>
    /// Starts a node on fresh storage behind real Kestrel on a free loopback port, for what only a real server does
    /// (parsing the request line and headers). <see cref="WebApplicationFactory{T}.CreateClient()"/> then reaches it over TCP.
    /// </summary>
    public static async Task<HutongApp> StartOnKestrelAsync(
        Server.Hosting.StorageProvider provider, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var app = new HutongApp(await TestStorage.CreateAsync(provider, cancellationToken), settings, null);
        app.UseKestrel(0);
        try
        {
            app.StartServer();
        }
        catch
        {
            // A node that failed to start (a port taken) leaves nothing running behind it.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>
    /// Stops the node and, on PostgreSQL, closes its idle pooled connections at once: the pool outlives the node and
    /// would keep them open for minutes, and a suite of hundreds of nodes would run the server out of connections.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Storage.ConnectionString is { } connectionString)
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>A live gateway connection for the device <paramref name="client"/> speaks for, over the in-memory server.</summary>
    /// <summary>A gateway for the client, already subscribed to everything it will be told (<see cref="Delivered"/>).</summary>
    public HutongGateway NewGateway(HutongClient client)
    {
        var gateway = new HutongGateway(client, async (uri, cancellationToken) => await Server.CreateWebSocketClient().ConnectAsync(uri, cancellationToken));
        Feeds.Add(gateway, gateway.Subscribe<object>());
        return gateway;
    }

    /// <summary>Everything a gateway made by <see cref="NewGateway"/> was told: messages and event-log entries, in order.</summary>
    public static System.Threading.Channels.ChannelReader<object> Delivered(HutongGateway gateway) => Feeds.TryGetValue(gateway, out var feed)
        ? feed
        : throw new InvalidOperationException("Only a gateway made by NewGateway is followed.");

    /// <summary>A client for one device, not yet signed in.</summary>
    public HutongClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is not null)
        {
            builder.ConfigureServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton(_clock));
                // Orleans keeps its membership by the same clock: a test's jump of hours would make the lone silo's
                // own "I am alive" look stale, and it would declare itself dead and end the test process. Its placement
                // timeouts run by this clock too: a test jumps only when no grain call it cares about is in flight.
                services.Configure<Orleans.Configuration.ClusterMembershipOptions>(o => o.LivenessEnabled = false);
            });
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
