namespace Hutong.Contracts.Contacts;

/// <summary><c>POST /api/v1/friend-tags</c>: a new tag and the friends (at least one) who carry it.</summary>
public sealed record CreateFriendTagRequest(string Name, IReadOnlyList<string> MemberIds);
