using Microsoft.Extensions.Logging;

namespace Hutong.Chat;

/// <summary>Chat log events: ids 2000-2999. Never log message text.</summary>
internal static partial class ChatLog
{
    [LoggerMessage(2000, LogLevel.Warning, "A chat write batch of {Count} failed; retrying its units one by one")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(2001, LogLevel.Error, "A chat write failed for good")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(2002, LogLevel.Information, "Conversation {ConversationId} created ({Kind})")]
    public static partial void ConversationCreated(ILogger logger, Guid conversationId, string kind);
}
