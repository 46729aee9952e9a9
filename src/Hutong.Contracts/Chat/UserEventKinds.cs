namespace Hutong.Contracts.Chat;

/// <summary>Kinds of the per-user event log: everything a person's devices sync that is not a message.</summary>
public static class UserEventKinds
{
    public const string FriendRequest = "friendRequest";
    public const string Friends = "friends";
    public const string Conversation = "conversation";
    public const string ReadPosition = "readPosition";
    public const string MessageDeleted = "messageDeleted";
    public const string Settings = "settings";

    /// <summary>An invitation into a group waits for this person: to accept it, or (an admin) to approve it.</summary>
    public const string GroupInvitation = "groupInvitation";
}
