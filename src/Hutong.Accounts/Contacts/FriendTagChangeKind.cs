namespace Hutong.Accounts.Contacts;

/// <summary>Kinds of friend tag change.</summary>
public enum FriendTagChangeKind
{
    Created,

    /// <summary>Renamed, or given to other friends, or both.</summary>
    Updated,
    Deleted,
}
