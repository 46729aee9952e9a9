namespace Hutong.Contracts.Accounts;

/// <summary><c>PUT /api/v1/me/avatar</c>: where the new avatar is served, under the node's own URL.</summary>
public sealed record AvatarResponse(string? AvatarUrl);
