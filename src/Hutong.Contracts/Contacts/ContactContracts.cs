namespace Hutong.Contracts.Contacts;

using Hutong.Contracts.Accounts;

/// <summary><c>POST /api/v1/friend-requests</c>.</summary>
public sealed record SendFriendRequest(string ToUserId, string? Greeting);

/// <summary>
/// The request sent. <see cref="State"/> is <c>pending</c>, or <c>accepted</c> when the other person had already
/// asked the caller: two people asking each other become friends at once.
/// </summary>
public sealed record SendFriendRequestResponse(string RequestId, string State);

/// <summary>States a friend request passes through.</summary>
public static class FriendRequestStates
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Expired = "expired";
}

/// <summary>A friend request as its sender or recipient sees it.</summary>
public sealed record FriendRequestInfo(
    string RequestId,
    string FromUserId,
    string ToUserId,
    string Greeting,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    PublicProfile From,
    PublicProfile To);

/// <summary>A page of friend requests, newest first; <c>nextCursor</c> fetches the next page, null at the end.</summary>
public sealed record FriendRequestList(IReadOnlyList<FriendRequestInfo> Requests, string? NextCursor);

/// <summary>A friend as the caller sees them, with the caller's own settings for them.</summary>
public sealed record FriendInfo(
    string UserId,
    string Handle,
    string DisplayName,
    string? AvatarUrl,
    string? Remark,
    IReadOnlyList<string> Tags,
    bool ChatOnly,
    bool HideTheirMoments,
    DateTimeOffset Since);

/// <summary>A page of the caller's friends; <c>nextCursor</c> fetches the next page, null at the end.</summary>
public sealed record FriendList(IReadOnlyList<FriendInfo> Friends, string? NextCursor);

/// <summary><c>PATCH /api/v1/friends/{userId}</c>: fields left null are unchanged; an empty remark clears it.</summary>
public sealed record UpdateFriendRequest(string? Remark, IReadOnlyList<string>? Tags, bool? ChatOnly, bool? HideTheirMoments);

/// <summary>A person the caller has blocked.</summary>
public sealed record BlockedUser(string UserId, string Handle, string DisplayName, DateTimeOffset Since);

/// <summary>The caller's block list.</summary>
public sealed record BlockList(IReadOnlyList<BlockedUser> Blocked);
