using Hutong.Core.Options;
using System.ComponentModel.DataAnnotations;

namespace Hutong.Server.Hosting;

/// <summary>One fixed-window limit: <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed record RateLimit
{
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; init; }

    [TimeSpanRange("00:00:01", "7.00:00:00")]
    public TimeSpan Window { get; init; }
}
