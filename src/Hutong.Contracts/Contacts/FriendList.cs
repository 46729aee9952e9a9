namespace Hutong.Contracts.Contacts;

/// <summary>A page of the caller's friends; <c>nextCursor</c> fetches the next page, null at the end.</summary>
public sealed record FriendList(IReadOnlyList<FriendInfo> Friends, string? NextCursor);
