using Hutong.Core;
using Hutong.Chat.Messages;
using Orleans.Concurrency;

namespace Hutong.Chat.Events;

/// <summary>
/// Reentrant so that appends queue in the writer together; each takes its seq before its first await, which is what
/// keeps the log gap-free and ordered.
/// </summary>
[Reentrant]
internal sealed class UserGrain(IUserEventStore events, ChatWriter writer, TimeProvider clock) : Grain, IUserGrain
{
    private long _lastSeq;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _lastSeq = await events.GetLastSeqAsync(this.GetPrimaryKey(), cancellationToken);

    public async Task<long> AppendAsync(UserEventData data)
    {
        var stored = new StoredUserEvent(
            this.GetPrimaryKey(), ++_lastSeq, data.Kind, clock.Now(), data.ConversationId, data.MessageSeq, data.OtherUserId, data.RequestId, data.State);
        try
        {
            await writer.WriteAsync(new AppendUserEvent(stored));
        }
        catch
        {
            // The seq may or may not be taken now: start again from storage.
            DeactivateOnIdle();
            throw;
        }

        return stored.Seq;
    }
}
