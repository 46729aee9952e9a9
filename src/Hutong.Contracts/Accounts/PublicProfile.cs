namespace Hutong.Contracts.Accounts;

/// <summary>What anyone signed in may see of a person.</summary>
public sealed record PublicProfile(string UserId, string Handle, string DisplayName, string? AvatarUrl);
