using System.Globalization;

namespace Hutong.Bench;

/// <summary>One system's figures for the idle scenario: what holding connections open costs its process.</summary>
internal sealed record IdleResult(
    string Scenario,
    string Target,
    int Connections,
    int Held,
    int Dropped,
    double SeedSeconds,
    double ConnectSeconds,
    double RssBeforeMiB,
    double RssAfterMiB,
    double KiBPerConnection,
    double ServerCpuSeconds,
    double ServerPeakRssMiB)
{
    public static string Markdown(IReadOnlyList<IdleResult> results)
    {
        var baseline = results.FirstOrDefault(r => r.Target == "raw relay")?.KiBPerConnection;
        return Report.Table(
            "scenario | system | connections | held | seed s | connect s | connects/s | RSS before/after MiB | KiB per connection | vs raw | server CPU s | peak RSS MiB",
            results.Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario} | {r.Target} | {r.Connections:N0} | {r.Held:N0} | {r.SeedSeconds:0.0} | {r.ConnectSeconds:0.0} | {r.Connections / r.ConnectSeconds:N0} | {r.RssBeforeMiB:0}/{r.RssAfterMiB:0} | {r.KiBPerConnection:0.0} | {Report.Ratio(r.KiBPerConnection, baseline)} | {r.ServerCpuSeconds:0.0} | {r.ServerPeakRssMiB:0}")));
    }
}
