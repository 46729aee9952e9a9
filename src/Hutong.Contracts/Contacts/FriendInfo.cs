namespace Hutong.Contracts.Contacts;

/// <summary>A friend as the caller sees them, with the caller's own settings for them.</summary>
public sealed record FriendInfo(
    string UserId,
    string Handle,
    string DisplayName,
    string? AvatarUrl,
    string? Remark,
    IReadOnlyList<string> Tags,
    bool ChatOnly,
    bool HideTheirMoments,
    DateTimeOffset Since);
