using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Hutong.Contracts.Gateway;
using Hutong.Testing;

namespace Hutong.Client.Tests;

/// <summary>
/// The server's side of the gateway, played by a test over in-memory sockets: each connection the client opens is
/// handed to the test, which reads the client's frames and writes whatever frames, in whatever order, it needs.
/// </summary>
internal sealed class ScriptedGateway : IDisposable
{
    private readonly Channel<InMemorySocket> _connections = Channel.CreateUnbounded<InMemorySocket>();
    private readonly List<InMemorySocket> _all = [];

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How many connections the client has opened.</summary>
    public int Opened
    {
        get
        {
            lock (_all)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>What <see cref="HutongGateway"/> is given to open a socket.</summary>
    public Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = InMemorySocket.Create();
        lock (_all)
        {
            _all.Add(socket);
        }

        _connections.Writer.TryWrite(socket);
        return Task.FromResult(socket.Device);
    }

    /// <summary>The next connection the client opens, with its hello read.</summary>
    public async Task<(Connection Connection, HelloFrame Hello)> AcceptAsync()
    {
        var socket = await _connections.Reader.ReadAsync(Ct).AsTask().WaitAsync(Patience, Ct);
        var connection = new Connection(socket);
        return (connection, Assert.IsType<HelloFrame>(await connection.ReadAsync()));
    }

    public void Dispose()
    {
        lock (_all)
        {
            foreach (var socket in _all)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>One connection, from the server's end.</summary>
    internal sealed class Connection(InMemorySocket socket)
    {
        public Task SendAsync(ServerFrame frame) => SendRawAsync(JsonSerializer.Serialize(frame, GatewayJsonContext.Default.ServerFrame));

        public Task SendRawAsync(string json) =>
            socket.Server.SendAsync(System.Text.Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, Ct);

        /// <summary>Welcomes the device with nothing to replay.</summary>
        public async Task WelcomeAsync(long cursor = 0)
        {
            await SendAsync(new WelcomeFrame("u", "d", cursor, []));
            await SendAsync(new SyncedFrame(cursor));
        }

        public async Task<ClientFrame> ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.Server.ReceiveAsync(buffer.AsMemory(count), Ct).AsTask().WaitAsync(Patience, Ct);
                count += result.Count;
            }
            while (!result.EndOfMessage);
            return JsonSerializer.Deserialize(buffer.AsSpan(0, count), GatewayJsonContext.Default.ClientFrame)!;
        }

        /// <summary>The next frame that is not a ping.</summary>
        public async Task<ClientFrame> ReadPastPingsAsync()
        {
            while (true)
            {
                var frame = await ReadAsync();
                if (frame is not PingFrame)
                {
                    return frame;
                }
            }
        }

        /// <summary>Drops the connection as a network failure would.</summary>
        public void Drop() => socket.Server.Abort();

        public Task CloseAsync(WebSocketCloseStatus status, string reason) => socket.Server.CloseOutputAsync(status, reason, Ct);
    }
}
