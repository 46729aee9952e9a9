namespace Hutong.Contracts.Contacts;

/// <summary>
/// <c>PUT /api/v1/friend-tags/{name}</c>: a new name, and exactly the friends who carry the tag from now on; null
/// leaves either as it is.
/// </summary>
public sealed record UpdateFriendTagRequest(string? Name, IReadOnlyList<string>? MemberIds);
