using System.Collections.Concurrent;
using Hutong.Contracts;
using Hutong.Core.Errors;

namespace Hutong.Core.RateLimits;

/// <summary>
/// Checks a limit across the cluster: null when allowed, otherwise the 429 to answer. The count lives in one
/// <see cref="IRateLimitGrain"/> per partition; this node takes permits from it a slice at a time (an eighth of the
/// limit) and spends them here, so someone sending fast costs a grain call per slice rather than per request (about a
/// fifth of a message's CPU in <c>direct</c>), and once the cluster's allowance is gone refusals cost none.
/// </summary>
/// <remarks>
/// One per node, and safe with several: the slices every node took together never exceed the limit, since the grain
/// hands them out. What a node holds it cannot lend to another: someone on two nodes at once may be refused on one while
/// the other still holds up to a slice, which errs on the side of the limit.
/// </remarks>
public sealed class ClusterRateLimiter(IGrainFactory grains, TimeProvider clock)
{
    private const int SlicesPerLimit = 8;

    private readonly ConcurrentDictionary<string, Slice> _slices = new(StringComparer.Ordinal);
    private readonly Lock _sweepLock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public async Task<Error?> RefuseAsync(string policy, string partition, RateLimit limit, string message = "Too many requests; try again later.")
    {
        var key = $"{policy}/{partition}";
        var slice = _slices.GetOrAdd(key, static _ => new Slice());
        // Each turn either takes a permit, learns the allowance is gone, or waits for more permits: requests that find
        // the slice empty together share one grain call, and those it did not cover go round again.
        while (!slice.TryTake(clock.GetUtcNow(), out var refusedFor))
        {
            if (refusedFor is { } wait)
            {
                return new Error(ErrorCodes.RateLimited, 429, message) { RetryAfter = wait };
            }

            await slice.RefillAsync(() => grains.GetGrain<IRateLimitGrain>(key).TakeAsync(limit, Math.Max(1, limit.PermitLimit / SlicesPerLimit)), clock);
            Sweep(clock.GetUtcNow());
        }

        return null;
    }

    /// <summary>Forgets the slices of windows that ended, once a minute at most, on the path that already made a grain call.</summary>
    private void Sweep(DateTimeOffset now)
    {
        lock (_sweepLock)
        {
            if (now < _nextSweep)
            {
                return;
            }

            _nextSweep = now + TimeSpan.FromMinutes(1);
        }

        foreach (var (key, slice) in _slices)
        {
            if (slice.Ended(now))
            {
                _slices.TryRemove(KeyValuePair.Create(key, slice));
            }
        }
    }

    /// <summary>The permits of one window this node holds for a partition, or that the window has none left.</summary>
    private sealed class Slice
    {
        private readonly Lock _lock = new();
        private int _permits;
        private DateTimeOffset _until;
        private bool _exhausted;
        private Task? _refill;

        /// <summary>
        /// Spends a permit held here. False with no wait when this node holds none (ask the grain); false with the
        /// rest of the window when the cluster's allowance is gone.
        /// </summary>
        public bool TryTake(DateTimeOffset now, out TimeSpan? refusedFor)
        {
            lock (_lock)
            {
                refusedFor = null;
                if (now >= _until)
                {
                    return false;
                }

                if (_permits > 0)
                {
                    _permits--;
                    return true;
                }

                if (_exhausted)
                {
                    refusedFor = _until - now;
                }

                return false;
            }
        }

        /// <summary>Asks the grain for more permits, unless a request here already is: then waits for that answer.</summary>
        public Task RefillAsync(Func<Task<Grant>> take, TimeProvider clock)
        {
            lock (_lock)
            {
                if (_refill is not { IsCompleted: false })
                {
                    _refill = RefillCoreAsync(take, clock);
                }

                return _refill;
            }
        }

        private async Task RefillCoreAsync(Func<Task<Grant>> take, TimeProvider clock)
        {
            var grant = await take();
            var now = clock.GetUtcNow();
            lock (_lock)
            {
                // A grant of a later window than the one held replaces it: what is left of the old one is not this window's.
                var until = now + grant.WindowLeft;
                if (now >= _until || until > _until + TimeSpan.FromSeconds(1))
                {
                    (_permits, _until) = (0, until);
                }

                _permits += grant.Permits;
                _exhausted = grant.Permits == 0;
            }
        }

        public bool Ended(DateTimeOffset now)
        {
            lock (_lock)
            {
                return now >= _until;
            }
        }
    }
}
