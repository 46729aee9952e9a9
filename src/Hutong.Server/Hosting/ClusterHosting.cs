using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:Cluster</c>: the node's Orleans silo.</summary>
public sealed record ClusterOptions
{
    public const string Section = "Hutong:Cluster";

    /// <summary>Port for silo-to-silo traffic, on loopback when the node runs alone.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; init; } = 11111;

    /// <summary>Port for external Orleans clients (the CLI, tools).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; init; } = 30000;
}

internal static class ClusterHosting
{
    public static IHostApplicationBuilder AddHutongCluster(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "hutong", clusterId: "hutong"));
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return builder;
    }
}

/// <summary>Healthy when the silo answers a grain call, which needs membership and messaging to work.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", ex);
        }
    }
}
