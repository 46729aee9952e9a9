using System.ComponentModel.DataAnnotations;

namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:Cluster</c>: the node's Orleans silo.</summary>
public sealed record ClusterOptions
{
    public const string Section = "Hutong:Cluster";

    /// <summary>Port for silo-to-silo traffic, on loopback when the node runs alone; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int SiloPort { get; init; }

    /// <summary>Port for external Orleans clients (the CLI, tools); 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; init; }
}
