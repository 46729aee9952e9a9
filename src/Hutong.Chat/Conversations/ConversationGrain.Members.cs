using Hutong.Core;
using Hutong.Chat.Messages;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;
using Hutong.Core.Errors;

namespace Hutong.Chat.Conversations;

/// <summary>Membership and group settings: who joins, leaves, leads, and how.</summary>
internal sealed partial class ConversationGrain
{
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

            // Codes work while the group has at most QrMaxMembers (docs/product.md: they stop once it has more).
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
        // Where the newcomers are, before their notice takes its seq: from there on, no await until the writer has it.
        await _audience.WatchAsync(joining);
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
        await TellAsync(written, joining, ConversationChanges.Joined);
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

            await events.AppendToEachAsync(told, new GroupInvitationEvent(Ids.Format(Id), Ids.Format(invitation.Id), Ids.Format(invitation.InviteeId)));
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
            _audience.Forget(userId);
            unit.Add(new RemoveMember(Id, userId));
            unit.Add(new AppendMessage(Notice(actorId, leaving ? NoticeTypes.Left : NoticeTypes.Removed, userIds: [userId])));
            var written = await WriteAsync([.. unit]);
            await TellAsync(written, [userId], leaving ? ConversationChanges.Left : ConversationChanges.Removed);
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
                unit.Add(new AppendMessage(Notice(actorId, NoticeTypes.RoleChanged, userIds: [userId], text: ChatWire.Name(role))));
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
            await TellAsync(written, [.. _members.Keys], ConversationChanges.Dissolved);
            return written;
        });

    private Task<Guid?> FirstNonFriendAsync(Guid actorId, IReadOnlyList<Guid> userIds) =>
        contacts.FirstStrangerAsync(actorId, userIds, CancellationToken.None);
}
