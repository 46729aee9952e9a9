namespace Hutong.Contracts.Events;

/// <summary>This person changed a conversation's settings (mute, pin): fetch the conversation again.</summary>
public sealed record SettingsEvent(string ConversationId) : UserEvent;
