using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Gateway;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hutong.Chat.Tests;

/// <summary>The protocol at the frame level, over raw sockets: bad frames get error frames and hurt no one else.</summary>
public sealed class GatewayFrameTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GarbageAndBinaryFrames_GetErrorFrames_AndTheConnectionCarriesOn()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        using var socket = await OpenAsync(app, mei.Client.Token);

        await SendTextAsync(socket, "{not json");
        var malformed = await ReceiveAsync(socket);
        await SendTextAsync(socket, "{\"type\":\"teleport\"}");
        var unknown = await ReceiveAsync(socket);
        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, Ct);
        var binary = await ReceiveAsync(socket);
        await SendTextAsync(socket, "{\"type\":\"ping\"}");
        var pong = await ReceiveAsync(socket);

        Assert.Equal("malformed_frame", Assert.IsType<ErrorFrame>(malformed).Code);
        Assert.Equal("unknown_frame_type", Assert.IsType<ErrorFrame>(unknown).Code);
        Assert.Equal("text_frames_only", Assert.IsType<ErrorFrame>(binary).Code);
        Assert.IsType<PongFrame>(pong);
    }

    [Fact]
    public async Task OversizedFrame_IsRefusedAndClosed_OtherConnectionsUnaffected()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        using var bystander = await OpenAsync(app, lin.Client.Token);
        using var socket = await OpenAsync(app, mei.Client.Token);

        await SendTextAsync(socket, "{\"type\":\"send\",\"text\":\"" + new string('x', 70_000) + "\"}");
        var error = await ReceiveAsync(socket);
        var close = await socket.ReceiveAsync(new byte[64].AsMemory(), Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);
        await SendTextAsync(bystander, "{\"type\":\"ping\"}");

        Assert.Equal("frame_too_large", Assert.IsType<ErrorFrame>(error).Code);
        Assert.Equal((WebSocketMessageType.Close, WebSocketCloseStatus.MessageTooBig), (close.MessageType, socket.CloseStatus));
        Assert.IsType<PongFrame>(await ReceiveAsync(bystander));
    }

    [Fact]
    public async Task AnOversizedHello_IsRefusedAsFrameTooLarge_AndClosedWith1009()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), Ct);

        await SendTextAsync(socket, "{\"type\":\"hello\",\"version\":3,\"token\":\"" + new string('x', 70 * 1024) + "\"}");
        var error = await ReceiveAsync(socket);
        var close = await socket.ReceiveAsync(new byte[64].AsMemory(), Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);

        Assert.Equal("frame_too_large", Assert.IsType<ErrorFrame>(error).Code);
        Assert.Equal((WebSocketMessageType.Close, WebSocketCloseStatus.MessageTooBig), (close.MessageType, socket.CloseStatus));
    }

    [Fact]
    public async Task WhenTheNodeStops_EveryDeviceIsToldToReconnect_With1012()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");
        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), Ct);
        await SendTextAsync(socket, $"{{\"type\":\"hello\",\"version\":3,\"token\":\"{mei.Client.Token}\"}}");
        Assert.IsType<WelcomeFrame>(await ReceiveAsync(socket));

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        // What was queued for the device goes out first (an event may be on its way); then the close.
        var frames = 0;
        ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(new byte[64 * 1024].AsMemory(), Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);
        }
        while (received.MessageType != WebSocketMessageType.Close && ++frames < 100);

        Assert.Equal((WebSocketMessageType.Close, (WebSocketCloseStatus)1012), (received.MessageType, socket.CloseStatus));
    }

    [Fact]
    public async Task FirstFrameNotHello_IsRefusedAndClosed()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), Ct);

        await SendTextAsync(socket, "{\"type\":\"ping\"}");
        var error = await ReceiveAsync(socket);
        await socket.ReceiveAsync(new byte[64].AsMemory(), Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);

        Assert.Equal("hello_expected", Assert.IsType<ErrorFrame>(error).Code);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ht_forged")]
    public async Task HelloWithoutAValidToken_IsRefusedWith4401(string? token)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), Ct);

        await SendTextAsync(socket, JsonSerializer.Serialize<ClientFrame>(new HelloFrame(GatewayProtocol.Version, token), GatewayJsonContext.Default.ClientFrame));
        var error = Assert.IsType<ErrorFrame>(await ReceiveAsync(socket));
        await socket.ReceiveAsync(new byte[64].AsMemory(), Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);

        Assert.Equal(("unauthorized", 401), (error.Code, error.Status));
        Assert.Equal(4401, (int)socket.CloseStatus!);
    }

    [Fact]
    public async Task TokenInTheQuery_IsEnoughForBrowsers()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/ws?access_token=" + mei.Client.Token), Ct);

        await SendTextAsync(socket, "{\"type\":\"hello\",\"version\":3}");

        var welcome = Assert.IsType<WelcomeFrame>(await ReceiveAsync(socket));
        Assert.Equal(mei.UserId, welcome.UserId);
    }

    [Theory]
    [InlineData("{\"type\":\"hello\",\"token\":\"TOKEN\"}")]
    [InlineData("{\"type\":\"hello\",\"version\":1,\"token\":\"TOKEN\"}")]
    // Protocol 2 sent flat messages (a field per kind): an app that speaks it is told to update.
    [InlineData("{\"type\":\"hello\",\"version\":2,\"token\":\"TOKEN\"}")]
    [InlineData("{\"token\":\"TOKEN\",\"version\":4,\"type\":\"hello\"}")]
    public async Task AHelloInAnotherProtocolVersion_IsToldPlainly_AndClosedWith1002(string hello)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), Ct);

        await SendTextAsync(socket, hello.Replace("TOKEN", mei.Client.Token, StringComparison.Ordinal));
        var error = Assert.IsType<ErrorFrame>(await ReceiveAsync(socket));
        var close = await socket.ReceiveAsync(new byte[64].AsMemory(), Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);

        Assert.Equal(("unsupported_protocol", 426), (error.Code, error.Status));
        Assert.Equal((WebSocketMessageType.Close, WebSocketCloseStatus.ProtocolError), (close.MessageType, socket.CloseStatus));
    }

    [Fact]
    public async Task SendFrame_WithBadInput_GetsAnErrorNamingItsClientMsgId()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        using var socket = await OpenAsync(app, mei.Client.Token);

        await SendTextAsync(socket, JsonSerializer.Serialize<ClientFrame>(new SendFrame(Guid.NewGuid().ToString(), new("c-1", new TextContent("hi"))), GatewayJsonContext.Default.ClientFrame));
        await SendTextAsync(socket, JsonSerializer.Serialize<ClientFrame>(new SendFrame("nope", new("c-2", new TextContent("hi"))), GatewayJsonContext.Default.ClientFrame));
        var errors = new[] { await ReceiveAsync(socket), await ReceiveAsync(socket) }.Cast<ErrorFrame>().OrderBy(e => e.ClientMsgId).ToList();

        Assert.Equal([("c-1", "conversation_not_found"), ("c-2", "conversation_not_found")], errors.Select(e => (e.ClientMsgId!, e.Code!)));
    }

    [Theory]
    [InlineData("""{"clientMsgId":"k-1","content":{"kind":"hologram","text":"hi"}}""")]
    [InlineData("""{"clientMsgId":"k-1","content":{"text":"a kind left out"}}""")]
    [InlineData("""{"clientMsgId":"k-1","content":{"kind":"transfer","id":"t-1","amount":100}}""")]
    [InlineData("""{"clientMsgId":"k-1","content":{"kind":"system","type":"dissolved"}}""")]
    [InlineData("""{"clientMsgId":"k-1"}""")]
    [InlineData("""{"clientMsgId":"k-1","kind":"text","text":"the shape of protocol 2"}""")]
    public async Task SendFrame_WithUnknownOrMissingContent_IsRefusedByItsClientMsgId_AndTheConnectionCarriesOn(string message)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, _, id) = await ChatTestKit.FriendsAsync(app);
        using var socket = await OpenAsync(app, mei.Client.Token);

        await SendTextAsync(socket, $$"""{"type":"send","conversationId":"{{id}}","message":{{message}}}""");
        var error = Assert.IsType<ErrorFrame>(await ReceiveAsync(socket));
        await SendTextAsync(socket, """{"type":"ping"}""");

        Assert.Equal(("k-1", id, ErrorCodes.ValidationFailed, 400), (error.ClientMsgId, error.ConversationId, error.Code, error.Status));
        Assert.IsType<PongFrame>(await ReceiveAsync(socket));
        Assert.Empty(await ChatTestKit.AllMessagesAsync(mei, id));
    }

    /// <summary>Connects and says hello; returns once welcomed and synced.</summary>
    private static async Task<WebSocket> OpenAsync(HutongApp app, string? token)
    {
        var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), Ct);
        await SendTextAsync(socket, JsonSerializer.Serialize<ClientFrame>(new HelloFrame(GatewayProtocol.Version, token), GatewayJsonContext.Default.ClientFrame));
        Assert.IsType<WelcomeFrame>(await ReceiveAsync(socket));
        Assert.IsType<SyncedFrame>(await ReceiveAsync(socket));
        return socket;
    }

    private static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Ct);

    private static async Task<ServerFrame> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[256 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);
            count += result.Count;
        }
        while (!result.EndOfMessage);
        return JsonSerializer.Deserialize(buffer.AsSpan(0, count), GatewayJsonContext.Default.ServerFrame)!;
    }
}
