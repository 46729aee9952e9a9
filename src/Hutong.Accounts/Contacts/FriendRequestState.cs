namespace Hutong.Accounts.Contacts;

/// <summary>Stored states of a friend request.</summary>
public enum FriendRequestState
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
}
