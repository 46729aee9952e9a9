using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Gateway;

namespace Hutong.Bench;

/// <summary>
/// The physical baseline: a WebSocket relay that speaks the gateway's frames with no storage, no authentication and no
/// cluster. A device's hello names the conversations it is in; a send is acked and pushed to every member, in seq order.
/// </summary>
internal static class RawRelay
{
    public static async Task RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // The same listen queue as Hutong's default, so a mass reconnect meets the same kernel on both.
        builder.WebHost.UseSockets(o => o.Backlog = 4_096);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var seqs = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var locks = new System.Collections.Concurrent.ConcurrentDictionary<string, Lock>();
        var members = new System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<string, Connection>>();
        app.UseWebSockets();
        app.MapGet("/healthz", () => "Healthy");
        app.Map("/ws", async (HttpContext http) =>
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var connection = new Connection(socket);
            var sending = connection.RunAsync();
            var buffer = new byte[16 * 1024];
            string? me = null;
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.AsMemory(), http.RequestAborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    var frame = JsonSerializer.Deserialize(buffer.AsSpan(0, result.Count), GatewayJsonContext.Default.ClientFrame)!;
                    switch (frame)
                    {
                        case HelloFrame hello:
                            me = hello.Token!;
                            // The relay keeps no accounts: a device is in the conversations its hello names.
                            foreach (var conversation in hello.Conversations?.Keys ?? [])
                            {
                                members.GetOrAdd(conversation, _ => new())[me] = connection;
                            }

                            connection.Enqueue(new WelcomeFrame(me, me, 0, []));
                            connection.Enqueue(new SyncedFrame(0));
                            break;
                        case SendFrame { Message: var message } send:
                            // Like the gateway: a seq per conversation, an ack, and the message pushed to both people,
                            // in seq order on every connection.
                            var gate = locks.GetOrAdd(send.ConversationId, _ => new Lock());
                            lock (gate)
                            {
                                var seq = seqs.AddOrUpdate(send.ConversationId, 1, (_, s) => s + 1);
                                var now = TimeProvider.System.GetUtcNow();
                                connection.Enqueue(new AckFrame(message.ClientMsgId, send.ConversationId, seq, now));
                                var push = JsonSerializer.SerializeToUtf8Bytes<ServerFrame>(
                                    new MessageFrame(send.ConversationId, new MessageInfo(seq, me!, now, false, message.ClientMsgId, null, message.Content)),
                                    GatewayJsonContext.Default.ServerFrame);
                                foreach (var target in members.GetOrAdd(send.ConversationId, _ => new()).Values)
                                {
                                    target.Enqueue(push);
                                }
                            }

                            break;
                        case PingFrame:
                            connection.Enqueue(new PongFrame());
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }

            connection.Complete();
            await sending;
        });
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>One socket with an outbox drained by one loop, as the gateway has.</summary>
    private sealed class Connection(WebSocket socket)
    {
        private readonly System.Threading.Channels.Channel<byte[]> _outbox = System.Threading.Channels.Channel.CreateUnbounded<byte[]>(new() { SingleReader = true });

        public void Enqueue(ServerFrame frame) => Enqueue(JsonSerializer.SerializeToUtf8Bytes(frame, GatewayJsonContext.Default.ServerFrame));

        public void Enqueue(byte[] frame) => _outbox.Writer.TryWrite(frame);

        public void Complete() => _outbox.Writer.TryComplete();

        public async Task RunAsync()
        {
            try
            {
                await foreach (var frame in _outbox.Reader.ReadAllAsync())
                {
                    await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
            }
        }
    }
}
