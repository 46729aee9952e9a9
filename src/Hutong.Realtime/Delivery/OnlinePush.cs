using Microsoft.Extensions.Logging;

namespace Hutong.Realtime.Delivery;

/// <summary>
/// Pushes one frame to whoever of many people is online: each node says whom it holds, the producer picks its people
/// among them (one query per node, however many people it has offline), and the node writes the frame to them. Costs
/// grow with the people online, not with the audience. Stateless, so one per node is as good as one for the cluster.
/// </summary>
public sealed class OnlinePush(IGrainFactory grains, ILogger<OnlinePush> logger)
{
    /// <summary>Pushes to the connected people <paramref name="pick"/> chooses; returns how many were pushed to.</summary>
    public async Task<int> PushAsync(
        Func<Guid[], CancellationToken, Task<IReadOnlyCollection<Guid>>> pick, Push push, CancellationToken cancellationToken)
    {
        var nodes = await grains.GetGrain<IGatewayDirectoryGrain>(0).NodesAsync();
        var counts = await Task.WhenAll(nodes.Select(async node =>
        {
            try
            {
                var connected = await node.ConnectedAsync();
                if (connected.Length == 0)
                {
                    return 0;
                }

                var chosen = await pick(connected, cancellationToken);
                if (chosen.Count > 0)
                {
                    await node.DeliverTo([.. chosen], push);
                }

                return chosen.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A node that died keeps its lease a while; its people catch up when they next read.
                RealtimeLog.OnlinePushFailed(logger, ex);
                return 0;
            }
        }));
        return counts.Sum();
    }
}
