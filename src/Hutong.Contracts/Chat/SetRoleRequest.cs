namespace Hutong.Contracts.Chat;

/// <summary><c>PUT /api/v1/conversations/{id}/members/{userId}/role</c>: <c>admin</c>, <c>member</c>, or <c>owner</c> to transfer ownership.</summary>
public sealed record SetRoleRequest(string Role);
