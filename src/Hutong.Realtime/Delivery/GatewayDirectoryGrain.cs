namespace Hutong.Realtime.Delivery;

/// <summary>The cluster's gateway nodes, each on a lease its heartbeat renews. Nothing here needs to survive a restart: nodes register again.</summary>
internal sealed class GatewayDirectoryGrain(TimeProvider clock) : Grain, IGatewayDirectoryGrain
{
    /// <summary>A node that stops renewing (it died) is dropped after this long.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly Dictionary<GrainId, (IGatewayNode Node, DateTimeOffset Until)> _nodes = [];

    public Task RegisterAsync(IGatewayNode node)
    {
        _nodes[node.GetGrainId()] = (node, clock.GetUtcNow() + Lease);
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(IGatewayNode node)
    {
        _nodes.Remove(node.GetGrainId());
        return Task.CompletedTask;
    }

    public Task<IGatewayNode[]> NodesAsync()
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _nodes.Where(n => n.Value.Until < now).Select(n => n.Key).ToList())
        {
            _nodes.Remove(expired);
        }

        return Task.FromResult(_nodes.Values.Select(n => n.Node).ToArray());
    }
}
