namespace Hutong.Chat.Conversations;

/// <summary>
/// A person's standing in a conversation, as another feature (the wallet) checks it before acting there.
/// <see cref="Open"/> says whether a message may be sent there now: not dissolved, and for a direct one, still friends.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.membership")]
public sealed record Membership(
    [property: Id(0)] ConversationKind Kind,
    [property: Id(1)] int MemberCount,
    [property: Id(2)] Guid? OtherUserId,
    [property: Id(3)] bool Open);
