namespace Hutong.Contracts.Chat;

/// <summary><see cref="State"/> is <c>joined</c>, or <c>pending</c> when the group's admins approve newcomers.</summary>
public sealed record JoinGroupResponse(string ConversationId, string State);
