namespace Hutong.Contracts.Contacts;

/// <summary><c>PATCH /api/v1/friends/{userId}</c>: fields left null are unchanged; an empty remark clears it.</summary>
public sealed record UpdateFriendRequest(string? Remark, IReadOnlyList<string>? Tags, bool? ChatOnly, bool? HideTheirMoments);
