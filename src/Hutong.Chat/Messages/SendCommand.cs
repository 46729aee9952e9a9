namespace Hutong.Chat.Messages;

/// <summary>A validated send, as the conversation grain takes it.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.send")]
public sealed record SendCommand(
    [property: Id(0)] Guid SenderId,
    [property: Id(1)] string ClientMsgId,
    [property: Id(2)] string? Text,
    [property: Id(3)] long? ReplyToSeq,
    [property: Id(4)] IReadOnlyList<Guid> Mentions,
    [property: Id(5)] bool MentionsAll,
    [property: Id(6)] MessageKind Kind = MessageKind.Text,
    [property: Id(7)] Guid? MediaId = null,
    [property: Id(8)] string? FileName = null,
    [property: Id(9)] int? DurationMs = null,
    [property: Id(10)] LocationData? Location = null,
    [property: Id(11)] Guid? CardUserId = null,
    [property: Id(12)] MoneyData? Money = null);
