namespace Hutong.Contracts.Chat;

/// <summary>
/// One row of the chats list, as the caller sees it. <see cref="Unread"/> counts others' messages after the caller's
/// own read position, which no one else can see. A direct conversation's <see cref="Name"/> is the peer's remark or name.
/// </summary>
public sealed record ConversationSummary(
    string ConversationId,
    string Kind,
    string Name,
    long LastSeq,
    long ReadSeq,
    int Unread,
    bool Muted,
    bool Pinned,
    MessageInfo? LastMessage,
    string? PeerUserId,
    int MemberCount,
    IReadOnlyList<Face>? Faces = null);

/// <summary>Who a conversation's picture shows: the peer of a direct chat, a group's first four members.</summary>
public sealed record Face(string UserId, string Name, string? AvatarUrl);
