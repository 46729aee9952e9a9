namespace Hutong.Accounts.Contacts;

/// <summary>
/// <see cref="UserId"/> created, changed or deleted their friend tag <see cref="Name"/> (its name now, or its last one),
/// which was <see cref="PreviousName"/> before a rename.
/// </summary>
public sealed record FriendTagChange(Guid UserId, FriendTagChangeKind Kind, string Name, string? PreviousName = null);
