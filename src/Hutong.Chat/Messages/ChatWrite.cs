using Hutong.Chat.Conversations;

namespace Hutong.Chat.Messages;

/// <summary>
/// One row-level change the chat writer commits. A unit of several commits or fails together, so a membership change
/// and the notice that records it are never apart.
/// </summary>
public abstract record ChatWrite;

/// <summary>Appends a message.</summary>
public sealed record AppendMessage(ChatMessage Message) : ChatWrite;

/// <summary>Blanks a message's content and marks it recalled.</summary>
public sealed record MarkRecalled(Guid ConversationId, long Seq, DateTimeOffset At) : ChatWrite;

/// <summary>Adds members to a conversation.</summary>
public sealed record AddMembers(IReadOnlyList<Member> Members) : ChatWrite;

/// <summary>Removes a member.</summary>
public sealed record RemoveMember(Guid ConversationId, Guid UserId) : ChatWrite;

/// <summary>Changes a member's role.</summary>
public sealed record SetRole(Guid ConversationId, Guid UserId, MemberRole Role) : ChatWrite;

/// <summary>Changes a group's name, announcement, approval setting or dissolved state.</summary>
public sealed record UpdateGroup(Guid ConversationId, string? Name, string? Announcement, bool Dissolved, bool InviteApproval) : ChatWrite;

/// <summary>Closes an invitation, in the same unit as the joining it leads to.</summary>
public sealed record CloseInvitation(Guid InvitationId, InvitationState State) : ChatWrite;
