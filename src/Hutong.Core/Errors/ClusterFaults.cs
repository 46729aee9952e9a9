using Hutong.Contracts;

namespace Hutong.Core.Errors;

/// <summary>
/// Failures of the cluster itself rather than of a request: a node died and the grain it held cannot be reached until
/// the others notice (seconds), or a call timed out meanwhile. The same request again is safe (every write is keyed by
/// a client id or decided once by its grain) and succeeds once the grain is active elsewhere, so clients are told to
/// retry, never that something broke.
/// </summary>
public static class ClusterFaults
{
    public static readonly Error Unavailable =
        new(ErrorCodes.ClusterUnavailable, 503, "A part of the service is moving to another node; try again in a moment.") { RetryAfter = TimeSpan.FromSeconds(1) };

    public static bool IsTransient(Exception exception) => exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
        || exception is AggregateException { InnerExceptions: [var inner] } && IsTransient(inner);
}
