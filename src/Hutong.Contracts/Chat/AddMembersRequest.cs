namespace Hutong.Contracts.Chat;

/// <summary><c>POST /api/v1/conversations/{id}/members</c>.</summary>
public sealed record AddMembersRequest(IReadOnlyList<string> UserIds);
