namespace Hutong.Contracts.Chat;

/// <summary>The caller's conversations: pinned first, then by latest activity.</summary>
public sealed record ConversationList(IReadOnlyList<ConversationSummary> Conversations);
