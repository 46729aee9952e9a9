namespace Hutong.Core.RateLimits;

/// <summary>
/// One partition of one limit (a person's sends, an address's sign-ups) for the whole cluster, keyed
/// <c>{policy}/{partition}</c>: however many nodes a person's requests land on, they draw on one allowance.
/// </summary>
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Takes a permit: null when there was one, otherwise how long until the window ends.</summary>
    Task<TimeSpan?> TakeAsync(RateLimit limit);
}
