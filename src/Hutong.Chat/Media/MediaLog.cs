using Microsoft.Extensions.Logging;

namespace Hutong.Chat.Media;

/// <summary>Media log events: ids 2100-2199, within chat's range.</summary>
internal static partial class MediaLog
{
    [LoggerMessage(2100, LogLevel.Error, "{Tool} was not found at '{Path}' (Hutong:Media:{Setting}); install Debian's ffmpeg package. Until then video uploads are refused with 503 and images are stored without their size")]
    public static partial void ToolMissing(ILogger logger, string tool, string path, string setting);

    [LoggerMessage(2101, LogLevel.Warning, "{Tool} ran past Hutong:Media:ToolTimeout ({Timeout}) on an upload and was stopped")]
    public static partial void ToolTimedOut(ILogger logger, string tool, TimeSpan timeout);

    [LoggerMessage(2102, LogLevel.Debug, "{Tool} could not read an upload sniffed as {ContentType}: {Errors}")]
    public static partial void Unreadable(ILogger logger, string tool, string contentType, string errors);
}
