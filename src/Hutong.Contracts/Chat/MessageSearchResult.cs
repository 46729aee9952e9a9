namespace Hutong.Contracts.Chat;

/// <summary><c>GET /api/v1/search/messages?q=</c>: the caller's messages that contain the text, newest first.</summary>
public sealed record MessageSearchResult(IReadOnlyList<MessageHit> Hits);
