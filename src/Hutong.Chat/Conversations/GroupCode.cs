namespace Hutong.Chat.Conversations;

/// <summary>A group's join code, behind its QR: made by a member, good until <see cref="ExpiresAt"/>.</summary>
public sealed record GroupCode(string Code, Guid ConversationId, Guid CreatorId, DateTimeOffset ExpiresAt);
