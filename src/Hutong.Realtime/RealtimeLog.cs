using Microsoft.Extensions.Logging;

namespace Hutong.Realtime;

/// <summary>The realtime core logs in the 5000s.</summary>
internal static partial class RealtimeLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "A push to the people online on one node failed; they see it when they next read")]
    public static partial void OnlinePushFailed(ILogger logger, Exception exception);
}
