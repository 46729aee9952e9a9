using Hutong.Realtime.Delivery;
using Hutong.Realtime.Log;

namespace Hutong.Realtime;

/// <summary>Where the person is connected: the nodes that hold their devices, and who watches for changes to that.</summary>
internal sealed partial class UserGrain
{
    /// <summary>A node that stops repeating its attach (it died) stops receiving pushes after this long.</summary>
    public static readonly TimeSpan NodeLease = TimeSpan.FromMinutes(5);

    /// <summary>A watcher that stops renewing (its activation died with its node) stops hearing after this long.</summary>
    public static readonly TimeSpan WatchLease = TimeSpan.FromMinutes(5);

    /// <summary>How long a new connection waits for watchers to hear of it; one that did not catches up when it renews.</summary>
    private static readonly TimeSpan TellingAtMost = TimeSpan.FromSeconds(2);

    private readonly Dictionary<GrainId, (IGatewayNode Node, DateTimeOffset Until)> _nodes = [];
    private readonly Dictionary<(GrainId Grain, Guid Watch), (IPresenceWatcher Watcher, DateTimeOffset Until)> _watchers = [];
    private long _presenceVersion;

    /// <summary>This activation has pushed, or told a watcher where the person is: a node it did not list missed that.</summary>
    private bool _reached;

    public async Task<bool> AttachAsync(IGatewayNode node)
    {
        var id = node.GetGrainId();
        var known = _nodes.TryGetValue(id, out var held) && held.Until >= clock.GetUtcNow();
        _nodes[id] = (node, clock.GetUtcNow() + NodeLease);
        if (!known)
        {
            // Before the new connection reads any state: afterwards every message that missed that read reaches it.
            await TellWatchersAsync();
        }

        return !known && _reached;
    }

    public Task<Presence> WatchAsync(IPresenceWatcher watcher, Guid watch)
    {
        _reached = true;
        _watchers[(watcher.GetGrainId(), watch)] = (watcher, clock.GetUtcNow() + WatchLease);
        return Task.FromResult(CurrentPresence());
    }

    /// <summary>
    /// An activation going away while it holds leases (its storage failed, or the cluster found a second activation after
    /// a node died and keeps the other) tells their holders, who renew them with the next activation. One that goes
    /// for idleness holds none: nodes and watchers renew well inside the time it takes to become idle.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var node in LiveNodes())
        {
            _ = node.Reclaim(UserId);
        }

        var now = clock.GetUtcNow();
        foreach (var (_, (watcher, _)) in _watchers.Where(w => w.Value.Until >= now).DistinctBy(w => w.Key.Grain))
        {
            _ = watcher.WatchLost(UserId);
        }

        return Task.CompletedTask;
    }

    public Task UnwatchAsync(IPresenceWatcher watcher, Guid watch)
    {
        _watchers.Remove((watcher.GetGrainId(), watch));
        return Task.CompletedTask;
    }

    public async Task PushAsync(Push push)
    {
        _reached = true;
        foreach (var node in LiveNodes())
        {
            await node.Deliver(UserId, push);
        }
    }

    public async Task EndSessionAsync(Guid deviceId)
    {
        foreach (var node in LiveNodes())
        {
            await node.EndSession(UserId, deviceId);
        }
    }

    private List<IGatewayNode> LiveNodes()
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _nodes.Where(n => n.Value.Until < now).Select(n => n.Key).ToList())
        {
            _nodes.Remove(expired);
            _presenceVersion++;
        }

        return _nodes.Values.Select(n => n.Node).ToList();
    }

    private Presence CurrentPresence()
    {
        var nodes = LiveNodes();
        return new Presence(_presenceVersion, [.. nodes]);
    }

    private async Task TellWatchersAsync()
    {
        _presenceVersion++;
        var presence = CurrentPresence();
        var now = clock.GetUtcNow();
        foreach (var lapsed in _watchers.Where(w => w.Value.Until < now).Select(w => w.Key).ToList())
        {
            _watchers.Remove(lapsed);
        }

        if (_watchers.Count == 0)
        {
            return;
        }

        // Once per grain, however many of its activations watch: the call reaches whichever one is current.
        var told = Task.WhenAll(_watchers.DistinctBy(w => w.Key.Grain).Select(w => w.Value.Watcher.PresenceChanged(UserId, presence)));
        try
        {
            await told.WaitAsync(TellingAtMost);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A watcher that is gone or slow learns where this person is when it renews its watch.
        }
    }

    private async Task DeliverAsync(StoredEvent entry)
    {
        _reached = true;
        if (LiveNodes() is { Count: > 0 } nodes)
        {
            var push = RealtimeFrames.Event(entry);
            foreach (var node in nodes)
            {
                await node.Deliver(UserId, push);
            }
        }
    }
}
