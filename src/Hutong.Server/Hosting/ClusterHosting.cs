using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Hutong.Server.Hosting;

internal static class ClusterHosting
{
    public static IHostApplicationBuilder AddHutongCluster(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var address = storage.Provider == StorageProvider.Postgres ? Address(options) : IPAddress.Loopback;
        // Any free ports do, so a second node on the same machine just works: the membership table tells the others
        // which ones this node took. A port chosen in the settings must be free, or the node says which one is taken.
        using var silo = Reserve(address, options.SiloPort, $"{ClusterOptions.Section}:SiloPort");
        using var gateway = Reserve(address, options.GatewayPort, $"{ClusterOptions.Section}:GatewayPort");
        var (siloPort, gatewayPort) = (Port(silo), Port(gateway));
        silo.Stop();
        gateway.Stop();

        builder.UseOrleans(orleans =>
        {
            if (storage.Provider == StorageProvider.Postgres)
            {
                // Membership lives in the node's own database (tables from its migrations: OrleansMembership):
                // PostgreSQL is the only service a cluster needs.
                orleans.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
                orleans.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
                orleans.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = builder.Configuration.GetConnectionString(StorageHosting.ConnectionStringName);
                });
                orleans.Configure<ClusterMembershipOptions>(Membership);
            }
            else
            {
                // SQLite is one node's file (SqliteNodeLock keeps it so): the node is its own cluster, on loopback.
                orleans.UseLocalhostClustering(siloPort, gatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            }
        });
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster");
        return builder;
    }

    /// <summary>
    /// How soon a node that died without leaving (kill -9, a lost machine) is declared dead, so its grains come back
    /// elsewhere: every node probes up to three others each second, and three missed probes in a row make a suspicion;
    /// two suspicions (or every other node's, in a cluster of two) declare it dead. A killed process refuses connections
    /// at once, so its probes fail fast: about 3-5 s from the kill to the others' reaction. A live node is not probed to
    /// death by a slow second: Orleans lengthens its probe timeout while it finds itself degraded.
    /// </summary>
    private static void Membership(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(1);
        o.NumMissedProbesLimit = 3;
        o.NumProbedSilos = 3;
        o.NumVotesForDeathDeclaration = 2;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        o.DefunctSiloExpiration = TimeSpan.FromHours(1);
    }

    private static IPAddress Address(ClusterOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AdvertisedAddress))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(options.AdvertisedAddress, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any)
            ? address
            : throw new OptionsValidationException(
                $"{ClusterOptions.Section}:AdvertisedAddress", typeof(ClusterOptions),
                [$"{ClusterOptions.Section}:AdvertisedAddress is this node's IP address that the other nodes reach (e.g. 10.0.0.5), not '{options.AdvertisedAddress}'."]);
    }

    /// <summary>Holds the port (a free one for 0) until both are chosen, so the two never coincide.</summary>
    private static TcpListener Reserve(IPAddress address, int port, string key)
    {
        var listener = new TcpListener(address, port);
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
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable)
        {
            listener.Dispose();
            throw new InvalidOperationException(
                $"{ClusterOptions.Section}:AdvertisedAddress: {address} is not an address of this machine.", e);
        }
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;
}
