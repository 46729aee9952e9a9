using System.Security.Cryptography;
using Hutong.Chat.Conversations;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;

namespace Hutong.Chat;

/// <summary>Group members, roles, settings, invitations and join codes.</summary>
public sealed partial class ChatService
{
    public async Task<Result<AddMembersResponse>> AddMembersAsync(Guid me, Guid conversationId, AddMembersRequest request, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        foreach (var id in request.UserIds ?? [])
        {
            if (!Ids.TryParse(id, out var parsed))
            {
                return ChatErrors.Invalid("userIds", $"'{id}' is not a user id.");
            }

            ids.Add(parsed);
        }

        if (ids.Count == 0)
        {
            return ChatErrors.Invalid("userIds", "Name at least one person to add.");
        }

        var added = await grains.GetGrain<IConversationGrain>(conversationId).AddMembersAsync(me, ids);
        if (!added.IsSuccess)
        {
            return added.Error;
        }

        var name = (await conversations.FindAsync(conversationId, cancellationToken))?.Name ?? string.Empty;
        return new AddMembersResponse(added.Value.Joined.Select(Ids.Format).ToList(), added.Value.Pending.Select(i => ToInfo(i, name)).ToList());
    }

    public async Task<GroupInvitationList> ListInvitationsAsync(Guid me, CancellationToken cancellationToken)
    {
        var open = await invitations.ListOpenForUserAsync(me, clock.Now(), cancellationToken);
        return new GroupInvitationList(open.Select(x => ToInfo(x.Invitation, x.GroupName)).ToList());
    }

    /// <summary>Accepts (as invitee) or approves (as owner or admin) an invitation, or declines it.</summary>
    public async Task<Result<GroupInvitationInfo>> AnswerInvitationAsync(Guid me, Guid invitationId, bool yes, CancellationToken cancellationToken)
    {
        if (await invitations.FindAsync(invitationId, cancellationToken) is not { } invitation)
        {
            return Error.NotFound(ErrorCodes.InvitationNotFound, "No such invitation waits for you.");
        }

        var answered = await grains.GetGrain<IConversationGrain>(invitation.ConversationId).AnswerInvitationAsync(me, invitationId, yes);
        if (!answered.IsSuccess)
        {
            return answered.Error;
        }

        var name = (await conversations.FindAsync(invitation.ConversationId, cancellationToken))?.Name ?? string.Empty;
        return ToInfo(answered.Value, name);
    }

    /// <summary>A member's join code for the group, made on first ask and reused while it has a day or more left.</summary>
    public async Task<Result<GroupQrInfo>> GetGroupCodeAsync(Guid me, Guid conversationId, CancellationToken cancellationToken)
    {
        if (await FindMembershipAsync(me, conversationId, cancellationToken) is not { } found)
        {
            return ChatErrors.ConversationNotFound;
        }

        if (found.Conversation.Kind != ConversationKind.Group || found.Conversation.Dissolved)
        {
            return Error.Conflict(ErrorCodes.QrUnavailable, "Only a group that still exists has a QR code.");
        }

        if ((await conversations.GetMembersAsync(conversationId, cancellationToken)).Count > Limits.QrMaxMembers)
        {
            return Error.Conflict(ErrorCodes.QrUnavailable, $"Groups of more than {Limits.QrMaxMembers} members are joined by invitation only.");
        }

        var now = clock.Now();
        var code = await invitations.FindLiveCodeAsync(conversationId, me, now + TimeSpan.FromDays(1), cancellationToken);
        if (code is null)
        {
            code = new GroupCode(Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_'), conversationId, me, now + Limits.GroupCodeLifetime);
            await invitations.AddCodeAsync(code, cancellationToken);
        }

        return new GroupQrInfo(code.Code, DeepLinks.Group(code.Code), code.ExpiresAt);
    }

    public async Task<Result<JoinGroupResponse>> JoinByCodeAsync(Guid me, JoinGroupRequest request, CancellationToken cancellationToken)
    {
        var code = string.IsNullOrWhiteSpace(request.Code) ? null : await invitations.FindCodeAsync(request.Code.Trim(), cancellationToken);
        if (code is null || clock.Now() >= code.ExpiresAt)
        {
            return Error.NotFound(ErrorCodes.CodeInvalid, "This code does not open a group, or it has expired.");
        }

        var joined = await grains.GetGrain<IConversationGrain>(code.ConversationId).JoinByCodeAsync(me, code.CreatorId);
        return joined.IsSuccess
            ? new JoinGroupResponse(Ids.Format(code.ConversationId), joined.Value ? "joined" : "pending")
            : joined.Error;
    }

    private static GroupInvitationInfo ToInfo(GroupInvitation i, string groupName) => new(
        Ids.Format(i.Id), Ids.Format(i.ConversationId), groupName, Ids.Format(i.InviterId), Ids.Format(i.InviteeId),
        i.AwaitingApproval, i.AwaitingAcceptance, i.CreatedAt, i.ExpiresAt);

    public Task<Result<Done>> RemoveMemberAsync(Guid me, Guid conversationId, Guid userId) =>
        grains.GetGrain<IConversationGrain>(conversationId).RemoveMemberAsync(me, userId);

    public async Task<Result<Done>> UpdateGroupAsync(Guid me, Guid conversationId, UpdateGroupRequest request)
    {
        var errors = new FieldErrors();
        var name = request.Name is null ? null : NameText.Clean(request.Name);
        if (name is { Length: 0 } || name?.Length > Limits.MaxGroupNameLength)
        {
            errors.Add("name", $"A group name has 1 to {Limits.MaxGroupNameLength} characters.");
        }
        else if (name is not null && (NameText.HasControl(name) || NameText.IsBlank(name)))
        {
            errors.Add("name", "A group name needs a visible character and no control characters.");
        }

        if (request.Announcement?.Length > Limits.MaxAnnouncementLength)
        {
            errors.Add("announcement", $"An announcement has at most {Limits.MaxAnnouncementLength} characters.");
        }

        return errors.Any
            ? errors.ToError()
            : await grains.GetGrain<IConversationGrain>(conversationId).UpdateGroupAsync(me, name, request.Announcement, request.InviteApproval);
    }

    public async Task<Result<Done>> SetRoleAsync(Guid me, Guid conversationId, Guid userId, SetRoleRequest request)
    {
        var role = ChatWire.ParseRole(request.Role);
        return role is null
            ? ChatErrors.Invalid("role", "role is owner, admin or member.")
            : await grains.GetGrain<IConversationGrain>(conversationId).SetRoleAsync(me, userId, role.Value);
    }

    public Task<Result<Done>> DissolveAsync(Guid me, Guid conversationId) =>
        grains.GetGrain<IConversationGrain>(conversationId).DissolveAsync(me);
}
