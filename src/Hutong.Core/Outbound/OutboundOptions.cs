using System.ComponentModel.DataAnnotations;
using System.Net;
using Hutong.Core.Options;

namespace Hutong.Core.Outbound;

/// <summary>
/// <c>Hutong:Outbound</c>: the node's one HTTP client for calls to servers run by outside developers (official-account
/// webhooks, mini-program requests, payment notifications). How long a call may take and how often it is tried is each
/// caller's <see cref="OutboundPolicy"/>.
/// </summary>
public sealed record OutboundOptions
{
    public const string Section = "Hutong:Outbound";

    /// <summary>
    /// Whether calls may connect to loopback, private, link-local and other addresses that are not public
    /// (<see cref="AddressRules"/>). Off, a developer URL cannot reach the platform's own network; turn it on only
    /// where every developer server is trusted, such as a test bench.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Redirects followed in one try, each to http or https only; one more ends the call.</summary>
    [Range(0, 10)]
    public int MaxRedirects { get; init; } = 3;

    /// <summary>
    /// How long opening a connection may take. A connection attempt can outlive the try that started it (the pool
    /// gives it to the next request), so it has its own bound.
    /// </summary>
    [TimeSpanRange("00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a pooled connection is reused; a new connection resolves the host again, so DNS changes are seen.</summary>
    [TimeSpanRange("00:00:10", "01:00:00")]
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Exact endpoints allowed besides public addresses. Tests only, whose servers all listen on loopback: they allow
    /// one server and still see the next one refused. Not bound from configuration.
    /// </summary>
    internal IReadOnlyCollection<IPEndPoint> AlsoAllowed { get; init; } = [];
}
