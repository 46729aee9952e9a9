using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Hutong.Bench;

/// <summary>
/// Client sockets spread over the source addresses 127.0.0.2, 127.0.0.3, ... A source address has only the ephemeral
/// port range (about 28k ports with Linux's default 32768-60999) to connect from, so tens of thousands of connections
/// to one server need several. One shared HTTP client serves every person's API calls, so seeding leaves a few pooled
/// connections on the server instead of one per person.
/// </summary>
internal sealed class LoopbackSources : IDisposable
{
    /// <summary>Connections per source address, well inside the ephemeral range, leaving room for other work.</summary>
    private const int PerAddress = 10_000;

    private readonly int _addresses;
    private readonly HttpMessageInvoker _webSockets;
    private int _next;

    public LoopbackSources(Uri baseAddress, int connections)
    {
        _addresses = Math.Clamp(connections / PerAddress + 1, 1, 250);
        _webSockets = new HttpMessageInvoker(new SocketsHttpHandler { ConnectCallback = ConnectAsync });
        Api = new HttpClient(new SocketsHttpHandler { ConnectCallback = ConnectAsync, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>For every person's <see cref="Hutong.Client.HutongClient"/>; each carries its own token.</summary>
    public HttpClient Api { get; }

    /// <summary>A gateway's way to open its socket (<see cref="Hutong.Client.HutongGateway"/> takes it as <c>connect</c>).</summary>
    public async Task<WebSocket> ConnectWebSocketAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, _webSockets, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Api.Dispose();
        _webSockets.Dispose();
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var source = new IPAddress([127, 0, 0, (byte)(2 + (uint)Interlocked.Increment(ref _next) % (uint)_addresses)]);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
