using Hutong.Realtime.Delivery;
using Hutong.Realtime.Log;
using Orleans.Concurrency;

namespace Hutong.Realtime;

/// <summary>
/// A person, as the realtime core sees them: gives their event log its gap-free order, and knows which nodes hold
/// their connections, so a push goes only where it is needed. Keyed by user id.
/// </summary>
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>Appends durably, pushes to the person's devices, and returns the entry's seq.</summary>
    Task<long> AppendAsync(EventData data);

    /// <summary>
    /// Takes the next seq for an entry that the caller writes together with other people's (<see cref="EventLog.AppendToEachAsync"/>),
    /// once everything before it is durable; what the person appends meanwhile waits behind it. Null when the grain is
    /// already waiting on a reservation: the caller then appends this one alone. Every reservation must be settled.
    /// </summary>
    Task<Reserved?> ReserveAsync(EventData data);

    /// <summary>
    /// Ends a reservation: <paramref name="written"/> says the caller's write committed; otherwise the grain writes the
    /// entry itself. Either way the entry is pushed and returns when durable. Unsettled after
    /// <see cref="Reserved.SettleWithin"/>, the grain settles it as not written.
    /// </summary>
    Task SettleAsync(long seq, bool written);

    /// <summary>
    /// The node holds a connection of this person. Nodes repeat this as a heartbeat and never detach: a lease that is
    /// not renewed lapses, which also covers a node that died, and no detach can race a new connection.
    /// True when this grain did not list the node (its lease lapsed, or the grain came back after a node died) and had
    /// already pushed or told a watcher where the person is: the node's devices may have missed something.
    /// </summary>
    Task<bool> AttachAsync(IGatewayNode node);

    /// <summary>Sends a frame to the person's devices on every node that holds them.</summary>
    [OneWay]
    Task PushAsync(Push push);

    /// <summary>
    /// The watcher hears of every change to where this person is connected until it unwatches or its lease lapses
    /// (<see cref="UserGrain.WatchLease"/>; watching again renews it). Returns where they are now. <paramref name="watch"/>
    /// names the watching activation: while the cluster settles a grain can briefly have two, and the one that goes away
    /// must take only its own watch with it.
    /// </summary>
    Task<Presence> WatchAsync(IPresenceWatcher watcher, Guid watch);

    Task UnwatchAsync(IPresenceWatcher watcher, Guid watch);

    /// <summary>Closes the device's connections on every node.</summary>
    Task EndSessionAsync(Guid deviceId);
}
