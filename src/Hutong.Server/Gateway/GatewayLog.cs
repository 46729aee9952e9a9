namespace Hutong.Server.Gateway;

/// <summary>Gateway log events: ids 1000-1999. Never log tokens or message text.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1000, LogLevel.Debug, "Device {DeviceId} of {UserId} connected")]
    public static partial void Connected(ILogger logger, Guid userId, Guid deviceId);

    [LoggerMessage(1001, LogLevel.Debug, "Device {DeviceId} of {UserId} disconnected")]
    public static partial void Disconnected(ILogger logger, Guid userId, Guid deviceId);

    [LoggerMessage(1002, LogLevel.Information, "Device {DeviceId} of {UserId} fell {Frames} frames behind and was disconnected")]
    public static partial void TooSlow(ILogger logger, Guid userId, Guid deviceId, int frames);

    [LoggerMessage(1003, LogLevel.Debug, "A gateway connection ended with an error")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Renewing the node's gateway leases failed")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(1005, LogLevel.Information, "The node is stopping: {Connections} devices were told to reconnect")]
    public static partial void Stopping(ILogger logger, int connections);

    [LoggerMessage(1006, LogLevel.Information, "Claimed {People} people again; {Resumed} of their devices may have missed pushes and were sent to resume")]
    public static partial void Reclaimed(ILogger logger, int people, int resumed);
}
