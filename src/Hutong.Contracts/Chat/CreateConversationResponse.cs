namespace Hutong.Contracts.Chat;

/// <summary>The conversation created, or for a direct one that already existed, found.</summary>
public sealed record CreateConversationResponse(string ConversationId, string Kind);
