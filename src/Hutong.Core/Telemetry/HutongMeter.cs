using System.Diagnostics.Metrics;

namespace Hutong.Core.Telemetry;

/// <summary>
/// Hutong's own meter. Each feature makes its instruments on it through the node's <see cref="IMeterFactory"/>, which
/// hands every caller the same meter; so a node's measurements are its own even when several nodes share a process
/// (tests), and the node exports them only when it listens to its own meters (Hutong:Telemetry).
/// </summary>
public static class HutongMeter
{
    public const string Name = "Hutong";

    public static Meter Create(IMeterFactory meters) => meters.Create(Name);

    /// <summary>Bucket bounds, in seconds, for what usually takes milliseconds (a commit): 0.5 ms to 10 s.</summary>
    public static readonly IReadOnlyList<double> ShortSeconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Bucket bounds, in seconds, for what is late by seconds to an hour (a sweep).</summary>
    public static readonly IReadOnlyList<double> LongSeconds = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];
}
