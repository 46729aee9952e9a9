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
    IGrainFactory grains, IClusterMembershipService membership, IOptions<GatewayOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock,
    GatewayMetrics metrics, ILogger<GatewayHub> logger)
    : BackgroundService, IGatewayNode
{
    /// <summary>Tries of a claim before the people it could not claim are sent to reconnect: over 15 seconds.</summary>
    private const int ClaimAttempts = 5;

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

    /// <summary>
    /// Renews this node's lease on every person it holds connections for, on a heartbeat and at once whenever another
    /// node dies: the grains that node held (a person's, the directory of nodes) come back elsewhere knowing nothing of
    /// the connections here, and would otherwise wait for the next heartbeat to push to them.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // When the node starts stopping, before the web server waits for open requests, every device is told to go
        // elsewhere; otherwise each WebSocket would hold the stop until the host's shutdown timeout.
        using var stopping = lifetime.ApplicationStopping.Register(GoAwayAll);
        var directory = grains.GetGrain<IGatewayDirectoryGrain>(0);
        await RegisterNodeAsync(directory);
        var heartbeats = HeartbeatsAsync(directory, stoppingToken);
        try
        {
            await foreach (var _ in NodeDeathsAsync(stoppingToken))
            {
                await RenewAsync(directory, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await heartbeats;
    }

    private async Task HeartbeatsAsync(IGatewayDirectoryGrain directory, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Options.Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RenewAsync(directory, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Each membership change in which a node the cluster knew became dead.</summary>
    private async IAsyncEnumerable<bool> NodeDeathsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken stoppingToken)
    {
        var dead = new HashSet<SiloAddress>();
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var newlyDead = false;
            foreach (var (silo, member) in snapshot.Members)
            {
                newlyDead |= member.Status == SiloStatus.Dead && dead.Add(silo);
            }

            if (newlyDead)
            {
                yield return true;
            }
        }
    }

    /// <summary>Renews this node's claim on every person it holds connections for.</summary>
    private async Task RenewAsync(IGatewayDirectoryGrain directory, CancellationToken stoppingToken)
    {
        await RegisterNodeAsync(directory);
        await ClaimAsync([.. _users.Keys], stoppingToken);
    }

    public Task Reclaim(Guid userId)
    {
        if (_users.ContainsKey(userId))
        {
            _ = ClaimAsync([userId], lifetime.ApplicationStopping);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Claims these people for this node. Right after a node died some claims fail (the cluster has not settled where
    /// that node's grains go): those are tried again over a few seconds rather than left to the next heartbeat, minutes
    /// away. A person whose grain had not listed this node and pushed meanwhile, or who could not be claimed at all, may
    /// have missed something: their devices reconnect and resume, which fetches exactly what they lack.
    /// </summary>
    private async Task ClaimAsync(IReadOnlyCollection<Guid> people, CancellationToken stoppingToken)
    {
        var (pending, resumed) = (people, 0);
        try
        {
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                var failed = new ConcurrentBag<Guid>();
                Exception? last = null;
                // A few hundred at once: after a node dies, every person whose grain it held is activated again here.
                foreach (var batch in pending.Chunk(256))
                {
                    await Task.WhenAll(batch.Select(async userId =>
                    {
                        try
                        {
                            if (await grains.GetGrain<IUserGrain>(userId).AttachAsync(Node))
                            {
                                Interlocked.Add(ref resumed, Resume(userId));
                            }
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            last = ex;
                            failed.Add(userId);
                        }
                    }));
                }

                pending = [.. failed.Where(_users.ContainsKey)];
                if (pending.Count > 0 && attempt == ClaimAttempts)
                {
                    GatewayLog.HeartbeatFailed(logger, last!);
                    resumed += pending.Sum(Resume);
                    break;
                }

                if (pending.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1 << (attempt - 1)), clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping: its devices are being sent elsewhere anyway.
        }

        if (resumed > 0)
        {
            GatewayLog.Reclaimed(logger, people.Count, resumed);
        }
    }

    /// <summary>Sends the person's devices here to reconnect and resume; how many there were.</summary>
    private int Resume(Guid userId)
    {
        var count = 0;
        if (_users.TryGetValue(userId, out var set))
        {
            foreach (var connection in set.Snapshot())
            {
                connection.Resume();
                count++;
            }
        }

        return count;
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
