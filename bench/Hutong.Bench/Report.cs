using System.Globalization;
using System.Text;

namespace Hutong.Bench;

/// <summary>Results as a markdown table, each system against the raw relay of the same run.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        var baseline = results.FirstOrDefault(r => r.Target == "raw relay");
        text.AppendLine("| scenario | system | clients | sent/s | delivered/s | vs raw | ack p50/p99/max ms | deliver p50/p99/max ms | server CPU s | CPU µs/delivery | peak RSS MiB |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var ratio = baseline is { DeliveredPerSecond: > 0 } ? (r.DeliveredPerSecond / baseline.DeliveredPerSecond).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Target} | {r.Clients} | {r.SentPerSecond:0} | {r.DeliveredPerSecond:0} | {ratio} | {r.SendToAck.P50:0.00}/{r.SendToAck.P99:0.00}/{r.SendToAck.Max:0.0} | {r.SendToDeliver.P50:0.00}/{r.SendToDeliver.P99:0.00}/{r.SendToDeliver.Max:0.0} | {r.ServerCpuSeconds:0.0} | {CpuPerDelivery(r):0} | {r.ServerPeakRssMiB:0} |");
        }

        return text.ToString();
    }

    /// <summary>The steadiest figure on a shared machine: what each delivered message cost the server.</summary>
    private static double CpuPerDelivery(RunResult r) =>
        r.DeliveredPerSecond > 0 ? r.ServerCpuSeconds * 1e6 / (r.DeliveredPerSecond * r.Seconds) : 0;
}
