namespace Hutong.Chat.Events;

/// <summary>An event to append to a person's log; the user grain gives it its seq.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.user-event-data")]
public sealed record UserEventData(
    [property: Id(0)] string Kind,
    [property: Id(1)] Guid? ConversationId = null,
    [property: Id(2)] long? MessageSeq = null,
    [property: Id(3)] Guid? OtherUserId = null,
    [property: Id(4)] Guid? RequestId = null,
    [property: Id(5)] string? State = null);
