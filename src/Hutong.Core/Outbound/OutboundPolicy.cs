namespace Hutong.Core.Outbound;

/// <summary>
/// How one call is made: how long each try may take, how many tries, the wait between them, which failures are tried
/// again, and the largest body read. A total deadline for the call is the caller's cancellation token.
/// </summary>
public sealed record OutboundPolicy
{
    private const int ResponseBytesCeiling = 64 * 1024 * 1024;

    /// <summary>5 s a try, 3 tries, 200 ms backoff base, retrying everything transient, bodies up to 1 MiB.</summary>
    public static OutboundPolicy Default { get; } = new();

    /// <summary>The longest one try may take, from connecting to the last byte of the body, redirects included.</summary>
    public TimeSpan TryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times the call is made at most, the first included: 1 to 10.</summary>
    public int Tries { get; init; } = 3;

    /// <summary>
    /// The wait after the first failed try; it doubles after each further one, and each wait is drawn at random
    /// between half of it and all of it so that callers failing together do not come back together. At most a minute.
    /// </summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Which failures are tried again. A refused address and a 4xx other than 429 never are.</summary>
    public OutboundRetry RetryOn { get; init; } = OutboundRetry.Transient;

    /// <summary>
    /// The largest response body read (at most 64 MiB, as it is kept in memory); a larger one ends the call as
    /// <see cref="OutboundFailure.TooLarge"/>.
    /// </summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TryTimeout, TimeSpan.Zero, nameof(TryTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(Tries, 1, nameof(Tries));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Tries, 10, nameof(Tries));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffBase, TimeSpan.Zero, nameof(BackoffBase));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BackoffBase, TimeSpan.FromMinutes(1), nameof(BackoffBase));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxResponseBytes, 0, nameof(MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxResponseBytes, ResponseBytesCeiling, nameof(MaxResponseBytes));
    }

    /// <summary>
    /// Where a redirect may lead, besides the scheme and address checks every call has (a mini-program's request may
    /// only reach its listed domains); null follows any. A redirect elsewhere ends the call as
    /// <see cref="OutboundFailure.RedirectRefused"/>.
    /// </summary>
    public Func<Uri, bool>? MayRedirectTo { get; init; }
}
