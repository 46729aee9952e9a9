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

    Task<Result<Done>> AddMembersAsync(Guid actorId, IReadOnlyList<Guid> userIds);

    /// <summary>Removes a member; a member removing themselves leaves.</summary>
    Task<Result<Done>> RemoveMemberAsync(Guid actorId, Guid userId);

    Task<Result<Done>> UpdateGroupAsync(Guid actorId, string? name, string? announcement);

    Task<Result<Done>> SetRoleAsync(Guid actorId, Guid userId, MemberRole role);

    Task<Result<Done>> DissolveAsync(Guid actorId);

    /// <summary>Drops what the grain knows so the next call reads storage again (after a contact change).</summary>
    Task RefreshAsync();
}
