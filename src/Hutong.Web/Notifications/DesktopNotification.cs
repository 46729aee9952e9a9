namespace Hutong.Web.Notifications;

/// <summary>
/// What a desktop notification says, and the chat a click on it opens; for what is not a chat (an official account's
/// thread) <paramref name="ConversationId"/> is the page to open instead, a path from the app's base that starts with '/'.
/// It is also the notification's tag: a newer one for the same chat or page replaces the one still showing.
/// </summary>
public sealed record DesktopNotification(string ConversationId, string Title, string Body);
