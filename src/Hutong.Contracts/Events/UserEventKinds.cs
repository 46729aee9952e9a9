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

    /// <summary>A friend (<c>userId</c>), or the person themself, changed their name or avatar: fetch the profile again.</summary>
    public const string Profile = "profile";

    /// <summary>An invitation into a group waits for this person: to accept it, or (an admin) to approve it.</summary>
    public const string GroupInvitation = "groupInvitation";

    /// <summary>
    /// Someone (<c>userId</c>) opened this person's red packet, the message at <c>messageSeq</c>; when several opened
    /// it together, <c>userId</c> is the last of them and <c>state</c> says how many. Only the sender hears of it, so a
    /// group's timeline is not filled with who opened what.
    /// </summary>
    public const string RedPacketOpened = "redPacketOpened";

    /// <summary>This person's red packet (at <c>messageSeq</c>) was not all opened in time; <c>state</c> is the amount returned.</summary>
    public const string RedPacketReturned = "redPacketReturned";
}
