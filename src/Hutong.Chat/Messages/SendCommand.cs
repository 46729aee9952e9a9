using Hutong.Contracts.Chat.Content;

namespace Hutong.Chat.Messages;

/// <summary>
/// A send as the conversation grain takes it: checked already if a device sent it, or written by a feature (the
/// wallet). The content travels as its stored JSON (<see cref="MessageContentJson"/>), so any kind crosses between
/// nodes without a serializer of its own.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.send-content")]
public sealed record SendCommand(
    [property: Id(0)] Guid SenderId,
    [property: Id(1)] string ClientMsgId,
    [property: Id(3)] long? ReplyToSeq,
    [property: Id(13)] byte[] Content)
{
    public static SendCommand Of(Guid senderId, string clientMsgId, MessageContent content, long? replyToSeq = null) =>
        new(senderId, clientMsgId, replyToSeq, MessageContentJson.Encode(content));

    public MessageContent DecodeContent() => MessageContentJson.Decode(Content);
}
