using Hutong.Contracts.Accounts;

namespace Hutong.Contracts.Contacts;

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
