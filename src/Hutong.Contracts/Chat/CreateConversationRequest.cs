namespace Hutong.Contracts.Chat;

/// <summary>
/// <c>POST /api/v1/conversations</c>: <c>{kind: "direct", peerUserId}</c> or <c>{kind: "group", name, memberIds}</c>.
/// </summary>
public sealed record CreateConversationRequest(string Kind, string? PeerUserId, string? Name, IReadOnlyList<string>? MemberIds);
