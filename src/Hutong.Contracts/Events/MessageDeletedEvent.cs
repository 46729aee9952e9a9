namespace Hutong.Contracts.Events;

/// <summary>This person deleted the message at <see cref="MessageSeq"/> for themself: hide it on every device.</summary>
public sealed record MessageDeletedEvent(string ConversationId, long MessageSeq) : UserEvent;
