namespace Hutong.Bench;

/// <summary>One system's figures for one scenario.</summary>
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
    double ServerPeakRssMiB);
