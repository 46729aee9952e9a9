using Hutong.Core;
using Hutong.Realtime.Delivery;
using Hutong.Realtime.Log;
using Orleans.Concurrency;

namespace Hutong.Realtime;

/// <summary>
/// Reentrant so that appends queue in the writer together; each takes its seq before its first await, which is what
/// keeps the log gap-free and ordered.
/// </summary>
[Reentrant]
internal sealed class UserGrain(IEventLogStore log, EventLogWriter writer, TimeProvider clock) : Grain, IUserGrain
{
    /// <summary>A node that stops repeating its attach (it died) stops receiving pushes after this long.</summary>
    public static readonly TimeSpan NodeLease = TimeSpan.FromMinutes(5);

    private readonly Dictionary<GrainId, (IGatewayNode Node, DateTimeOffset Until)> _nodes = [];
    private long _lastSeq;

    /// <summary>This activation's latest append: each follows it, so none is durable past one that failed.</summary>
    private Task? _lastWrite;

    private Guid UserId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _lastSeq = await log.GetLastSeqAsync(UserId, cancellationToken);

    public async Task<long> AppendAsync(EventData data)
    {
        var entry = new StoredEvent(UserId, ++_lastSeq, data.Kind, clock.Now(), data.Payload);
        try
        {
            await (_lastWrite = writer.WriteAsync(_lastWrite, entry));
        }
        catch
        {
            // The seq may or may not be taken now: start again from storage.
            DeactivateOnIdle();
            throw;
        }

        if (LiveNodes() is { Count: > 0 } nodes)
        {
            var push = RealtimeFrames.Event(entry);
            foreach (var node in nodes)
            {
                await node.Deliver(UserId, push);
            }
        }

        return entry.Seq;
    }

    public Task AttachAsync(IGatewayNode node)
    {
        _nodes[node.GetGrainId()] = (node, clock.GetUtcNow() + NodeLease);
        return Task.CompletedTask;
    }

    public async Task PushAsync(Push push)
    {
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
        }

        return _nodes.Values.Select(n => n.Node).ToList();
    }
}
