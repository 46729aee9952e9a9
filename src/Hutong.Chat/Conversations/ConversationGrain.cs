using Hutong.Core;
using Hutong.Accounts.Contacts;
using Hutong.Chat.Messages;
using Hutong.Chat.Messages.Content;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Realtime;
using Hutong.Realtime.Delivery;
using Hutong.Realtime.Log;
using Hutong.Core.Errors;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Hutong.Chat.Conversations;

/// <summary>
/// Reentrant, so sends from many members wait in the writer's group commit together rather than one after another.
/// Correctness rests on one habit: a method decides, takes its seq and hands its unit to the writer with no await in
/// between, so units reach the group commit in seq order and readers never see seq N+1 before N. Membership changes,
/// which read storage before deciding, run one at a time behind <see cref="_changes"/>.
/// </summary>
[Reentrant]
internal sealed partial class ConversationGrain(
    IConversationStore conversations,
    IMessageStore messages,
    ContentHandlers handlers,
    IInvitationStore invitations,
    ChatWriter writer,
    ChatMetrics metrics,
    EventLog events,
    IContactStore contacts,
    IOptions<ChatOptions> options,
    IClusterMembershipService membership,
    TimeProvider clock) : Grain, IConversationGrain, IPresenceWatcher, IDisposable
{
    /// <summary>Resends are recognised from memory for this many recent messages, also after a restart.</summary>
    private const int RememberedClientIds = 2_048;

    private readonly Dictionary<Guid, Member> _members = [];

    /// <summary>Watches renew this often, well inside <see cref="UserGrain"/>'s watch lease.</summary>
    private static readonly TimeSpan WatchRenewal = TimeSpan.FromMinutes(2);
    private readonly Dictionary<(Guid Sender, string ClientMsgId), SentMessage> _sent = [];
    private readonly Queue<(Guid, string)> _sentOrder = new();
    private readonly Dictionary<(Guid Sender, string ClientMsgId), Task<Result<SentMessage>>> _sending = [];
    private readonly HashSet<long> _recalling = [];
    private readonly SemaphoreSlim _changes = new(1, 1);

    private Conversation? _conversation;
    private long _lastSeq;

    /// <summary>Where the members are connected, so a message goes to each node once.</summary>
    private Audience _audience = null!;

    /// <summary>This activation's latest write: each write follows it, so none is durable past one that failed.</summary>
    private Task? _lastWrite;

    /// <summary>For a direct conversation: both are friends and neither blocks the other.</summary>
    private bool _directOpen;

    private ChatOptions Limits => options.Value;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _conversation = await conversations.FindAsync(Id, cancellationToken);
        if (_conversation is null)
        {
            return;
        }

        foreach (var member in await conversations.GetMembersAsync(Id, cancellationToken))
        {
            _members[member.UserId] = member;
        }

        _audience = new Audience(GrainFactory, membership, this.AsReference<IPresenceWatcher>());
        await _audience.WatchAsync(_members.Keys);
        this.RegisterGrainTimer(() => _audience.RenewAsync(), WatchRenewal, WatchRenewal);

        _lastSeq = await messages.GetLastSeqAsync(Id, cancellationToken);
        foreach (var message in await messages.GetRecentAsync(Id, RememberedClientIds, cancellationToken))
        {
            if (message.ClientMsgId is not null)
            {
                Remember((message.SenderId, message.ClientMsgId), new SentMessage(message.Seq, message.SentAt));
            }
        }

        if (_conversation.Kind == ConversationKind.Direct)
        {
            _directOpen = await IsDirectOpenAsync(_conversation.DirectLow!.Value, _conversation.DirectHigh!.Value, cancellationToken);
        }
    }

    public async Task<Result<SentMessage>> SendAsync(SendCommand command)
    {
        var content = command.DecodeContent();
        // Kinds without a handler are the platform's own (money, notices): written as the feature gave them.
        var handler = handlers.Find(content);
        if (handler is not null)
        {
            // Lookups first: the part below takes the seq and must not await before handing the message on.
            var resolved = await handler.ResolveAsync(command.SenderId, content, CancellationToken.None);
            if (!resolved.IsSuccess)
            {
                return resolved.Error;
            }

            content = resolved.Value;
        }

        return await SendNowAsync(command, content, handler);
    }

    private Task<Result<SentMessage>> SendNowAsync(SendCommand command, MessageContent content, IContentHandler? handler)
    {
        if (_conversation is null || !_members.TryGetValue(command.SenderId, out var sender))
        {
            return Task.FromResult<Result<SentMessage>>(ChatErrors.ConversationNotFound);
        }

        var key = (command.SenderId, command.ClientMsgId);
        if (Repeated(key) is { } first)
        {
            return first;
        }

        if (Refuse(command, content, handler, sender) is { } refusal)
        {
            return Task.FromResult<Result<SentMessage>>(refusal);
        }

        return Commit(key, new ChatMessage(Id, ++_lastSeq, command.SenderId, content, command.ReplyToSeq, clock.Now(), command.ClientMsgId));
    }

    /// <summary>The first answer to a sender's key, remembered or still being written; null for a new key.</summary>
    private Task<Result<SentMessage>>? Repeated((Guid, string) key) =>
        _sent.TryGetValue(key, out var first) ? Task.FromResult<Result<SentMessage>>(first) : _sending.GetValueOrDefault(key);

    /// <summary>Hands a message with a sender's key to the writer; a repeat of the key meanwhile waits for this write.</summary>
    private Task<Result<SentMessage>> Commit((Guid, string) key, ChatMessage message)
    {
        var sending = CommitSendAsync(key, Write(new AppendMessage(message)), message);
        if (!sending.IsCompleted)
        {
            _sending[key] = sending;
        }

        return sending;
    }

    private Error? Refuse(SendCommand command, MessageContent content, IContentHandler? handler, Member sender)
    {
        if (_conversation!.Dissolved)
        {
            return Error.Forbidden(ErrorCodes.MessageRefused, "This group was dissolved.");
        }

        if (_conversation.Kind == ConversationKind.Direct && !_directOpen)
        {
            return Error.Forbidden(ErrorCodes.MessageRefused, "You can message only friends who have not blocked you.");
        }

        if (handler?.Refuse(content, new SendContext(sender.Role, _members.ContainsKey)) is { } refused)
        {
            return refused;
        }

        if (command.ReplyToSeq is { } reply && (reply <= sender.VisibleAfterSeq || reply > _lastSeq))
        {
            return ChatErrors.Invalid("replyToSeq", "The quoted message is not in this conversation.");
        }

        return null;
    }

    private async Task<Result<SentMessage>> CommitSendAsync((Guid, string) key, Task durable, ChatMessage message)
    {
        var written = await AwaitWriteAsync(durable, [new AppendMessage(message)]);
        _sending.Remove(key);
        if (written.IsSuccess)
        {
            // A feature's notice (a transfer expired, say) is the platform speaking, not a message sent.
            if (message.Content is not NoticeContent)
            {
                metrics.Sent(_conversation!.Kind);
            }

            return Remember(key, new SentMessage(message.Seq, message.SentAt));
        }

        // A resend older than the remembered ids meets the unique index; it has its first seq already.
        return await messages.FindByClientMsgIdAsync(Id, message.SenderId, message.ClientMsgId!, CancellationToken.None) is { } existing
            ? Remember(key, new SentMessage(existing.Seq, existing.SentAt))
            : written.Error;
    }

    public async Task<Result<long>> RecallAsync(Guid userId, long seq)
    {
        if (_conversation is null || !_members.TryGetValue(userId, out var member))
        {
            return ChatErrors.ConversationNotFound;
        }

        var message = seq > member.VisibleAfterSeq ? await messages.FindAsync(Id, seq, CancellationToken.None) : null;
        if (message is null)
        {
            return ChatErrors.MessageNotFound;
        }

        if (message.SenderId != userId || message.Content is NoticeContent)
        {
            return Error.Forbidden(ErrorCodes.NotYourMessage, "You can recall only your own messages.");
        }

        if (message.Content?.Recallable() == false)
        {
            return Error.Forbidden(ErrorCodes.NotAllowed, "A transfer or red packet cannot be recalled.");
        }

        if (message.RecalledAt is not null || !_recalling.Add(seq))
        {
            return Error.Conflict(ErrorCodes.AlreadyRecalled, "This message was already recalled.");
        }

        var now = clock.Now();
        if (now - message.SentAt > Limits.RecallWindow)
        {
            _recalling.Remove(seq);
            return Error.Conflict(ErrorCodes.RecallWindowPassed, $"A message can be recalled within {Limits.RecallWindow.TotalMinutes:0} minutes of sending.");
        }

        var notice = Notice(userId, NoticeTypes.Recalled, targetSeq: seq);
        var written = await WriteAsync(new MarkRecalled(Id, seq, now), new AppendMessage(notice));
        return written.IsSuccess ? notice.Seq : written.Error;
    }

    public Task<Result<Done>> AnnounceCreatedAsync(Guid ownerId) =>
        Change(ownerId, MemberRole.Owner, () => WriteAsync(new AppendMessage(Notice(ownerId, NoticeTypes.Created, userIds: [.. _members.Keys]))));

    public Task<Membership?> FindMembershipAsync(Guid userId)
    {
        if (_conversation is null || !_members.ContainsKey(userId))
        {
            return Task.FromResult<Membership?>(null);
        }

        var direct = _conversation.Kind == ConversationKind.Direct;
        var other = direct ? (_conversation.DirectLow == userId ? _conversation.DirectHigh : _conversation.DirectLow) : null;
        return Task.FromResult<Membership?>(new Membership(_conversation.Kind, _members.Count, other, !_conversation.Dissolved && (!direct || _directOpen)));
    }

    public async Task<Result<long>> PostNoticeAsync(Guid actorId, string type, string? text, string key)
    {
        if (_conversation is null || !_members.ContainsKey(actorId) || _conversation.Dissolved)
        {
            return ChatErrors.ConversationNotFound;
        }

        // Once per key, as a device's sends are: a second sweep or a retry gets the first notice's seq.
        var sentKey = (actorId, key);
        var sent = await (Repeated(sentKey) ?? Commit(sentKey, Notice(actorId, type, text: text) with { ClientMsgId = key }));
        return sent.IsSuccess ? sent.Value.Seq : sent.Error;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _audience?.ForgetAll();
        return Task.CompletedTask;
    }

    public Task PresenceChanged(Guid userId, Presence presence)
    {
        _audience.Apply(userId, presence);
        return Task.CompletedTask;
    }

    public Task WatchLost(Guid userId)
    {
        _audience.Lost(userId);
        return Task.CompletedTask;
    }

    public void Dispose() => _changes.Dispose();

    public Task RefreshAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Runs a membership change alone, after checking the actor's standing in a group that still exists.</summary>
    private Task<Result<Done>> Change(Guid actorId, MemberRole least, Func<Task<Result<Done>>> change) =>
        Guarded(async () =>
        {
            if (!_members.TryGetValue(actorId, out var actor))
            {
                return ChatErrors.ConversationNotFound;
            }

            return actor.Role < least ? ChatErrors.NotAllowed : await change();
        });

    /// <summary>Runs a change alone, in a conversation that exists and is not dissolved; the actor may be outside it.</summary>
    private async Task<Result<Done>> Guarded(Func<Task<Result<Done>>> change)
    {
        await _changes.WaitAsync();
        try
        {
            if (_conversation is null)
            {
                return ChatErrors.ConversationNotFound;
            }

            if (_conversation.Dissolved)
            {
                return Error.Conflict(ErrorCodes.MessageRefused, "This group was dissolved.");
            }

            return await change();
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>A system message with the next seq; hand it to the writer before awaiting anything.</summary>
    private ChatMessage Notice(Guid actorId, string type, IReadOnlyList<Guid>? userIds = null, long? targetSeq = null, string? text = null) =>
        new(Id, ++_lastSeq, actorId, new NoticeContent(type, Ids.Format(actorId), userIds?.Select(Ids.Format).ToList(), targetSeq, text), null, clock.Now(), null);

    /// <summary>Enqueues the unit at once (keeping seq order), then waits until it is durable.</summary>
    private Task<Result<Done>> WriteAsync(params IReadOnlyList<ChatWrite> unit) => AwaitWriteAsync(Write(unit), unit);

    /// <summary>Hands the unit to the writer behind this activation's previous write; the task ends when it is durable.</summary>
    private Task Write(params IReadOnlyList<ChatWrite> unit) => _lastWrite = writer.WriteAsync(_lastWrite, unit);

    /// <summary>
    /// Pushes a durable message to every member's devices, the sender's other devices too: one call per node that holds
    /// any of them. One-way: a device that misses it catches up by sync.
    /// </summary>
    private void Fanout(ChatMessage message) => _audience.Push(_members.Keys, ChatFrames.Message(message));

    private async Task<Result<Done>> AwaitWriteAsync(Task durable, IReadOnlyList<ChatWrite> unit)
    {
        try
        {
            await durable;
            foreach (var append in unit.OfType<AppendMessage>())
            {
                Fanout(append.Message);
            }

            return Done.Value;
        }
        catch
        {
            // What this grain holds in memory may now be ahead of storage: start again from storage.
            DeactivateOnIdle();
            return ChatErrors.Unavailable;
        }
    }

    /// <summary>Tells each person, in their event log, how their place in the conversation changed, once it did.</summary>
    private Task TellAsync(Result<Done> written, IReadOnlyList<Guid> userIds, string change) =>
        written.IsSuccess ? events.AppendToEachAsync(userIds, new ConversationEvent(Ids.Format(Id), change)) : Task.CompletedTask;

    private SentMessage Remember((Guid, string) key, SentMessage sent)
    {
        if (_sent.TryAdd(key, sent))
        {
            _sentOrder.Enqueue(key);
            if (_sentOrder.Count > RememberedClientIds)
            {
                _sent.Remove(_sentOrder.Dequeue());
            }
        }

        return sent;
    }

    private async Task<bool> IsDirectOpenAsync(Guid a, Guid b, CancellationToken cancellationToken)
    {
        var relationship = await contacts.GetRelationshipAsync(a, b, clock.Now(), cancellationToken);
        return relationship is { Friends: true, IBlockedThem: false, TheyBlockedMe: false };
    }
}
