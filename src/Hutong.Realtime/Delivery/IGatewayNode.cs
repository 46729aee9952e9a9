using Orleans.Concurrency;

namespace Hutong.Realtime.Delivery;

/// <summary>
/// A node's gateway, as people's grains reach it: each node registers one observer and says which people it holds
/// connections for. Deliveries are one-way; a device that misses one catches up by sync.
/// </summary>
public interface IGatewayNode : IGrainObserver
{
    [OneWay]
    Task Deliver(Guid userId, Push push);

    /// <summary>One frame for several people this node holds connections of: a conversation's one call per node.</summary>
    [OneWay]
    Task DeliverTo(Guid[] userIds, Push push);

    /// <summary>The people this node holds connections for now, for pushes that go to whoever is online of many.</summary>
    Task<Guid[]> ConnectedAsync();

    /// <summary>The device's session ended: close its connections.</summary>
    [OneWay]
    Task EndSession(Guid userId, Guid deviceId);

    /// <summary>
    /// The activation of the person's grain that listed this node is going away (its storage failed, or the cluster
    /// found a second one after a node died): claim the person again, from whichever activation comes next.
    /// </summary>
    [OneWay]
    Task Reclaim(Guid userId);
}
