namespace Hutong.Chat.Conversations;

/// <summary>
/// A person in a conversation. They see messages after <see cref="VisibleAfterSeq"/> (history before they joined stays
/// private). <see cref="ReadSeq"/>, <see cref="Muted"/> and <see cref="Pinned"/> are theirs alone.
/// </summary>
public sealed record Member(
    Guid ConversationId,
    Guid UserId,
    MemberRole Role,
    DateTimeOffset JoinedAt,
    long VisibleAfterSeq,
    long ReadSeq,
    bool Muted,
    bool Pinned);
