using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;

namespace Hutong.Testing;

/// <summary>Reading a message's content in assertions.</summary>
public static class MessageContents
{
    /// <summary>The words of a text message; null for any other kind, or a recalled message.</summary>
    public static string? Text(this MessageInfo message) => (message.Content as TextContent)?.Text;

    /// <summary>The notice of a system message; null for any other kind.</summary>
    public static NoticeContent? Notice(this MessageInfo message) => message.Content as NoticeContent;

    /// <summary>A text request under the given client id.</summary>
    public static SendMessageRequest TextRequest(string clientMsgId, string text, long? replyToSeq = null, IReadOnlyList<string>? mentions = null, bool mentionsAll = false) =>
        new(clientMsgId, new TextContent(text, mentions, mentionsAll), replyToSeq);
}
