using System.ComponentModel.DataAnnotations;
using Hutong.Core.Options;

namespace Hutong.Core.RateLimits;

/// <summary>One fixed-window limit: <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record RateLimit
{
    [Id(0), Range(1, int.MaxValue)]
    public int PermitLimit { get; init; }

    [Id(1), TimeSpanRange("00:00:01", "7.00:00:00")]
    public TimeSpan Window { get; init; }
}
