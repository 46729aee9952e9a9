namespace Hutong.Chat.Events;

/// <summary>An entry of a person's event log, gap-free per person by <see cref="Seq"/>.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.user-event")]
public sealed record StoredUserEvent(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Kind,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] Guid? ConversationId,
    [property: Id(5)] long? MessageSeq,
    [property: Id(6)] Guid? OtherUserId,
    [property: Id(7)] Guid? RequestId,
    [property: Id(8)] string? State);
