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
    /// Connections the kernel holds for the node before it accepts them (the kernel caps it at
    /// <c>net.core.somaxconn</c>). When thousands of devices reconnect at once, a short queue overflows and each
    /// connection it drops waits a second or more to try again.
    /// </summary>
    [Range(1, 65_535)]
    public int ListenBacklog { get; init; } = 4_096;
}
