namespace Hutong.Contracts.Chat;

/// <summary><c>PUT /api/v1/conversations/{id}/read</c>: everything up to <see cref="Seq"/> is read. Private to the caller.</summary>
public sealed record ReadRequest(long Seq);
