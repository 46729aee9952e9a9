using System.Globalization;
using System.Reflection;
using Hutong.Core.Telemetry;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hutong.Server.Hosting;

/// <summary>
/// OpenTelemetry for the node (<c>Hutong:Telemetry</c>): metrics for Prometheus at <c>/metrics</c> and/or OTLP, and, with
/// OTLP, traces and logs. With neither configured nothing is registered: no listener, so every instrument's
/// <c>Add</c> is a check of an empty subscription list and no activity is created that was not before.
/// </summary>
internal static class TelemetryHosting
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Meters made through the node's own <see cref="System.Diagnostics.Metrics.IMeterFactory"/>, listened to in the
    /// node's scope only: several nodes in one process (tests) then each export their own.
    /// </summary>
    private static readonly string[] NodeMeters =
    [
        HutongMeter.Name,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.Orleans",
    ];

    /// <summary>Meters of the process (the runtime's, HttpClient's without a factory): one set, whichever node reads them.</summary>
    private static readonly string[] ProcessMeters = ["System.Runtime", "System.Net.Http", "System.Net.NameResolution"];

    public static IHostApplicationBuilder AddHutongTelemetry(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.MetricsPort is null || o.Prometheus, $"{TelemetryOptions.Section}:MetricsPort is set, but {TelemetryOptions.Section}:Prometheus is not true.")
            .ValidateOnStart();

        // The standard variable alone turns OTLP on too, as any OpenTelemetry SDK does.
        var otlp = options.OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!options.Prometheus && !otlp)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                "hutong", serviceVersion: Version(), autoGenerateServiceInstanceId: false, serviceInstanceId: options.NodeId ?? NodeId(builder.Configuration)))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ProcessMeters).AddNpgsqlInstrumentation();
                if (options.Prometheus)
                {
                    // No response cache: Prometheus scrapes every few seconds, and a scrape must see what came before it.
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });
        foreach (var meter in NodeMeters)
        {
            builder.Metrics.EnableMetrics(meter, instrumentName: null, listenerName: null, scopes: MeterScope.Local);
        }

        if (options.Prometheus && options.MetricsPort is not null)
        {
            builder.Services.AddHostedService<MetricsListener>();
        }

        if (otlp)
        {
            // Traces only where they are exported: without OTLP there is no tracer provider, so nothing samples.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                // Hutong's grain calls; Orleans' own (membership, directory) are left out as noise.
                .AddSource(Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName));
            // A trace follows a request into the grains it calls, on any node: each grain call carries the trace
            // context in its request context. The cost, only when OTLP is on: two filters and two spans per grain call.
            builder.UseOrleans(orleans => orleans.AddActivityPropagation());
            // Metrics, traces and logs (beside the console's, which do not change) go to the collector.
            if (options.OtlpEndpoint is { } endpoint)
            {
                telemetry.UseOtlpExporter(options.OtlpProtocol, endpoint);
            }
            else
            {
                telemetry.UseOtlpExporter();
            }
        }

        return builder;
    }

    /// <summary>Serves <c>/metrics</c> on the node's own port when Prometheus is on and no port of its own is set.</summary>
    public static WebApplication MapHutongMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options is { Prometheus: true, MetricsPort: null })
        {
            // Scrapes are not requests of the node's: they stay out of its HTTP metrics.
            app.MapPrometheusScrapingEndpoint(MetricsPath).DisableHttpMetrics().WithTags("Telemetry").ExcludeFromDescription();
        }

        return app;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/healthz");

    /// <summary>This machine and the node's HTTP port (the first of <c>Urls</c>), so a restarted node keeps its id.</summary>
    private static string NodeId(IConfiguration configuration)
    {
        var first = configuration[WebHostDefaults.ServerUrlsKey]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = first is null ? 0 : BindingAddress.Parse(first).Port;
        return port > 0 ? $"{Environment.MachineName}:{port.ToString(CultureInfo.InvariantCulture)}" : Environment.MachineName;
    }

    private static string? Version() =>
        typeof(TelemetryHosting).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}
