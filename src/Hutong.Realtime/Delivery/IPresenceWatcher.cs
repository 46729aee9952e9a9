namespace Hutong.Realtime.Delivery;

/// <summary>
/// A grain that pushes to people directly through their nodes (an <see cref="Audience"/>) and must hear when one of
/// them connects on another node. Implemented by the producer grain beside its own grain interface.
/// </summary>
public interface IPresenceWatcher : IGrain
{
    /// <summary>The person's nodes changed. Awaited by their user grain before a new connection reads any state.</summary>
    Task PresenceChanged(Guid userId, Presence presence);

    /// <summary>The activation of the person's grain that held this watch is going away: watch again.</summary>
    [Orleans.Concurrency.OneWay]
    Task WatchLost(Guid userId);
}
