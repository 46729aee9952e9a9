namespace Hutong.Core.RateLimits;

/// <summary>
/// A fixed window in memory. Kept active until its window ends, so idle collection cannot reset a count early; if
/// its node dies the count starts again elsewhere, which can only let a person through early, never hold them back.
/// Placed on the node that first asks, usually the only one that does: a person's requests mostly come through one
/// node, and then the check never leaves it.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
internal sealed class RateLimitGrain(TimeProvider clock) : Grain, IRateLimitGrain
{
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _taken;

    public Task<Grant> TakeAsync(RateLimit limit, int wanted)
    {
        var now = clock.GetUtcNow();
        if (now - _windowStart >= limit.Window || now < _windowStart)
        {
            (_windowStart, _taken) = (now, 0);
        }

        var windowLeft = _windowStart + limit.Window - now;
        DelayDeactivation(windowLeft);
        var permits = Math.Clamp(limit.PermitLimit - _taken, 0, Math.Max(wanted, 1));
        _taken += permits;
        return Task.FromResult(new Grant(permits, windowLeft));
    }
}
