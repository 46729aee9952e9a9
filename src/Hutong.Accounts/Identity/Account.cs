namespace Hutong.Accounts.Identity;

/// <summary>A person's account. <see cref="Handle"/> is stored lower-case, so uniqueness is case-insensitive.</summary>
public sealed record Account(
    Guid Id,
    string Handle,
    string DisplayName,
    string? AvatarUrl,
    string PasswordHash,
    DateTimeOffset CreatedAt);
