using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using Hutong.Contracts.Gateway;

namespace Hutong.Web.Tests.Testing;

/// <summary>
/// The gateway's server end over a loopback socket, for a store that follows a <c>HutongGateway</c>: it welcomes the
/// device's one connection with nothing to replay, then pushes whatever frames the test gives it.
/// </summary>
internal sealed class PushGateway : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TaskCompletionSource<WebSocket> _server = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _owned = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the gateway is given to open its socket.</summary>
    public async Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var device = new TcpClient();
        await device.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, cancellationToken);
        var server = await listener.AcceptTcpClientAsync(cancellationToken);
        _owned.AddRange([device, server]);
        _server.TrySetResult(WebSocket.CreateFromStream(server.GetStream(), new WebSocketCreationOptions { IsServer = true }));
        return WebSocket.CreateFromStream(device.GetStream(), new WebSocketCreationOptions { IsServer = false });
    }

    /// <summary>Reads the device's hello and welcomes it: from here on, what is pushed is live.</summary>
    public async Task WelcomeAsync()
    {
        var server = await _server.Task.WaitAsync(Patience, Ct);
        var buffer = new byte[64 * 1024];
        ValueWebSocketReceiveResult read;
        do
        {
            read = await server.ReceiveAsync(buffer.AsMemory(), Ct).AsTask().WaitAsync(Patience, Ct);
        }
        while (!read.EndOfMessage);

        await PushAsync(new WelcomeFrame("u-me", "d-1", 0, []));
        await PushAsync(new SyncedFrame(0));
    }

    public async Task PushAsync(ServerFrame frame)
    {
        var server = await _server.Task.WaitAsync(Patience, Ct);
        await server.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame, GatewayJsonContext.Default.ServerFrame), WebSocketMessageType.Text, endOfMessage: true, Ct);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
