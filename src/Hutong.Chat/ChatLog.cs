using Microsoft.Extensions.Logging;

namespace Hutong.Chat;

/// <summary>Chat log events: ids 2000-2999. Never log message text.</summary>
internal static partial class ChatLog
{
    [LoggerMessage(2002, LogLevel.Information, "Conversation {ConversationId} created ({Kind})")]
    public static partial void ConversationCreated(ILogger logger, Guid conversationId, string kind);
}
