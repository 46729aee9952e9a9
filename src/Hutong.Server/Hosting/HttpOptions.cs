using System.ComponentModel.DataAnnotations;

namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:Http</c>: limits of the HTTP surface.</summary>
public sealed record HttpOptions
{
    public const string Section = "Hutong:Http";

    /// <summary>Largest request body an endpoint accepts unless it declares its own limit (uploads do).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Longest request target (path and query) the node serves; a longer one gets a 414 problem. Kestrel is given
    /// eight times as much, so that what is merely too long reaches the node and gets an answer a client can read.
    /// </summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestTargetBytes { get; init; } = 8 * 1024;

    /// <summary>Most header bytes (names and values) a request may carry; more gets a 431 problem. Kestrel is given four times as much.</summary>
    [Range(4096, 1024 * 1024)]
    public int MaxRequestHeaderBytes { get; init; } = 32 * 1024;

    /// <summary>Most headers a request may carry; more gets a 431 problem. Kestrel is given four times as many.</summary>
    [Range(16, 10_000)]
    public int MaxRequestHeaders { get; init; } = 100;

    /// <summary>
    /// Connections the kernel holds for the node before it accepts them (the kernel caps it at
    /// <c>net.core.somaxconn</c>). When thousands of devices reconnect at once, a short queue overflows and each
    /// connection it drops waits a second or more to try again.
    /// </summary>
    [Range(1, 65_535)]
    public int ListenBacklog { get; init; } = 4_096;

    /// <summary>
    /// Addresses or networks (CIDR) of the load balancers in front of the node, besides loopback, which is always
    /// trusted. From them the node takes the client's address and scheme out of X-Forwarded-For and -Proto, so limits
    /// per address count clients, not the balancer.
    /// </summary>
    public string[] TrustedProxies { get; init; } = [];
}
