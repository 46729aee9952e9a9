using System.Globalization;

namespace Hutong.Bench;

/// <summary>One system's figures for the resume scenario: how long every device took to be back in sync.</summary>
internal sealed record ResumeResult(
    string Scenario,
    string Target,
    int Clients,
    int MissedPerClient,
    int Synced,
    int Complete,
    double SecondsUntilAllBack,
    LatencySummary PerClient,
    double ServerCpuSeconds,
    double ServerPeakRssMiB)
{
    public static string Markdown(IReadOnlyList<ResumeResult> results) =>
        Report.Table(
            "scenario | system | clients | missed each | synced | holding all | all back s | per client p50/p99/max ms | server CPU s | peak RSS MiB",
            results.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario} | {r.Target} | {r.Clients:N0} | {r.MissedPerClient} | {r.Synced:N0} | {r.Complete:N0} | {r.SecondsUntilAllBack:0.00} | {r.PerClient.P50:0}/{r.PerClient.P99:0}/{r.PerClient.Max:0} | {r.ServerCpuSeconds:0.0} | {r.ServerPeakRssMiB:0}")));
}
