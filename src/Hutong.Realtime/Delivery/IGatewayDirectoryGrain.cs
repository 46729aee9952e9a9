namespace Hutong.Realtime.Delivery;

/// <summary>
/// Every node's gateway, for pushes that go to whoever of many people is online (an official account's broadcast to a
/// million followers reaches the few thousand connected, node by node). One grain for the cluster, key 0; a node
/// renews its entry with each heartbeat and one that stops is dropped after <see cref="GatewayDirectoryGrain.Lease"/>.
/// </summary>
public interface IGatewayDirectoryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(IGatewayNode node);

    Task UnregisterAsync(IGatewayNode node);

    Task<IGatewayNode[]> NodesAsync();
}
