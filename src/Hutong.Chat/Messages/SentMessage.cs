namespace Hutong.Chat.Messages;

/// <summary>Where a durable message landed.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.sent")]
public sealed record SentMessage([property: Id(0)] long Seq, [property: Id(1)] DateTimeOffset SentAt);
