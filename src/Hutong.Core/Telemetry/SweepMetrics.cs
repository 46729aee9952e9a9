using System.Diagnostics.Metrics;

namespace Hutong.Core.Telemetry;

/// <summary>
/// <c>hutong.sweeper.lag</c>: how long after its due time a sweeper acted on an item (a transfer or red packet past
/// its expiry, a status past its day). Sweepers run every few seconds on every node, so a lag that grows says sweeps
/// are failing or falling behind. One per node, shared by the features that sweep; with several nodes each measures
/// the sweeps it ran itself.
/// </summary>
public sealed class SweepMetrics(IMeterFactory meters)
{
    public const string ItemTag = "hutong.sweeper.item";

    private readonly Histogram<double> _lag = HutongMeter.Create(meters).CreateHistogram(
        "hutong.sweeper.lag",
        unit: "s",
        description: "How long after its due time a sweeper acted on an item.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HutongMeter.LongSeconds });

    /// <summary>Records that an item of the kind (a constant: transfer, red_packet...) due at <paramref name="due"/> was acted on at <paramref name="now"/>.</summary>
    public void Acted(string item, DateTimeOffset due, DateTimeOffset now) =>
        _lag.Record(Math.Max(0, (now - due).TotalSeconds), new KeyValuePair<string, object?>(ItemTag, item));
}
