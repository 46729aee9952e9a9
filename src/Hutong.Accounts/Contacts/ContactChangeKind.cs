namespace Hutong.Accounts.Contacts;

/// <summary>Kinds of contact change.</summary>
public enum ContactChangeKind
{
    RequestSent,
    RequestDeclined,
    BecameFriends,
    FriendshipEnded,
    FriendUpdated,
    Blocked,
    Unblocked,
}
