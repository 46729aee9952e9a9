namespace Hutong.Contracts.Events;

/// <summary>The <c>change</c> of a <see cref="FriendTagEvent"/>.</summary>
public static class FriendTagChanges
{
    public const string Created = "created";

    /// <summary>Renamed, or given to other friends, or both.</summary>
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
