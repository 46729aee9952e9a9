using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:Telemetry</c>: metrics and traces (docs/operations-telemetry.md). Everything is off by default.</summary>
public sealed record TelemetryOptions
{
    public const string Section = "Hutong:Telemetry";

    /// <summary>Serves the node's metrics as Prometheus text at <c>/metrics</c>.</summary>
    public bool Prometheus { get; init; }

    /// <summary>
    /// When set, <c>/metrics</c> is served on this port alone (every interface), by a listener of its own, and not on
    /// the node's own port; needs <see cref="Prometheus"/>.
    /// </summary>
    [Range(1, 65535)]
    public int? MetricsPort { get; init; }

    /// <summary>
    /// An OTLP collector's base address (<c>http://collector:4317</c>): metrics, traces and logs are sent there. The
    /// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> does the same, and the other <c>OTEL_EXPORTER_OTLP_*</c> variables apply.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>How <see cref="OtlpEndpoint"/> is spoken to: <c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; init; } = OtlpExportProtocol.Grpc;

    /// <summary>The node's <c>service.instance.id</c>; by default the machine's name and the node's HTTP port.</summary>
    public string? NodeId { get; init; }
}
