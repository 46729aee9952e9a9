namespace Hutong.Accounts.Identity;

/// <summary>What lists show of a person: no secrets, nothing private.</summary>
public sealed record UserCard(Guid UserId, string Handle, string DisplayName, string? AvatarUrl);
