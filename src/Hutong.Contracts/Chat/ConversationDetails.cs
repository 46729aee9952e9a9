namespace Hutong.Contracts.Chat;

/// <summary><c>GET /api/v1/conversations/{id}</c>: the conversation with its members and the caller's settings.</summary>
public sealed record ConversationDetails(
    string ConversationId,
    string Kind,
    string Name,
    string? Announcement,
    long LastSeq,
    long ReadSeq,
    bool Muted,
    bool Pinned,
    string MyRole,
    IReadOnlyList<MemberInfo> Members,
    bool InviteApproval = false);
