using Microsoft.Extensions.Logging;

namespace Hutong.Accounts;

/// <summary>Accounts and contacts log events: ids 4000-4999. Never log tokens, passwords or greetings.</summary>
internal static partial class AccountsLog
{
    [LoggerMessage(4000, LogLevel.Information, "Account {UserId} signed up")]
    public static partial void SignedUp(ILogger logger, Guid userId);

    [LoggerMessage(4001, LogLevel.Information, "Account {UserId} logged in on device {DeviceId}")]
    public static partial void LoggedIn(ILogger logger, Guid userId, Guid deviceId);

    [LoggerMessage(4002, LogLevel.Information, "Failed login for a handle from {RemoteAddress}")]
    public static partial void LoginFailed(ILogger logger, string? remoteAddress);

    [LoggerMessage(4005, LogLevel.Information, "Account {UserId} changed its password")]
    public static partial void PasswordChanged(ILogger logger, Guid userId);

    [LoggerMessage(4006, LogLevel.Information, "Account {UserId} was deleted")]
    public static partial void AccountDeleted(ILogger logger, Guid userId);

    [LoggerMessage(4020, LogLevel.Warning, "Sign-ins held back after too many failures (from {RemoteAddress})")]
    public static partial void LoginThrottled(ILogger logger, string? remoteAddress);

    [LoggerMessage(4003, LogLevel.Information, "Device {DeviceId} of account {UserId} signed out")]
    public static partial void DeviceRevoked(ILogger logger, Guid userId, Guid deviceId);

    [LoggerMessage(4004, LogLevel.Warning, "Writing the last-seen times of {Count} devices failed")]
    public static partial void LastSeenFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(4010, LogLevel.Information, "Accounts {UserId} and {FriendId} became friends")]
    public static partial void BecameFriends(ILogger logger, Guid userId, Guid friendId);
}
