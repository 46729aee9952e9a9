namespace Hutong.Core;

/// <summary>Reading the time for something that will be stored.</summary>
public static class Clock
{
    /// <summary>
    /// Now, in UTC, to the microsecond: the finest both databases keep, so a time a client is told now is exactly the
    /// time storage gives back later.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
