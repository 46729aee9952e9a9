namespace Hutong.Realtime.Log;

/// <summary>An entry of a person's event log, gap-free per person by <see cref="Seq"/>; <see cref="Payload"/> is as <see cref="EventData"/> carried it.</summary>
[GenerateSerializer, Immutable, Alias("hutong.realtime.stored-event")]
public sealed record StoredEvent(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Kind,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] byte[] Payload);
