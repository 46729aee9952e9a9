namespace Hutong.Accounts.Identity;

/// <summary>
/// A person's account. <see cref="Handle"/> is stored lower-case, so uniqueness is case-insensitive. A deleted account
/// (<see cref="DeletedAt"/>) keeps its row so that its messages keep a sender; its name and avatar are gone, and its
/// handle is held until the grace period ends.
/// </summary>
public sealed record Account(
    Guid Id,
    string Handle,
    string DisplayName,
    string? AvatarUrl,
    string PasswordHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt = null)
{
    public bool Deleted => DeletedAt is not null;
}
