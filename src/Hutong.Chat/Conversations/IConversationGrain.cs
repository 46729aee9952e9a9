using Hutong.Chat.Messages;
using Hutong.Core.Errors;

namespace Hutong.Chat.Conversations;

/// <summary>
/// One conversation: assigns its gap-free sequence, knows its members, recognises resends, and applies the group
/// rules. Keyed by conversation id. Every change is durable before the call returns.
/// </summary>
public interface IConversationGrain : IGrainWithGuidKey
{
    Task<Result<SentMessage>> SendAsync(SendCommand command);

    /// <summary>Recalls the sender's own message; returns the seq of the <c>recalled</c> notice.</summary>
    Task<Result<long>> RecallAsync(Guid userId, long seq);

    /// <summary>Writes the <c>created</c> notice of a new group.</summary>
    Task<Result<Done>> AnnounceCreatedAsync(Guid ownerId);

    /// <summary>Adds friends of the actor; some may wait for an admin's approval or their own acceptance instead.</summary>
    Task<Result<AddOutcome>> AddMembersAsync(Guid actorId, IReadOnlyList<Guid> userIds);

    /// <summary>The invitee accepts or declines, or an owner or admin approves or declines; the last yes joins them.</summary>
    Task<Result<GroupInvitation>> AnswerInvitationAsync(Guid actorId, Guid invitationId, bool yes);

    /// <summary>Joins by a member's group code (QR); returns whether the joiner is in, or waits for approval.</summary>
    Task<Result<bool>> JoinByCodeAsync(Guid userId, Guid creatorId);

    /// <summary>Removes a member; a member removing themselves leaves.</summary>
    Task<Result<Done>> RemoveMemberAsync(Guid actorId, Guid userId);

    Task<Result<Done>> UpdateGroupAsync(Guid actorId, string? name, string? announcement, bool? inviteApproval);

    Task<Result<Done>> SetRoleAsync(Guid actorId, Guid userId, MemberRole role);

    Task<Result<Done>> DissolveAsync(Guid actorId);

    /// <summary>The person's standing here; null when they are not a member (or there is no such conversation).</summary>
    Task<Membership?> FindMembershipAsync(Guid userId);

    /// <summary>
    /// A notice from another feature (a transfer's outcome); the actor must be a member. Returns its seq. Posted again
    /// under the same <paramref name="key"/> (the actor's, like a client message id), it returns the first one's seq.
    /// </summary>
    Task<Result<long>> PostNoticeAsync(Guid actorId, string type, string? text, string key);

    /// <summary>Drops what the grain knows so the next call reads storage again (after a contact change).</summary>
    Task RefreshAsync();
}
