namespace Hutong.Contracts.Contacts;

/// <summary>A page of friend requests, newest first; <c>nextCursor</c> fetches the next page, null at the end.</summary>
public sealed record FriendRequestList(IReadOnlyList<FriendRequestInfo> Requests, string? NextCursor);
