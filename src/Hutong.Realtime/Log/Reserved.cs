namespace Hutong.Realtime.Log;

/// <summary>A reserved place in a person's log: the entry's seq and time.</summary>
[GenerateSerializer, Immutable, Alias("hutong.realtime.reserved")]
public sealed record Reserved([property: Id(0)] long Seq, [property: Id(1)] DateTimeOffset At)
{
    /// <summary>
    /// A reservation not settled by then (the node writing it died, or stalled) is written by the person's grain itself,
    /// so the appends held behind it go on.
    /// </summary>
    public static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(30);
}
