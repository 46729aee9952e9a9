namespace Hutong.Realtime.Log;

/// <summary>
/// An event on its way into a person's log: its kind and its JSON (a <c>UserEvent</c> without seq and time), encoded
/// once by <see cref="EventLog"/> however many people it goes to.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.realtime.event-data")]
public sealed record EventData([property: Id(0)] string Kind, [property: Id(1)] byte[] Payload);
