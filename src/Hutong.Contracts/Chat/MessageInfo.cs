using System.Text.Json.Serialization;
using Hutong.Contracts.Chat.Content;

namespace Hutong.Contracts.Chat;

/// <summary>
/// A message as a member sees it. <see cref="Content"/> is one record per kind (docs/api.md, "Message content"). A
/// recalled message keeps its place with <see cref="Recalled"/> set and no content; the <c>recalled</c> notice that
/// follows it tells devices that had it to drop it.
/// </summary>
public sealed record MessageInfo(
    long Seq,
    string SenderId,
    DateTimeOffset SentAt,
    bool Recalled,
    string? ClientMsgId,
    long? ReplyToSeq,
    [property: JsonConverter(typeof(MessageContentConverter))] MessageContent? Content);
