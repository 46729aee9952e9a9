namespace Hutong.Contracts.Chat;

/// <summary><c>PUT /api/v1/conversations/{id}/settings</c>: the caller's own mute and pin; null leaves a field as it is.</summary>
public sealed record ConversationSettingsRequest(bool? Muted, bool? Pinned);
