namespace Hutong.Contracts.Events;

/// <summary>The <c>change</c> of a <see cref="FriendsEvent"/>.</summary>
public static class FriendChanges
{
    public const string Added = "added";
    public const string Removed = "removed";

    /// <summary>This person changed their remark, tags or settings for the friend (on another device).</summary>
    public const string Updated = "updated";
    public const string Blocked = "blocked";
    public const string Unblocked = "unblocked";
}
