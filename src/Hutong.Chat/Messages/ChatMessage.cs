namespace Hutong.Chat.Messages;

/// <summary>A message at its place in a conversation's sequence.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.message")]
public sealed record ChatMessage(
    [property: Id(0)] Guid ConversationId,
    [property: Id(1)] long Seq,
    [property: Id(2)] Guid SenderId,
    [property: Id(3)] MessageKind Kind,
    [property: Id(4)] string? Text,
    [property: Id(5)] long? ReplyToSeq,
    [property: Id(6)] IReadOnlyList<Guid>? Mentions,
    [property: Id(7)] bool MentionsAll,
    [property: Id(8)] DateTimeOffset SentAt,
    [property: Id(9)] string? ClientMsgId,
    [property: Id(10)] NoticeData? Notice,
    [property: Id(11)] DateTimeOffset? RecalledAt,
    [property: Id(12)] AttachmentData? Attachment = null,
    [property: Id(13)] LocationData? Location = null,
    [property: Id(14)] Guid? CardUserId = null,
    [property: Id(15)] MoneyData? Money = null);
