namespace Hutong.Contracts.Events;

/// <summary>This person's red packet (at <see cref="MessageSeq"/>) was not all opened in time; <see cref="Amount"/> went back to them.</summary>
public sealed record RedPacketReturnedEvent(string ConversationId, long MessageSeq, long Amount) : UserEvent;
