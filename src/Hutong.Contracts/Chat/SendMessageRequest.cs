using System.Text.Json.Serialization;
using Hutong.Contracts.Chat.Content;

namespace Hutong.Contracts.Chat;

/// <summary>
/// <c>POST /api/v1/conversations/{id}/messages</c>, and what a gateway <c>send</c> frame carries. <see cref="ClientMsgId"/>
/// is chosen by the sending device and makes a resend safe: the same id returns the first message's seq.
/// <see cref="Content"/> is one of the kinds a device may send: text, image, voice, video, file, location, card or article.
/// </summary>
public sealed record SendMessageRequest(
    string ClientMsgId,
    [property: JsonConverter(typeof(MessageContentConverter))] MessageContent? Content,
    long? ReplyToSeq = null);
