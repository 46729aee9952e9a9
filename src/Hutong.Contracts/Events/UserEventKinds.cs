namespace Hutong.Contracts.Events;

/// <summary>The <c>kind</c> of each <see cref="UserEvent"/>.</summary>
public static class UserEventKinds
{
    public const string FriendRequest = "friendRequest";
    public const string Friends = "friends";
    public const string Conversation = "conversation";
    public const string ReadPosition = "readPosition";
    public const string MessageDeleted = "messageDeleted";
    public const string Settings = "settings";
    public const string Profile = "profile";
    public const string GroupInvitation = "groupInvitation";
    public const string RedPacketOpened = "redPacketOpened";
    public const string RedPacketReturned = "redPacketReturned";

    /// <summary>Someone paid the person by scanning their receive code.</summary>
    public const string ReceiveCodePayment = "receiveCodePayment";
    public const string MomentNotice = "momentNotice";
    public const string MomentNoticesRead = "momentNoticesRead";
    public const string StatusReaction = "statusReaction";
    public const string FriendTag = "friendTag";
    public const string OfficialAccount = "officialAccount";
    public const string AccountMessage = "accountMessage";
    public const string AccountThreadRead = "accountThreadRead";

    /// <summary>A mini-program's message, sent with the person's consent, for their service notices.</summary>
    public const string ServiceNotice = "serviceNotice";

    /// <summary>The person paid a merchant, or one refunded them: a Pay notice.</summary>
    public const string PaymentNotice = "paymentNotice";
}
