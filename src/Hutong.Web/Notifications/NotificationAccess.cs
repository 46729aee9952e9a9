namespace Hutong.Web.Notifications;

/// <summary>What the browser allows this site (<c>Notification.permission</c>), or that it has no notifications at all.</summary>
public enum NotificationAccess
{
    /// <summary>Not asked yet: asking shows the browser's prompt.</summary>
    Default,
    Granted,

    /// <summary>Refused; only the person can change it, in the browser's site settings.</summary>
    Denied,
    Unsupported,
}
