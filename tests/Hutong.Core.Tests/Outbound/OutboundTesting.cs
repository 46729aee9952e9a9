using System.Net;
using System.Net.Sockets;
using Hutong.Core.Outbound;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hutong.Core.Tests.Outbound;

/// <summary>Clients and policies for the outbound tests.</summary>
internal static class OutboundTesting
{
    /// <summary>Far longer than anything takes on a loaded machine, far shorter than a hung run.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>The default policy, but with a backoff short enough that retries need no waiting.</summary>
    public static readonly OutboundPolicy Quick = new() { BackoffBase = TimeSpan.FromMilliseconds(1) };

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client that refuses every address but the servers given, as production refuses loopback.</summary>
    public static OutboundClient Allowing(params LoopbackServer[] servers) =>
        Client(new OutboundOptions { AlsoAllowed = [.. servers.Select(server => server.Endpoint)] });

    public static OutboundClient Client(OutboundOptions options, TimeProvider? time = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), time ?? TimeProvider.System, NullLogger<OutboundClient>.Instance);

    public static Task<OutboundResult> GetAsync(this OutboundClient client, Uri uri, OutboundPolicy? policy = null) =>
        client.SendAsync(OutboundRequest.Get(uri), policy ?? Quick, Ct).WaitAsync(Patience, Ct);

    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static IPEndPoint ClosedPort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)listener.LocalEndPoint!;
    }
}
