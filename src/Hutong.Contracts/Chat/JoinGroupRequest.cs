namespace Hutong.Contracts.Chat;

/// <summary><c>POST /api/v1/group-joins</c>: the code from a scanned group QR.</summary>
public sealed record JoinGroupRequest(string Code);
