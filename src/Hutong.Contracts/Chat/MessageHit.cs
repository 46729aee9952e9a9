namespace Hutong.Contracts.Chat;

/// <summary>A message found by search, with the conversation it is in.</summary>
public sealed record MessageHit(string ConversationId, MessageInfo Message);
