using System.ComponentModel.DataAnnotations;

namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:Cluster</c>: the node's Orleans silo.</summary>
public sealed record ClusterOptions
{
    public const string Section = "Hutong:Cluster";

    /// <summary>
    /// Names one cluster: nodes on PostgreSQL with the same id find each other in its membership table. A new id is a
    /// new cluster over the same data (a blue-green switch); <see cref="ServiceId"/> stays.
    /// </summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Hutong:Cluster:ClusterId is 1 to 100 letters, digits, dots, dashes or underscores.")]
    public string ClusterId { get; init; } = "hutong";

    /// <summary>Names the service across cluster ids; Orleans keys what outlives a cluster by it.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Hutong:Cluster:ServiceId is 1 to 100 letters, digits, dots, dashes or underscores.")]
    public string ServiceId { get; init; } = "hutong";

    /// <summary>
    /// The address other nodes reach this one at, and the one its silo listens on. Loopback by default: nodes on one
    /// machine. Nodes on several machines each set their own address on the cluster's private network.
    /// </summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>Port for silo-to-silo traffic; 0 picks a free one (its membership row tells the others which).</summary>
    [Range(0, 65535)]
    public int SiloPort { get; init; }

    /// <summary>Port for external Orleans clients (the CLI, tools); 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; init; }
}
