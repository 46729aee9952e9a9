namespace Hutong.Accounts.Contacts;

/// <summary>How one person stands to another, read in one go before a contact change.</summary>
public sealed record Relationship(
    bool Friends,
    bool IBlockedThem,
    bool TheyBlockedMe,
    FriendRequest? OpenFromMe,
    FriendRequest? OpenFromThem);
