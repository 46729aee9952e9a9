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
    /// The node holds a connection of this person. Nodes repeat this as a heartbeat and never detach: a lease that is
    /// not renewed lapses, which also covers a node that died, and no detach can race a new connection.
    /// </summary>
    Task AttachAsync(IGatewayNode node);

    /// <summary>Sends a frame to the person's devices on every node that holds them.</summary>
    [OneWay]
    Task PushAsync(Push push);

    /// <summary>
    /// The watcher hears of every change to where this person is connected until it unwatches or its lease lapses
    /// (<see cref="UserGrain.WatchLease"/>; watching again renews it). Returns where they are now.
    /// </summary>
    Task<Presence> WatchAsync(IPresenceWatcher watcher);

    Task UnwatchAsync(IPresenceWatcher watcher);

    /// <summary>Closes the device's connections on every node.</summary>
    Task EndSessionAsync(Guid deviceId);
}
