namespace Hutong.Contracts.Contacts;

/// <summary>States a friend request passes through.</summary>
public static class FriendRequestStates
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Expired = "expired";
}
