namespace Hutong.Contracts.Chat;

/// <summary>What a system message records.</summary>
public static class NoticeTypes
{
    public const string Created = "created";
    public const string Joined = "joined";
    public const string Left = "left";
    public const string Removed = "removed";
    public const string Renamed = "renamed";
    public const string Announcement = "announcement";
    public const string RoleChanged = "roleChanged";
    public const string OwnerChanged = "ownerChanged";
    public const string Recalled = "recalled";
    public const string Dissolved = "dissolved";

    /// <summary>A transfer's outcome: the actor accepted or declined it, or (actor the sender) it went back unaccepted. The text is its <c>transferId</c>.</summary>
    public const string TransferAccepted = "transferAccepted";
    public const string TransferDeclined = "transferDeclined";
    public const string TransferExpired = "transferExpired";

    /// <summary>An official account's server did not answer a follower in time, or answered something unreadable.</summary>
    public const string AccountUnavailable = "accountUnavailable";
}
