namespace Hutong.Contracts.Events;

/// <summary>
/// This person's red packet, the message at <see cref="MessageSeq"/>, was opened: by <see cref="UserId"/>, or when
/// several opened it together, by <see cref="Count"/> people of whom <see cref="UserId"/> was the last. Only the sender
/// hears of it, so a group's timeline is not filled with who opened what.
/// </summary>
public sealed record RedPacketOpenedEvent(string ConversationId, long MessageSeq, string UserId, int Count) : UserEvent;
