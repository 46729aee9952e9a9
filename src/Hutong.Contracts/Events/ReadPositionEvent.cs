namespace Hutong.Contracts.Events;

/// <summary>This person (on another device) has read a conversation up to <see cref="MessageSeq"/>. Private to them.</summary>
public sealed record ReadPositionEvent(string ConversationId, long MessageSeq) : UserEvent;
