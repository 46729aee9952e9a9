namespace Hutong.Chat.Conversations;

/// <summary>A member's conversation: its newest seq, and the seq after which the member may see messages.</summary>
public sealed record MemberPosition(Guid ConversationId, long LastSeq, long VisibleAfterSeq);
