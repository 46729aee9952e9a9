namespace Hutong.Web.Notifications;

/// <summary>What a desktop notification says, and the chat a click on it opens.</summary>
public sealed record DesktopNotification(string ConversationId, string Title, string Body);
