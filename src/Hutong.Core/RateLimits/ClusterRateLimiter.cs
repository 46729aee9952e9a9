using Hutong.Contracts;
using Hutong.Core.Errors;

namespace Hutong.Core.RateLimits;

/// <summary>Checks a limit across the cluster (<see cref="IRateLimitGrain"/>): null when allowed, otherwise the 429 to answer.</summary>
public sealed class ClusterRateLimiter(IGrainFactory grains)
{
    public async Task<Error?> RefuseAsync(string policy, string partition, RateLimit limit, string message = "Too many requests; try again later.")
    {
        var wait = await grains.GetGrain<IRateLimitGrain>($"{policy}/{partition}").TakeAsync(limit);
        return wait is { } retryAfter ? new Error(ErrorCodes.RateLimited, 429, message) { RetryAfter = retryAfter } : null;
    }
}
