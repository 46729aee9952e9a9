using System.Net;
using System.Net.Sockets;

namespace Hutong.Server.Hosting;

internal static class ClusterHosting
{
    public static IHostApplicationBuilder AddHutongCluster(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // A node alone clusters with itself on loopback: any free ports do, so a second node on the same machine
        // just works. A port chosen in the settings must be free, or the node says which one is taken and stops.
        using var silo = Reserve(options.SiloPort, $"{ClusterOptions.Section}:SiloPort");
        using var gateway = Reserve(options.GatewayPort, $"{ClusterOptions.Section}:GatewayPort");
        var (siloPort, gatewayPort) = (Port(silo), Port(gateway));
        silo.Stop();
        gateway.Stop();
        builder.UseOrleans(orleans => orleans.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "hutong", clusterId: "hutong"));
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return builder;
    }

    /// <summary>Holds the port (a free one for 0) until both are chosen, so the two never coincide.</summary>
    private static TcpListener Reserve(int port, string key)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            listener.Dispose();
            throw new InvalidOperationException(
                $"{key}: port {port} is taken (another Hutong node on this machine?). Choose another port, or 0 for any free one.", e);
        }
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;
}
