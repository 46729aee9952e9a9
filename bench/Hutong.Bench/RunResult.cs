using System.Globalization;

namespace Hutong.Bench;

/// <summary>One system's figures for one chat scenario.</summary>
internal sealed record RunResult(
    string Scenario,
    string Target,
    int Clients,
    double Seconds,
    double SentPerSecond,
    double DeliveredPerSecond,
    LatencySummary SendToAck,
    LatencySummary SendToDeliver,
    double ServerCpuSeconds,
    double ServerPeakRssMiB)
{
    /// <summary>The steadiest figure on a shared machine: what each delivered message cost the server.</summary>
    public double CpuMicrosecondsPerDelivery => DeliveredPerSecond > 0 ? ServerCpuSeconds * 1e6 / (DeliveredPerSecond * Seconds) : 0;

    /// <summary>Each system against the raw relay of the same run.</summary>
    public static string Markdown(IReadOnlyList<RunResult> results)
    {
        var baseline = results.FirstOrDefault(r => r.Target == "raw relay")?.DeliveredPerSecond;
        return Report.Table(
            "scenario | system | clients | sent/s | delivered/s | vs raw | ack p50/p99/max ms | deliver p50/p99/max ms | server CPU s | CPU µs/delivery | peak RSS MiB",
            results.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario} | {r.Target} | {r.Clients} | {r.SentPerSecond:0} | {r.DeliveredPerSecond:0} | {Report.Ratio(r.DeliveredPerSecond, baseline)} | {r.SendToAck.P50:0.00}/{r.SendToAck.P99:0.00}/{r.SendToAck.Max:0.0} | {r.SendToDeliver.P50:0.00}/{r.SendToDeliver.P99:0.00}/{r.SendToDeliver.Max:0.0} | {r.ServerCpuSeconds:0.0} | {r.CpuMicrosecondsPerDelivery:0} | {r.ServerPeakRssMiB:0}")));
    }
}
