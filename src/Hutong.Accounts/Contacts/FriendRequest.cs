namespace Hutong.Accounts.Contacts;

/// <summary>
/// A friend request. Expiry is not stored as a state: a pending request past <see cref="ExpiresAt"/> is expired, so no
/// timer has to fire for it to be right.
/// </summary>
public sealed record FriendRequest(
    Guid Id,
    Guid FromUserId,
    Guid ToUserId,
    string Greeting,
    FriendRequestState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RespondedAt)
{
    public bool IsOpen(DateTimeOffset now) => State == FriendRequestState.Pending && now < ExpiresAt;
}
