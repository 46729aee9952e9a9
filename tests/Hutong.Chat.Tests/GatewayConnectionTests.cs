using System.Text;
using System.Text.Json;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Realtime;
using Hutong.Realtime.Delivery;
using Hutong.Realtime.Log;
using Hutong.Server.Gateway;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Chat.Tests;

/// <summary>
/// The gateway's engine on its own: one connection over an in-memory WebSocket against a real node, so a test decides
/// how frames are cut, when pushes arrive and what the clock says.
/// </summary>
public sealed class GatewayConnectionTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FramesCutIntoPieces_AndLargerThanTheFirstBuffer_AreReadWhole()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        using var socket = InMemorySocket.Create();
        var running = Open(app, socket, TimeProvider.System);

        await socket.SendInPiecesAsync(Hello(mei.Client.Token!), piece: 5, Ct);
        Assert.Equal("welcome", Type(await NextAsync(socket)));
        Assert.Equal("synced", Type(await NextAsync(socket)));
        // 6,000 three-byte characters: several times the 4 KiB a frame is first read into, in 1,000-byte fragments.
        var text = new string('字', 6_000);
        await socket.SendInPiecesAsync(
            JsonSerializer.Serialize(new { type = "send", conversationId = id, message = new { clientMsgId = "big", content = new { kind = "text", text } } }), piece: 1_000, Ct);
        var ack = await NextOfTypeAsync(socket, "ack");

        Assert.Equal(("big", 1L), (ack.GetProperty("clientMsgId").GetString(), ack.GetProperty("seq").GetInt64()));
        Assert.Equal(text, Assert.Single(await ChatTestKit.AllMessagesAsync(lin, id)).Text());
        await CloseAsync(socket, running);
    }

    [Fact]
    public async Task PushesThatArriveDuringTheResume_GoOutOnceAfterIt_MinusWhatTheResumeCarried()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        for (var i = 1; i <= 3; i++)
        {
            await mei.Client.SendTextAsync(id, "m" + i, Ct);
        }

        using var socket = InMemorySocket.Create();
        var connection = NewConnection(app, socket, TimeProvider.System);
        // Before its hello, a connection holds what the hub pushes: seq 2 (which the resume will carry) and a later one.
        var conversation = Guid.Parse(id);
        connection.Push(new Push(conversation, 2, Encoding.UTF8.GetBytes("""{"type":"event","marker":"repeat of 2"}""")));
        connection.Push(new Push(conversation, 4, Encoding.UTF8.GetBytes("""{"type":"event","marker":"4"}""")));
        var running = connection.RunAsync(null, Ct);

        await socket.SendInPiecesAsync(Hello(lin.Client.Token!, conversations: new() { [id] = 1 }), piece: 64, Ct);
        var frames = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
        {
            frames.Add(await NextAsync(socket));
        }

        await socket.SendInPiecesAsync("""{"type":"ping"}""", piece: 64, Ct);

        Assert.Equal(["welcome", "message", "message", "synced", "event"], frames.Select(Type));
        Assert.Equal(["m2", "m3"], frames.Skip(1).Take(2).Select(f => f.GetProperty("message").GetProperty("content").GetProperty("text").GetString()));
        Assert.Equal("4", frames[4].GetProperty("marker").GetString());
        // The very next frame answers the ping: the held repeat of seq 2 never went out.
        Assert.Equal("pong", Type(await NextAsync(socket)));
        await CloseAsync(socket, running);
        connection.Dispose();
    }

    [Fact]
    public async Task ASilentConnection_IsClosedWhenTheIdleTimeoutPasses_OnTheNodesClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, clock: clock, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");
        using var socket = InMemorySocket.Create();
        var running = Open(app, socket, clock);
        await socket.SendInPiecesAsync(Hello(mei.Client.Token!), piece: 64, Ct);
        await NextOfTypeAsync(socket, "synced");
        var idle = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.IdleTimeout;

        clock.Advance(idle - TimeSpan.FromSeconds(1));
        await socket.SendInPiecesAsync("""{"type":"ping"}""", piece: 64, Ct);
        Assert.Equal("pong", Type(await NextAsync(socket)));
        // The ping moved the deadline: a whole timeout after it, and not before, the node lets the connection go.
        clock.Advance(idle - TimeSpan.FromSeconds(1));
        await socket.SendInPiecesAsync("""{"type":"ping"}""", piece: 64, Ct);
        Assert.Equal("pong", Type(await NextAsync(socket)));
        clock.Advance(idle);

        Assert.Null(await socket.ReceiveAsync(Ct).WaitAsync(GatewayKit.Patience, Ct));
        Assert.Equal((System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "idle"), (socket.Device.CloseStatus, socket.Device.CloseStatusDescription));
        // The device answers the close, as WebSocket clients do, and the connection ends cleanly.
        await socket.Device.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, Ct);
        await running.WaitAsync(GatewayKit.Patience, Ct);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Closed, socket.Server.State);
        app.Storage.Dispose();
    }

    [Fact]
    public async Task ANodeThatStopsRenewing_StopsGettingPushesWhenItsLeaseRunsOut()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, clock: clock, cancellationToken: Ct);
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var events = app.Services.GetRequiredService<EventLog>();
        var person = Guid.CreateVersion7();
        var node = new RecordingNode();
        var reference = grains.CreateObjectReference<IGatewayNode>(node);
        await grains.GetGrain<IUserGrain>(person).AttachAsync(reference);

        await events.AppendAsync(person, new ProfileEvent("before"));
        await node.Heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await events.AppendAsync(person, new ProfileEvent("lapsed"));
        await grains.GetGrain<IUserGrain>(person).AttachAsync(reference);
        await events.AppendAsync(person, new ProfileEvent("renewed"));

        // What reaches the node after the lapse is the event after the renewal; the one in between went nowhere.
        var next = await node.Heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);
        Assert.Equal(3, next.Seq);
        app.Storage.Dispose();
    }

    private static GatewayConnection NewConnection(HutongApp app, InMemorySocket socket, TimeProvider clock) => new(
        socket.Server, app.Services.GetRequiredService<GatewayHub>(), app.Services.GetRequiredService<GatewayBackend>(), clock, NullLogger.Instance);

    private static Task Open(HutongApp app, InMemorySocket socket, TimeProvider clock)
    {
        var connection = NewConnection(app, socket, clock);
        return Task.Run(async () =>
        {
            using (connection)
            {
                await connection.RunAsync(null, Ct);
            }
        }, Ct);
    }

    private static string Hello(string token, Dictionary<string, long>? conversations = null) =>
        JsonSerializer.Serialize(new { type = "hello", version = GatewayProtocol.Version, token, conversations = conversations ?? [] });

    private static async Task<JsonElement> NextAsync(InMemorySocket socket) =>
        JsonDocument.Parse(await socket.ReceiveAsync(Ct).WaitAsync(GatewayKit.Patience, Ct) ?? throw new InvalidOperationException("The server closed.")).RootElement;

    private static async Task<JsonElement> NextOfTypeAsync(InMemorySocket socket, string type)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(GatewayKit.Patience);
        while (true)
        {
            var frame = JsonDocument.Parse(await socket.ReceiveAsync(patience.Token) ?? throw new InvalidOperationException("The server closed.")).RootElement;
            if (Type(frame) == type)
            {
                return frame;
            }
        }
    }

    private static string? Type(JsonElement frame) => frame.GetProperty("type").GetString();

    private static async Task CloseAsync(InMemorySocket socket, Task running)
    {
        await socket.Device.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", Ct);
        await running.WaitAsync(GatewayKit.Patience, Ct);
    }

    /// <summary>A gateway node that only notes which event-log entries reach it.</summary>
    private sealed class RecordingNode : IGatewayNode
    {
        public System.Threading.Channels.Channel<Push> Heard { get; } = System.Threading.Channels.Channel.CreateUnbounded<Push>();

        public Task Deliver(Guid userId, Push push)
        {
            Heard.Writer.TryWrite(push);
            return Task.CompletedTask;
        }

        public Task DeliverTo(Guid[] userIds, Push push)
        {
            Heard.Writer.TryWrite(push);
            return Task.CompletedTask;
        }

        public Task<Guid[]> ConnectedAsync() => Task.FromResult<Guid[]>([]);

        public Task EndSession(Guid userId, Guid deviceId) => Task.CompletedTask;

        public Task Reclaim(Guid userId) => Task.CompletedTask;
    }
}
