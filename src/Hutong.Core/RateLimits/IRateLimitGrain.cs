namespace Hutong.Core.RateLimits;

/// <summary>
/// One partition of one limit (a person's sends, an address's sign-ups) for the whole cluster, keyed
/// <c>{policy}/{partition}</c>: however many nodes a person's requests land on, they draw on one allowance.
/// </summary>
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Takes up to <paramref name="wanted"/> permits of this window: none when it has none left.</summary>
    Task<Grant> TakeAsync(RateLimit limit, int wanted);
}

/// <summary>Permits handed out, and how long the window they belong to still runs.</summary>
[GenerateSerializer, Immutable]
public readonly record struct Grant([property: Id(0)] int Permits, [property: Id(1)] TimeSpan WindowLeft);
