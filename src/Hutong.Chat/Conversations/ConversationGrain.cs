using Hutong.Core;
using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Chat.Media;
using Hutong.Chat.Events;
using Hutong.Chat.Messages;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Core.Errors;
using Microsoft.Extensions.DependencyInjection;
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
internal sealed class ConversationGrain(
    IConversationStore conversations,
    IMessageStore messages,
    IMediaStore uploads,
    IInvitationStore invitations,
    ChatWriter writer,
    IServiceScopeFactory scopes,
    IOptions<ChatOptions> options,
    TimeProvider clock) : Grain, IConversationGrain, IDisposable
{
    /// <summary>Resends are recognised from memory for this many recent messages, also after a restart.</summary>
    private const int RememberedClientIds = 2_048;

    private readonly Dictionary<Guid, Member> _members = [];
    private readonly Dictionary<(Guid Sender, string ClientMsgId), SentMessage> _sent = [];
    private readonly Queue<(Guid, string)> _sentOrder = new();
    private readonly Dictionary<(Guid Sender, string ClientMsgId), Task<Result<SentMessage>>> _sending = [];
    private readonly HashSet<long> _recalling = [];
    private readonly SemaphoreSlim _changes = new(1, 1);

    private Conversation? _conversation;
    private long _lastSeq;

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
        AttachmentData? attachment = null;
        if (command.MediaId is not null || command.CardUserId is not null)
        {
            // Lookups first: the part below takes the seq and must not await before handing the message on.
            var looked = await LookUpAsync(command);
            if (!looked.IsSuccess)
            {
                return looked.Error;
            }

            attachment = looked.Value;
        }

        return await SendNowAsync(command, attachment);
    }

    private Task<Result<SentMessage>> SendNowAsync(SendCommand command, AttachmentData? attachment)
    {
        if (_conversation is null || !_members.TryGetValue(command.SenderId, out var sender))
        {
            return Task.FromResult<Result<SentMessage>>(ChatErrors.ConversationNotFound);
        }

        var key = (command.SenderId, command.ClientMsgId);
        if (_sent.TryGetValue(key, out var first))
        {
            return Task.FromResult<Result<SentMessage>>(first);
        }

        if (_sending.TryGetValue(key, out var inFlight))
        {
            return inFlight;
        }

        if (Refuse(command, sender) is { } refusal)
        {
            return Task.FromResult<Result<SentMessage>>(refusal);
        }

        var message = new ChatMessage(
            Id, ++_lastSeq, command.SenderId, command.Kind, command.Text, command.ReplyToSeq,
            command.Mentions.Count > 0 ? command.Mentions : null, command.MentionsAll, clock.Now(), command.ClientMsgId, null, null,
            attachment, command.Location, command.CardUserId);
        var sending = CommitSendAsync(key, writer.WriteAsync(new AppendMessage(message)), message);
        if (!sending.IsCompleted)
        {
            _sending[key] = sending;
        }

        return sending;
    }

    private Error? Refuse(SendCommand command, Member sender)
    {
        if (_conversation!.Dissolved)
        {
            return Error.Forbidden(ErrorCodes.MessageRefused, "This group was dissolved.");
        }

        if (_conversation.Kind == ConversationKind.Direct && !_directOpen)
        {
            return Error.Forbidden(ErrorCodes.MessageRefused, "You can message only friends who have not blocked you.");
        }

        if (command.MentionsAll && sender.Role == MemberRole.Member)
        {
            return Error.Forbidden(ErrorCodes.NotAllowed, "Only the group's owner or admins may mention everyone.");
        }

        if (command.Mentions.Any(m => !_members.ContainsKey(m)))
        {
            return ChatErrors.Invalid("mentions", "Everyone mentioned must be in the conversation.");
        }

        if (command.ReplyToSeq is { } reply && (reply <= sender.VisibleAfterSeq || reply > _lastSeq))
        {
            return ChatErrors.Invalid("replyToSeq", "The quoted message is not in this conversation.");
        }

        return null;
    }

    /// <summary>A media message's upload must be the sender's own and of the kind's type; a card must name a person.</summary>
    private async Task<Result<AttachmentData?>> LookUpAsync(SendCommand command)
    {
        if (command.CardUserId is { } card)
        {
            // A scope per lookup: scoped stores hold one DbContext, and this grain runs calls side by side.
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<IAccountStore>().FindAsync(card, CancellationToken.None) is null)
            {
                return ChatErrors.Invalid("cardUserId", "The card names no one.");
            }
        }

        if (command.MediaId is not { } mediaId)
        {
            return (AttachmentData?)null;
        }

        var media = await uploads.FindAsync(mediaId, CancellationToken.None);
        if (media is null || media.UploaderId != command.SenderId)
        {
            return ChatErrors.Invalid("mediaId", "Send your own upload.");
        }

        var fits = command.Kind switch
        {
            MessageKind.Image => media.ContentType.StartsWith("image/", StringComparison.Ordinal),
            MessageKind.Voice => media.ContentType.StartsWith("audio/", StringComparison.Ordinal),
            MessageKind.Video => media.ContentType.StartsWith("video/", StringComparison.Ordinal),
            _ => true,
        };
        return fits
            ? new AttachmentData(media.Id, media.ContentType, media.Size, command.FileName ?? media.FileName, command.DurationMs)
            : ChatErrors.Invalid("mediaId", $"The upload is {media.ContentType}, which is not a {command.Kind.ToString().ToLowerInvariant()}.");
    }

    private async Task<Result<SentMessage>> CommitSendAsync((Guid, string) key, Task durable, ChatMessage message)
    {
        try
        {
            await durable;
        }
        catch
        {
            _sending.Remove(key);
            // A resend older than the remembered ids meets the unique index; it has its first seq already.
            if (await messages.FindByClientMsgIdAsync(Id, message.SenderId, message.ClientMsgId!, CancellationToken.None) is { } existing)
            {
                return Remember(key, new SentMessage(existing.Seq, existing.SentAt));
            }

            // Storage failed: forget the seq counter and start again from what is durable.
            DeactivateOnIdle();
            return ChatErrors.Unavailable;
        }

        _sending.Remove(key);
        Fanout(message);
        return Remember(key, new SentMessage(message.Seq, message.SentAt));
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

        if (message.SenderId != userId || message.Kind == MessageKind.System)
        {
            return Error.Forbidden(ErrorCodes.NotYourMessage, "You can recall only your own messages.");
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

    public async Task<Result<AddOutcome>> AddMembersAsync(Guid actorId, IReadOnlyList<Guid> userIds)
    {
        AddOutcome? outcome = null;
        var changed = await Change(actorId, MemberRole.Member, async () =>
        {
            if (_conversation!.Kind != ConversationKind.Group)
            {
                return Error.BadRequest(ErrorCodes.NotAllowed, "Members are added to groups only.");
            }

            var joining = userIds.Distinct().Where(u => !_members.ContainsKey(u)).ToList();
            if (joining.Count == 0)
            {
                outcome = new AddOutcome([], []);
                return Done.Value;
            }

            if (_members.Count + joining.Count > Limits.MaxGroupMembers)
            {
                return Error.Conflict(ErrorCodes.GroupFull, $"A group has at most {Limits.MaxGroupMembers} members.");
            }

            if (await FirstNonFriendAsync(actorId, joining) is { } stranger)
            {
                return Error.Forbidden(ErrorCodes.NotFriends, "You can add only your friends.") with { Detail = stranger.ToString() };
            }

            var awaitingApproval = _conversation.InviteApproval && _members[actorId].Role == MemberRole.Member;
            var awaitingAcceptance = _members.Count > Limits.AcceptanceAbove;
            if (awaitingApproval || awaitingAcceptance)
            {
                var now = clock.Now();
                var pending = joining.Select(u => new GroupInvitation(
                    Ids.New(clock), Id, actorId, u, awaitingApproval, awaitingAcceptance, now, now + Limits.GroupCodeLifetime, InvitationState.Open)).ToList();
                await invitations.AddAsync(pending, CancellationToken.None);
                await TellAboutInvitationsAsync(pending);
                outcome = new AddOutcome([], pending);
                return Done.Value;
            }

            outcome = new AddOutcome(joining, []);
            return await JoinAsync(actorId, joining, null, null);
        });
        return changed.IsSuccess ? outcome! : changed.Error;
    }

    public async Task<Result<GroupInvitation>> AnswerInvitationAsync(Guid actorId, Guid invitationId, bool yes)
    {
        GroupInvitation? answered = null;
        var changed = await Guarded(async () =>
        {
            var invitation = await invitations.FindAsync(invitationId, CancellationToken.None);
            var approver = _members.TryGetValue(actorId, out var member) && member.Role != MemberRole.Member;
            if (invitation is null || invitation.ConversationId != Id || invitation.State != InvitationState.Open
                || !((invitation.InviteeId == actorId && invitation.AwaitingAcceptance) || (approver && invitation.AwaitingApproval)))
            {
                return Error.NotFound(ErrorCodes.InvitationNotFound, "No such invitation waits for you.");
            }

            if (clock.Now() >= invitation.ExpiresAt)
            {
                return Error.Conflict(ErrorCodes.RequestExpired, "This invitation has expired.");
            }

            if (!yes)
            {
                answered = invitation with { State = InvitationState.Declined };
                await invitations.UpdateAsync(answered, CancellationToken.None);
                return Done.Value;
            }

            answered = invitation with
            {
                AwaitingAcceptance = invitation.AwaitingAcceptance && invitation.InviteeId != actorId,
                AwaitingApproval = invitation.AwaitingApproval && !approver,
            };
            if (answered.AwaitingAcceptance || answered.AwaitingApproval)
            {
                await invitations.UpdateAsync(answered, CancellationToken.None);
                return Done.Value;
            }

            if (_members.ContainsKey(invitation.InviteeId))
            {
                answered = answered with { State = InvitationState.Joined };
                await invitations.UpdateAsync(answered, CancellationToken.None);
                return Done.Value;
            }

            if (_members.Count >= Limits.MaxGroupMembers)
            {
                return Error.Conflict(ErrorCodes.GroupFull, $"A group has at most {Limits.MaxGroupMembers} members.");
            }

            answered = answered with { State = InvitationState.Joined };
            return await JoinAsync(invitation.InviterId, [invitation.InviteeId], new CloseInvitation(invitation.Id, InvitationState.Joined), null);
        });
        return changed.IsSuccess ? answered! : changed.Error;
    }

    public async Task<Result<bool>> JoinByCodeAsync(Guid userId, Guid creatorId)
    {
        var joined = false;
        var changed = await Guarded(async () =>
        {
            if (_conversation!.Kind != ConversationKind.Group || !_members.TryGetValue(creatorId, out var creator))
            {
                return Error.NotFound(ErrorCodes.CodeInvalid, "This code does not open a group any more.");
            }

            if (_members.ContainsKey(userId))
            {
                return Error.Conflict(ErrorCodes.AlreadyMember, "You are in this group already.");
            }

            // Codes work while the group has at most QrMaxMembers (PRODUCT.md: they stop once it has more).
            if (_members.Count > Limits.QrMaxMembers || _members.Count >= Limits.MaxGroupMembers)
            {
                return Error.Conflict(ErrorCodes.QrUnavailable, $"Groups of more than {Limits.QrMaxMembers} members are joined by invitation only.");
            }

            if (_conversation.InviteApproval && creator.Role == MemberRole.Member)
            {
                var now = clock.Now();
                GroupInvitation[] pending = [new(Ids.New(clock), Id, creatorId, userId, true, false, now, now + Limits.GroupCodeLifetime, InvitationState.Open)];
                await invitations.AddAsync(pending, CancellationToken.None);
                await TellAboutInvitationsAsync(pending);
                return Done.Value;
            }

            joined = true;
            return await JoinAsync(creatorId, [userId], null, "qr");
        });
        return changed.IsSuccess ? joined : changed.Error;
    }

    /// <summary>Adds the people with a <c>joined</c> notice, in one unit with whatever else must commit with it.</summary>
    private async Task<Result<Done>> JoinAsync(Guid actorId, IReadOnlyList<Guid> joining, ChatWrite? with, string? via)
    {
        var notice = Notice(actorId, NoticeTypes.Joined, userIds: joining, text: via);
        var now = clock.Now();
        // New members see the conversation from the notice of their joining on, not its history.
        var added = joining.Select(u => new Member(Id, u, MemberRole.Member, now, notice.Seq - 1, notice.Seq - 1, false, false)).ToList();
        foreach (var member in added)
        {
            _members[member.UserId] = member;
        }

        var unit = new List<ChatWrite> { new AddMembers(added), new AppendMessage(notice) };
        if (with is not null)
        {
            unit.Add(with);
        }

        var written = await WriteAsync([.. unit]);
        await TellAsync(joining, "joined");
        return written;
    }

    /// <summary>Tells invitees who must accept, and the owner and admins who must approve.</summary>
    private async Task TellAboutInvitationsAsync(IReadOnlyList<GroupInvitation> pending)
    {
        var approvers = _members.Values.Where(m => m.Role != MemberRole.Member).Select(m => m.UserId).ToList();
        foreach (var invitation in pending)
        {
            var told = new HashSet<Guid>();
            if (invitation.AwaitingAcceptance)
            {
                told.Add(invitation.InviteeId);
            }

            if (invitation.AwaitingApproval)
            {
                told.UnionWith(approvers);
            }

            foreach (var userId in told)
            {
                await GrainFactory.GetGrain<IUserGrain>(userId).AppendAsync(
                    new UserEventData(UserEventKinds.GroupInvitation, Id, OtherUserId: invitation.InviteeId, RequestId: invitation.Id, State: "pending"));
            }
        }
    }

    public Task<Result<Done>> RemoveMemberAsync(Guid actorId, Guid userId) =>
        Change(actorId, MemberRole.Member, async () =>
        {
            if (_conversation!.Kind != ConversationKind.Group)
            {
                return Error.BadRequest(ErrorCodes.NotAllowed, "No one leaves a direct conversation; remove the friend instead.");
            }

            if (!_members.TryGetValue(userId, out var target))
            {
                return Error.NotFound(ErrorCodes.NotAMember, "This person is not in the group.");
            }

            var leaving = actorId == userId;
            var actor = _members[actorId];
            if (!leaving && (actor.Role == MemberRole.Member || target.Role >= actor.Role))
            {
                return ChatErrors.NotAllowed;
            }

            var unit = new List<ChatWrite>();
            if (leaving && target.Role == MemberRole.Owner && _members.Count > 1)
            {
                // The group keeps an owner: the longest-serving admin, else the longest-standing member.
                var heir = _members.Values.Where(m => m.UserId != userId)
                    .OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt).First();
                _members[heir.UserId] = heir with { Role = MemberRole.Owner };
                unit.Add(new SetRole(Id, heir.UserId, MemberRole.Owner));
                unit.Add(new AppendMessage(Notice(userId, NoticeTypes.OwnerChanged, userIds: [heir.UserId])));
            }

            _members.Remove(userId);
            unit.Add(new RemoveMember(Id, userId));
            unit.Add(new AppendMessage(Notice(actorId, leaving ? NoticeTypes.Left : NoticeTypes.Removed, userIds: [userId])));
            var written = await WriteAsync([.. unit]);
            await TellAsync([userId], leaving ? "left" : "removed");
            return written;
        });

    public Task<Result<Done>> UpdateGroupAsync(Guid actorId, string? name, string? announcement, bool? inviteApproval) =>
        Change(actorId, MemberRole.Member, () =>
        {
            if (_conversation!.Kind != ConversationKind.Group)
            {
                return Task.FromResult<Result<Done>>(Error.BadRequest(ErrorCodes.NotAllowed, "Only groups have a name and an announcement."));
            }

            var role = _members[actorId].Role;
            var renaming = name is not null && name != _conversation.Name;
            var announcing = announcement is not null && announcement != _conversation.Announcement;
            var approving = inviteApproval is { } approval && approval != _conversation.InviteApproval;
            if ((announcing || approving || (renaming && _members.Count > Limits.OpenRenameUpTo)) && role == MemberRole.Member)
            {
                return Task.FromResult<Result<Done>>(ChatErrors.NotAllowed);
            }

            if (!renaming && !announcing && !approving)
            {
                return Task.FromResult<Result<Done>>(Done.Value);
            }

            _conversation = _conversation with
            {
                Name = renaming ? name : _conversation.Name,
                Announcement = announcing ? announcement : _conversation.Announcement,
                InviteApproval = inviteApproval ?? _conversation.InviteApproval,
            };
            var unit = new List<ChatWrite> { new UpdateGroup(Id, _conversation.Name, _conversation.Announcement, false, _conversation.InviteApproval) };
            if (renaming)
            {
                unit.Add(new AppendMessage(Notice(actorId, NoticeTypes.Renamed, text: name)));
            }

            if (announcing)
            {
                unit.Add(new AppendMessage(Notice(actorId, NoticeTypes.Announcement, text: announcement)));
            }

            return WriteAsync([.. unit]);
        });

    public Task<Result<Done>> SetRoleAsync(Guid actorId, Guid userId, MemberRole role) =>
        Change(actorId, MemberRole.Owner, () =>
        {
            if (!_members.TryGetValue(userId, out var target))
            {
                return Task.FromResult<Result<Done>>(Error.NotFound(ErrorCodes.NotAMember, "This person is not in the group."));
            }

            if (target.Role == role || userId == actorId)
            {
                return Task.FromResult<Result<Done>>(Done.Value);
            }

            if (role == MemberRole.Admin && _members.Values.Count(m => m.Role == MemberRole.Admin) >= Limits.MaxGroupAdmins)
            {
                return Task.FromResult<Result<Done>>(Error.Conflict(ErrorCodes.AdminLimitReached, $"A group has at most {Limits.MaxGroupAdmins} admins."));
            }

            var unit = new List<ChatWrite>();
            if (role == MemberRole.Owner)
            {
                // Handing over ownership: the old owner stays as a member.
                _members[actorId] = _members[actorId] with { Role = MemberRole.Member };
                unit.Add(new SetRole(Id, actorId, MemberRole.Member));
                unit.Add(new AppendMessage(Notice(actorId, NoticeTypes.OwnerChanged, userIds: [userId])));
            }
            else
            {
                unit.Add(new AppendMessage(Notice(actorId, NoticeTypes.RoleChanged, userIds: [userId], text: role == MemberRole.Admin ? MemberRoles.Admin : MemberRoles.Member)));
            }

            _members[userId] = target with { Role = role };
            unit.Add(new SetRole(Id, userId, role));
            return WriteAsync([.. unit]);
        });

    public Task<Result<Done>> DissolveAsync(Guid actorId) =>
        Change(actorId, MemberRole.Owner, async () =>
        {
            _conversation = _conversation! with { Dissolved = true };
            var written = await WriteAsync(
                new UpdateGroup(Id, _conversation.Name, _conversation.Announcement, true, _conversation.InviteApproval),
                new AppendMessage(Notice(actorId, NoticeTypes.Dissolved)));
            await TellAsync([.. _members.Keys], "dissolved");
            return written;
        });

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
        new(Id, ++_lastSeq, actorId, MessageKind.System, null, null, null, false, clock.Now(), null,
            new NoticeData(type, actorId, userIds, targetSeq, text), null);

    /// <summary>Enqueues the unit at once (keeping seq order), then waits until it is durable.</summary>
    private Task<Result<Done>> WriteAsync(params IReadOnlyList<ChatWrite> unit) => AwaitWriteAsync(writer.WriteAsync(unit), unit);

    /// <summary>
    /// Pushes a durable message to every member through their user grains, which know the nodes holding their
    /// connections; the sender's other devices get it too. One-way: a device that misses it catches up by sync.
    /// </summary>
    private void Fanout(ChatMessage message)
    {
        foreach (var member in _members.Keys)
        {
            _ = GrainFactory.GetGrain<IUserGrain>(member).PushMessageAsync(message);
        }
    }

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

    private async Task TellAsync(IReadOnlyList<Guid> userIds, string state)
    {
        foreach (var userId in userIds)
        {
            await GrainFactory.GetGrain<IUserGrain>(userId).AppendAsync(new UserEventData(UserEventKinds.Conversation, ConversationId: Id, State: state));
        }
    }

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
        await using var scope = scopes.CreateAsyncScope();
        var contacts = scope.ServiceProvider.GetRequiredService<IContactStore>();
        var relationship = await contacts.GetRelationshipAsync(a, b, clock.Now(), cancellationToken);
        return relationship is { Friends: true, IBlockedThem: false, TheyBlockedMe: false };
    }

    private async Task<Guid?> FirstNonFriendAsync(Guid actorId, IReadOnlyList<Guid> userIds)
    {
        await using var scope = scopes.CreateAsyncScope();
        var contacts = scope.ServiceProvider.GetRequiredService<IContactStore>();
        foreach (var userId in userIds)
        {
            var relationship = await contacts.GetRelationshipAsync(actorId, userId, clock.Now(), CancellationToken.None);
            if (!relationship.Friends || relationship.TheyBlockedMe)
            {
                return userId;
            }
        }

        return null;
    }
}
