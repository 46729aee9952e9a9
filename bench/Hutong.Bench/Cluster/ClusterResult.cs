using System.Globalization;
using System.Text;

namespace Hutong.Bench.Cluster;

/// <summary>The cluster scenario's figures: the chat runs at each cluster size, then each lost node.</summary>
internal sealed record ClusterResult(IReadOnlyList<ClusterThroughput> Throughput, IReadOnlyList<FailoverResult> Failovers, string LoadBefore, string LoadAfter)
{
    /// <summary>Every chat run delivered, and every loss was recovered with storage holding each ack once, in order.</summary>
    public bool Worked =>
        Throughput.All(t => t.Run.SentPerSecond > 0 && t.Run.DeliveredPerSecond > 0) && Failovers.All(f => f.Worked);

    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"### cluster: load average {LoadBefore} before, {LoadAfter} after");
        text.AppendLine();
        text.AppendLine(Report.Table(
            "scenario | nodes | clients | sent/s | delivered/s | ack p50/p99 ms | deliver p50/p99 ms | nodes CPU s | nodes µs/delivery | PostgreSQL µs/delivery | HAProxy µs/delivery | HTTP requests (per 1,000 deliveries) | nodes peak RSS MiB",
            Throughput.Select(t => string.Create(c,
                $"{t.Run.Scenario} | {t.Nodes} | {t.Run.Clients} | {t.Run.SentPerSecond:0} | {t.Run.DeliveredPerSecond:0} | {t.Run.SendToAck.P50:0.00}/{t.Run.SendToAck.P99:0.00} | {t.Run.SendToDeliver.P50:0.00}/{t.Run.SendToDeliver.P99:0.00} | {t.NodesCpuSeconds:0.0} | {t.PerDelivery(t.NodesCpuSeconds):0.0} | {t.PerDelivery(t.PostgresCpuSeconds):0.0} | {t.PerDelivery(t.HaproxyCpuSeconds):0.0} | {(t.HttpRequests is { } requests ? requests.ToString("N0", c) + " (" + t.FillsPerThousand!.Value.ToString("0.0", c) + ")" : "-")} | {t.Run.ServerPeakRssMiB:0}"))));
        if (Failovers.Count > 0)
        {
            text.AppendLine(Report.Table(
                "signal | devices | msg/s | lost connection | back after p50/max s | welcomes | sends acked again p50/p99/max s | stalled > 1 s | errors seen | node gone after s | acked | stored | missing, misplaced, duplicated | seq gaps | acked out of order | refused but stored (after later ones) | resent, answered wrong",
                Failovers.Select(f => string.Create(c,
                    $"{f.Signal} | {f.Devices} | {f.Rate:0} | {f.Lost} ({f.Back} back) | {f.BackAfter.P50 / 1000:0.00}/{f.BackAfter.Max / 1000:0.00} | {f.Welcomes} | {f.ResumedAfter.P50 / 1000:0.00}/{f.ResumedAfter.P99 / 1000:0.00}/{f.ResumedAfter.Max / 1000:0.00} | {f.Stalled} | {(f.Errors.Count == 0 ? "none" : string.Join(", ", f.Errors.Select(e => $"{e.Value} {e.Key}")))} | {(f.ExitedAfterSeconds is { } s ? s.ToString("0.00", c) : "still running")} | {f.Check.Acked} | {f.Check.Stored} | {f.Check.Missing}, {f.Check.Misplaced}, {f.Check.Duplicated} | {f.Check.Gaps} | {f.Check.Disordered} | {f.Check.RefusedButStored} ({f.Check.RefusedStoredLate}) | {f.Check.Resent}, {f.Check.WrongResends}"))));
        }

        foreach (var failover in Failovers.Where(f => f.Check.Findings.Count > 0))
        {
            text.AppendLine(c, $"{failover.Signal}, what the storage check found:");
            foreach (var finding in failover.Check.Findings)
            {
                text.AppendLine(c, $"- {finding}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}

/// <summary>A chat run through the balancer, with the CPU of every part of the cluster over its measured window.</summary>
internal sealed record ClusterThroughput(RunResult Run, int Nodes, double NodesCpuSeconds, double PostgresCpuSeconds, double HaproxyCpuSeconds, long? HttpRequests)
{
    /// <summary>Gap fills over HTTP per thousand deliveries: how often a device was pushed a message before the one before it.</summary>
    public double? FillsPerThousand => Run.DeliveredPerSecond > 0 ? HttpRequests * 1000.0 / (Run.DeliveredPerSecond * Run.Seconds) : 0;

    public double PerDelivery(double cpuSeconds) =>
        Run.DeliveredPerSecond > 0 ? cpuSeconds * 1e6 / (Run.DeliveredPerSecond * Run.Seconds) : 0;
}

/// <summary>One node lost under load (times in milliseconds, from the signal).</summary>
internal sealed record FailoverResult(
    string Signal,
    int Nodes,
    int Devices,
    double Rate,
    int Lost,
    int Back,
    int Welcomes,
    LatencySummary BackAfter,
    int Stalled,
    LatencySummary ResumedAfter,
    IReadOnlyDictionary<string, int> Errors,
    double? ExitedAfterSeconds,
    bool Recovered,
    StorageCheck Check,
    double NodesCpuSeconds)
{
    public bool Worked => Recovered && Lost > 0 && Back == Lost && Check.Holds;
}

/// <summary>
/// What the API gave back against what the devices were told. A refused send (an error frame) whose message was
/// stored after all is not a fault of storage: the node could not tell (the grain's node went away before it
/// answered), and the device has moved on, so it may even be stored after messages sent after it
/// (<see cref="RefusedStoredLate"/>). What must hold is that sending it again with its client id, as a device does,
/// gets its one seq; and that what was acked is kept, once, in the order sent (<see cref="Disordered"/> counts acked
/// messages out of it).
/// </summary>
internal sealed record StorageCheck(
    int Acked, int Stored, int Missing, int Misplaced, int Duplicated, int Gaps, int Disordered, int RefusedButStored, int RefusedStoredLate, int UnackedStored,
    int Resent, int WrongResends, IReadOnlyList<string> Findings)
{
    /// <summary>Every acked message once, at its seq, each sender's in order, no gaps, and every refused one resent to one seq.</summary>
    public bool Holds => Acked > 0 && Missing == 0 && Misplaced == 0 && Duplicated == 0 && Gaps == 0 && Disordered == 0 && WrongResends == 0;
}
