using System.ComponentModel.DataAnnotations;

namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:Http</c>: limits of the HTTP surface.</summary>
public sealed record HttpOptions
{
    public const string Section = "Hutong:Http";

    /// <summary>Largest request body an endpoint accepts unless it declares its own limit (uploads do).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;
}
