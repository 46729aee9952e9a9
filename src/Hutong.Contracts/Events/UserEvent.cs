using System.Text.Json.Serialization;

namespace Hutong.Contracts.Events;

/// <summary>
/// One entry of a person's event log: everything their devices sync that is not a message. <see cref="Seq"/> is
/// gap-free per person; a device keeps the last it holds and asks for what follows. Each kind is its own record, named
/// on the wire by <c>kind</c>; a new kind is a new record listed here.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FriendRequestEvent), UserEventKinds.FriendRequest)]
[JsonDerivedType(typeof(FriendsEvent), UserEventKinds.Friends)]
[JsonDerivedType(typeof(ConversationEvent), UserEventKinds.Conversation)]
[JsonDerivedType(typeof(ReadPositionEvent), UserEventKinds.ReadPosition)]
[JsonDerivedType(typeof(MessageDeletedEvent), UserEventKinds.MessageDeleted)]
[JsonDerivedType(typeof(SettingsEvent), UserEventKinds.Settings)]
[JsonDerivedType(typeof(ProfileEvent), UserEventKinds.Profile)]
[JsonDerivedType(typeof(GroupInvitationEvent), UserEventKinds.GroupInvitation)]
[JsonDerivedType(typeof(RedPacketOpenedEvent), UserEventKinds.RedPacketOpened)]
[JsonDerivedType(typeof(RedPacketReturnedEvent), UserEventKinds.RedPacketReturned)]
[JsonDerivedType(typeof(ReceiveCodePaymentEvent), UserEventKinds.ReceiveCodePayment)]
[JsonDerivedType(typeof(MomentNoticeEvent), UserEventKinds.MomentNotice)]
[JsonDerivedType(typeof(MomentNoticesReadEvent), UserEventKinds.MomentNoticesRead)]
[JsonDerivedType(typeof(StatusReactionEvent), UserEventKinds.StatusReaction)]
[JsonDerivedType(typeof(FriendTagEvent), UserEventKinds.FriendTag)]
[JsonDerivedType(typeof(OfficialAccountEvent), UserEventKinds.OfficialAccount)]
[JsonDerivedType(typeof(AccountMessageEvent), UserEventKinds.AccountMessage)]
[JsonDerivedType(typeof(AccountThreadReadEvent), UserEventKinds.AccountThreadRead)]
[JsonDerivedType(typeof(ServiceNoticeEvent), UserEventKinds.ServiceNotice)]
[JsonDerivedType(typeof(PaymentNoticeEvent), UserEventKinds.PaymentNotice)]
public abstract record UserEvent
{
    /// <summary>The entry's place in the person's log, given when it is appended (absent before).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Seq { get; init; }

    /// <summary>When it was appended (absent before).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTimeOffset At { get; init; }
}
