namespace Hutong.Contracts.Accounts;

/// <summary><c>PATCH /api/v1/me</c>: fields left null are unchanged.</summary>
public sealed record UpdateProfileRequest(string? DisplayName, string? AvatarUrl);
