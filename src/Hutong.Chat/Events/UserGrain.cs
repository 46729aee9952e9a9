using Hutong.Chat.Messages;
using Hutong.Core;
using Orleans.Concurrency;

namespace Hutong.Chat.Events;

/// <summary>
/// Reentrant so that appends queue in the writer together; each takes its seq before its first await, which is what
/// keeps the log gap-free and ordered.
/// </summary>
[Reentrant]
internal sealed class UserGrain(IUserEventStore events, ChatWriter writer, TimeProvider clock) : Grain, IUserGrain
{
    /// <summary>A node that stops repeating its attach (it died) stops receiving pushes after this long.</summary>
    private static readonly TimeSpan NodeLease = TimeSpan.FromMinutes(5);

    private readonly Dictionary<GrainId, (IGatewayNode Node, DateTimeOffset Until)> _nodes = [];
    private long _lastSeq;

    /// <summary>This activation's latest append: each follows it, so none is durable past one that failed.</summary>
    private Task? _lastWrite;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _lastSeq = await events.GetLastSeqAsync(this.GetPrimaryKey(), cancellationToken);

    public async Task<long> AppendAsync(UserEventData data)
    {
        var stored = new StoredUserEvent(
            this.GetPrimaryKey(), ++_lastSeq, data.Kind, clock.Now(), data.ConversationId, data.MessageSeq, data.OtherUserId, data.RequestId, data.State);
        try
        {
            await (_lastWrite = writer.WriteAsync(_lastWrite, new AppendUserEvent(stored)));
        }
        catch
        {
            // The seq may or may not be taken now: start again from storage.
            DeactivateOnIdle();
            throw;
        }

        foreach (var node in LiveNodes())
        {
            await node.DeliverEvent(stored.UserId, stored);
        }

        return stored.Seq;
    }

    public Task AttachAsync(IGatewayNode node)
    {
        _nodes[node.GetGrainId()] = (node, clock.GetUtcNow() + NodeLease);
        return Task.CompletedTask;
    }

    public async Task PushMessageAsync(ChatMessage message)
    {
        foreach (var node in LiveNodes())
        {
            await node.DeliverMessage(this.GetPrimaryKey(), message);
        }
    }

    public async Task EndSessionAsync(Guid deviceId)
    {
        foreach (var node in LiveNodes())
        {
            await node.EndSession(this.GetPrimaryKey(), deviceId);
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
