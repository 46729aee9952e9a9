namespace Hutong.Contracts.Accounts;

/// <summary>The caller's own profile.</summary>
public sealed record MeResponse(string UserId, string Handle, string DisplayName, string? AvatarUrl);
