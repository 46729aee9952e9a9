namespace Hutong.Server.Hosting;

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
