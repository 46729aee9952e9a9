using System.Collections.Concurrent;
using Hutong.Realtime;
using Hutong.Realtime.Delivery;
using Microsoft.Extensions.Options;

namespace Hutong.Server.Gateway;

/// <summary>
/// This node's gateway: the connections it holds, by person, and the observer through which people's grains push to
/// them. A frame arrives serialised, once for all the devices it goes to.
/// </summary>
internal sealed class GatewayHub(
    IGrainFactory grains, IOptions<GatewayOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock, GatewayMetrics metrics, ILogger<GatewayHub> logger)
    : BackgroundService, IGatewayNode
{
    private readonly ConcurrentDictionary<Guid, ConnectionSet> _users = new();
    private readonly Lock _nodeLock = new();
    private IGatewayNode? _node;

    public GatewayOptions Options => options.Value;

    public GatewayMetrics Metrics => metrics;

    /// <summary>This node's observer reference, made once the silo runs.</summary>
    private IGatewayNode Node
    {
        get
        {
            lock (_nodeLock)
            {
                return _node ??= grains.CreateObjectReference<IGatewayNode>(this);
            }
        }
    }

    /// <summary>Registers a connection and claims its person's pushes for this node before the caller reads any state.</summary>
    public async Task RegisterAsync(GatewayConnection connection)
    {
        _users.AddOrUpdate(connection.UserId, _ => new ConnectionSet(connection), (_, set) => set.Add(connection));
        await grains.GetGrain<IUserGrain>(connection.UserId).AttachAsync(Node);
    }

    public void Unregister(GatewayConnection connection)
    {
        if (_users.TryGetValue(connection.UserId, out var set) && set.Remove(connection) is 0)
        {
            _users.TryRemove(KeyValuePair.Create(connection.UserId, set));
        }
    }

    public Task Deliver(Guid userId, Push push)
    {
        if (_users.TryGetValue(userId, out var set))
        {
            foreach (var connection in set.Snapshot())
            {
                connection.Push(push);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeliverTo(Guid[] userIds, Push push)
    {
        foreach (var userId in userIds)
        {
            Deliver(userId, push);
        }

        return Task.CompletedTask;
    }

    public Task<Guid[]> ConnectedAsync() => Task.FromResult(_users.Keys.ToArray());

    public Task EndSession(Guid userId, Guid deviceId)
    {
        if (_users.TryGetValue(userId, out var set))
        {
            foreach (var connection in set.Snapshot().Where(c => c.DeviceId == deviceId))
            {
                connection.EndSession();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Renews this node's lease on every person it holds connections for.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // When the node starts stopping, before the web server waits for open requests, every device is told to go
        // elsewhere; otherwise each WebSocket would hold the stop until the host's shutdown timeout.
        using var stopping = lifetime.ApplicationStopping.Register(GoAwayAll);
        using var timer = new PeriodicTimer(Options.Heartbeat, clock);
        var directory = grains.GetGrain<IGatewayDirectoryGrain>(0);
        await RegisterNodeAsync(directory);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RegisterNodeAsync(directory);
            try
            {
                foreach (var userId in _users.Keys)
                {
                    await grains.GetGrain<IUserGrain>(userId).AttachAsync(Node);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                GatewayLog.HeartbeatFailed(logger, ex);
            }
        }
    }

    private async Task RegisterNodeAsync(IGatewayDirectoryGrain directory)
    {
        try
        {
            await directory.RegisterAsync(Node);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            GatewayLog.HeartbeatFailed(logger, ex);
        }
    }

    private void GoAwayAll()
    {
        var count = 0;
        foreach (var set in _users.Values)
        {
            foreach (var connection in set.Snapshot())
            {
                connection.GoAway();
                count++;
            }
        }

        GatewayLog.Stopping(logger, count);
    }

    /// <summary>A person's connections on this node; a person rarely has more than a few devices.</summary>
    private sealed class ConnectionSet
    {
        private readonly Lock _lock = new();
        private GatewayConnection[] _connections;

        public ConnectionSet(GatewayConnection first) => _connections = [first];

        /// <summary>This set with the connection added, or a new set when this one emptied and is being removed.</summary>
        public ConnectionSet Add(GatewayConnection connection)
        {
            lock (_lock)
            {
                if (_connections.Length == 0)
                {
                    return new ConnectionSet(connection);
                }

                _connections = [.. _connections, connection];
                return this;
            }
        }

        public int Remove(GatewayConnection connection)
        {
            lock (_lock)
            {
                _connections = _connections.Where(c => c != connection).ToArray();
                return _connections.Length;
            }
        }

        public GatewayConnection[] Snapshot() => Volatile.Read(ref _connections);
    }
}
