namespace Hutong.Accounts.Contacts;

/// <summary>One side of a friendship: what <see cref="UserId"/> has set for <see cref="FriendId"/>. Each friendship has two.</summary>
public sealed record Friendship(
    Guid UserId,
    Guid FriendId,
    string? Remark,
    IReadOnlyList<string> Tags,
    bool ChatOnly,
    bool HideTheirMoments,
    DateTimeOffset Since);
