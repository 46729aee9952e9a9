namespace Hutong.Contracts.Events;

/// <summary>This person's place in a conversation changed; <see cref="Change"/> is one of <see cref="ConversationChanges"/>.</summary>
public sealed record ConversationEvent(string ConversationId, string Change) : UserEvent;
