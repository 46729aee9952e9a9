using System.Net.WebSockets;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Client.Tests;

/// <summary>
/// The client's gateway engine against a server the test plays frame by frame: what each subscriber receives, repeats
/// and gaps, frames it cannot read, resends across a reconnect, and a server that refuses its protocol. Where the
/// client fills a gap over HTTP, a real node answers.
/// </summary>
public sealed class HutongGatewayTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Subscribers_EachGetTheKindsTheyAskedFor_InTheOrderTheyCame()
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);
        var messages = gateway.Subscribe<MessageFrame>();
        var profiles = gateway.Subscribe<ProfileEvent>();
        var everything = gateway.Subscribe<object>();
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);

        var (connection, hello) = await server.AcceptAsync();
        await connection.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);
        await connection.SendAsync(Message("c-1", 1));
        await connection.SendAsync(new EventFrame(new ProfileEvent("u-lin") { Seq = 1, At = Noon }));
        await connection.SendAsync(new EventFrame(new SettingsEvent("c-1") { Seq = 2, At = Noon }));
        await connection.SendAsync(Message("c-1", 2));

        Assert.Equal((GatewayProtocol.Version, "token"), (hello.Version, hello.Token));
        var (one, two) = (await ReadAsync(messages), await ReadAsync(messages));
        Assert.Equal((1L, 2L), (one.Message.Seq, two.Message.Seq));
        Assert.Equal("u-lin", (await ReadAsync(profiles)).UserId);
        var all = new[] { await ReadAsync(everything), await ReadAsync(everything), await ReadAsync(everything), await ReadAsync(everything) };
        Assert.Equal(["message 1", "profile", "settings", "message 2"], all.Select(Describe));
        Assert.Equal(2, gateway.Cursor);
    }

    [Fact]
    public async Task ARepeat_IsDropped_AndAGap_IsFilledOverHttp_InOrder()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var id = Assert.Single((await mei.Client.GetConversationsAsync(Ct)).Conversations).ConversationId;
        var sent = new List<MessageInfo>();
        for (var i = 1; i <= 5; i++)
        {
            await mei.Client.SendTextAsync(id, "m" + i, Ct);
        }

        sent.AddRange((await lin.Client.GetMessagesAsync(id, afterSeq: 0, cancellationToken: Ct)).Messages);
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(lin.Client, server.ConnectAsync);
        gateway.Track(id, 1);
        var messages = gateway.Subscribe<MessageFrame>();
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (connection, hello) = await server.AcceptAsync();
        await connection.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);

        await connection.SendAsync(new MessageFrame(id, sent[1]));
        await connection.SendAsync(new MessageFrame(id, sent[1]));
        await connection.SendAsync(new MessageFrame(id, sent[3]));
        await connection.SendAsync(new MessageFrame(id, sent[4]));

        Assert.Equal(1, hello.Conversations![id]);
        // 2 once; 4 arrived before 3, so the client fetched after 2 over HTTP (3 and 4); then 5, and nothing twice.
        var received = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            received.Add((await ReadAsync(messages)).Message.Text());
        }

        Assert.Equal(["m2", "m3", "m4", "m5"], received);
        Assert.Equal(5, gateway.Positions[id]);
    }

    [Fact]
    public async Task AGapWhoseFillTheBalancerAnswersWith502_EndsTheConnection_AndTheNextOneResumesFromWhatTheDeviceHolds()
    {
        using var balancer = new FailingBalancer();
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(new HutongClient(new HttpClient { BaseAddress = balancer.Address }) { Token = "token" }, server.ConnectAsync);
        gateway.Track("c-1", 1);
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (first, _) = await server.AcceptAsync();
        await first.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);

        // 3 after 1: the client fills the gap over HTTP, and the balancer answers 502.
        await first.SendAsync(Message("c-1", 3));
        var (second, hello) = await server.AcceptAsync();

        Assert.True(balancer.Requests > 0);
        Assert.Equal(1, hello.Conversations!["c-1"]);
    }

    [Fact]
    public async Task AFrameTheClientCannotRead_IsSkipped_AndTheConnectionCarriesOn()
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);
        var messages = gateway.Subscribe<MessageFrame>();
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (connection, _) = await server.AcceptAsync();
        await connection.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);

        await connection.SendRawAsync("""{"type":"hologram","shape":"cube"}""");
        await connection.SendRawAsync("""{"type":"event","event":{"kind":"somethingNew","seq":1}}""");
        await connection.SendAsync(Message("c-1", 1));

        Assert.Equal(1, (await ReadAsync(messages)).Message.Seq);
        Assert.Equal((GatewayState.Online, 1), (gateway.State, server.Opened));
    }

    [Fact]
    public async Task AMessageOfAKindTheClientDoesNotKnow_ArrivesAsUnknownContent_InItsPlace()
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);
        var messages = gateway.Subscribe<MessageFrame>();
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (connection, _) = await server.AcceptAsync();
        await connection.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);

        // A kind a later node may write: dropping it would leave a gap in the seqs, and the fetch to fill it would fail the same way.
        await connection.SendRawAsync("""{"type":"message","conversationId":"c-1","message":{"seq":1,"senderId":"u-lin","sentAt":"2026-03-18T12:00:00+00:00","recalled":false,"content":{"title":"Hutong life","kind":"hologram"}}}""");
        await connection.SendAsync(Message("c-1", 2));

        var unknown = (await ReadAsync(messages)).Message;
        var next = (await ReadAsync(messages)).Message;

        Assert.Equal((1L, (MessageContent?)new UnknownContent("hologram")), (unknown.Seq, unknown.Content));
        Assert.Equal((2L, (MessageContent?)new TextContent("m2")), (next.Seq, next.Content));
    }

    [Fact]
    public async Task ASendCutOffBeforeItsAck_GoesAgainUnderItsIdAfterTheReconnect_AndEndsWithTheAck()
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (first, _) = await server.AcceptAsync();
        await first.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);

        var sending = gateway.SendTextAsync("c-1", "still there?", "send-1", Ct);
        var attempt = Assert.IsType<SendFrame>(await first.ReadPastPingsAsync());
        first.Drop();
        var (second, _) = await server.AcceptAsync();
        await second.WelcomeAsync();
        var again = Assert.IsType<SendFrame>(await second.ReadPastPingsAsync());
        await second.SendAsync(new AckFrame("send-1", "c-1", 7, Noon));

        Assert.Equal(("send-1", "still there?"), (attempt.Message.ClientMsgId, Assert.IsType<TextContent>(attempt.Message.Content).Text));
        Assert.Equal(attempt, again);
        Assert.Equal(7, (await sending.WaitAsync(ScriptedGateway.Patience, Ct)).Seq);
    }

    [Fact]
    public async Task Subscribers_OfOneKindAndOfTheirBase_EachGetEveryFrame_AndASlowOneHoldsUpNoOther()
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);
        // The web client's shape: chat takes messages and every event, the wallet its own packet events.
        var slow = gateway.Subscribe<MessageFrame>(capacity: 8);
        var events = gateway.Subscribe<UserEvent>();
        var wallet = gateway.Subscribe<RedPacketOpenedEvent>();
        var chatNotes = gateway.Subscribe<RedPacketOpenedEvent>();
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (connection, _) = await server.AcceptAsync();
        await connection.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);

        await connection.SendAsync(Message("c-1", 1));
        await connection.SendAsync(new EventFrame(new RedPacketOpenedEvent("c-1", 1, "u-yun", 1) { Seq = 1, At = Noon }));
        await connection.SendAsync(Message("c-1", 2));
        await connection.SendAsync(new EventFrame(new ProfileEvent("u-lin") { Seq = 2, At = Noon }));

        // Every event arrives while the message subscriber has read nothing.
        Assert.Equal(["redPacketOpened 1", "profile 2"], [DescribeEvent(await ReadAsync(events)), DescribeEvent(await ReadAsync(events))]);
        Assert.Equal(("u-yun", "u-yun"), ((await ReadAsync(wallet)).UserId, (await ReadAsync(chatNotes)).UserId));
        Assert.Equal((1L, 2L), ((await ReadAsync(slow)).Message.Seq, (await ReadAsync(slow)).Message.Seq));
        Assert.False(wallet.TryRead(out _));
    }

    [Fact]
    public async Task SendsMadeOffline_GoOutOnConnect_InTheOrderTheyWereMade()
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);

        List<Task<SendMessageResponse>> sends = [];
        foreach (var text in (string[])["one", "two", "three"])
        {
            sends.Add(gateway.SendTextAsync("c-1", text, "send-" + text, Ct));
        }

        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (connection, _) = await server.AcceptAsync();
        await connection.WelcomeAsync();
        var arrived = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            arrived.Add(Assert.IsType<SendFrame>(await connection.ReadPastPingsAsync()).Message.Content is TextContent text ? text.Text : null);
        }

        // Acks may come in any order; each ends its own send.
        await connection.SendAsync(new AckFrame("send-three", "c-1", 3, Noon));
        await connection.SendAsync(new AckFrame("send-one", "c-1", 1, Noon));
        await connection.SendAsync(new AckFrame("send-two", "c-1", 2, Noon));

        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);
        Assert.Equal(["one", "two", "three"], arrived);
        var acked = await Task.WhenAll(sends).WaitAsync(ScriptedGateway.Patience, Ct);
        Assert.Equal([1L, 2L, 3L], acked.Select(a => a.Seq));
        Assert.Empty(gateway.Outbox);
    }

    [Fact]
    public async Task AfterAReconnect_TheOutboxGoesAgainInTheOrderItWasSent_NewSendsAfterIt()
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (first, _) = await server.AcceptAsync();
        await first.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);
        var one = gateway.SendTextAsync("c-1", "one", "send-one", Ct);
        var two = gateway.SendTextAsync("c-2", "two", "send-two", Ct);
        Assert.Equal(["one", "two"], [Text(await first.ReadPastPingsAsync()), Text(await first.ReadPastPingsAsync())]);

        first.Drop();
        var three = gateway.SendTextAsync("c-1", "three", "send-three", Ct);
        var (second, _) = await server.AcceptAsync();
        await second.WelcomeAsync();
        var again = new[] { Text(await second.ReadPastPingsAsync()), Text(await second.ReadPastPingsAsync()), Text(await second.ReadPastPingsAsync()) };
        await second.SendAsync(new AckFrame("send-one", "c-1", 1, Noon));
        await second.SendAsync(new AckFrame("send-two", "c-2", 1, Noon));
        await second.SendAsync(new AckFrame("send-three", "c-1", 2, Noon));

        Assert.Equal(["one", "two", "three"], again);
        await Task.WhenAll(one, two, three).WaitAsync(ScriptedGateway.Patience, Ct);
    }

    [Fact]
    public async Task TheOutbox_KeptThroughItsStore_GoesOutAfterAReloadUnderItsFirstId_AndIsAckedOnce()
    {
        var store = new MemoryOutboxStore();
        using var server = new ScriptedGateway();
        var before = new HutongGateway(Offline(), server.ConnectAsync, store);
        var connecting = before.ConnectAsync(cancellationToken: Ct);
        var (first, _) = await server.AcceptAsync();
        await first.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);
        var cutOff = before.SendTextAsync("c-1", "before the reload", "send-1", Ct);
        var attempt = Assert.IsType<SendFrame>(await first.ReadPastPingsAsync());
        var saved = store.Saved;
        await before.DisposeAsync();

        // The reload: a new gateway over the same store.
        await using var after = new HutongGateway(Offline(), server.ConnectAsync, store);
        await after.RestoreAsync(Ct);
        var restored = Assert.Single(after.Outbox);
        // Sending a restored send again only joins it: its outcome, and it still goes once.
        var outcome = after.SendAsync(restored.ConversationId, restored.Message, Ct);
        connecting = after.ConnectAsync(cancellationToken: Ct);
        var (second, _) = await server.AcceptAsync();
        await second.WelcomeAsync();
        var resent = Assert.IsType<SendFrame>(await second.ReadPastPingsAsync());
        await second.SendAsync(new AckFrame("send-1", "c-1", 7, Noon));
        var acked = await outcome.WaitAsync(ScriptedGateway.Patience, Ct);
        var emptied = store.Saved;
        var later = after.SendTextAsync("c-1", "after the reload", "send-2", Ct);
        var next = Assert.IsType<SendFrame>(await second.ReadPastPingsAsync());
        await second.SendAsync(new AckFrame("send-2", "c-1", 8, Noon));

        Assert.Equal(attempt, Assert.Single(saved));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cutOff.WaitAsync(ScriptedGateway.Patience, Ct));
        Assert.Equal(attempt, restored);
        Assert.Equal(attempt, resent);
        Assert.Equal(7, acked.Seq);
        Assert.Empty(emptied);
        // What came after the ack was the next send, not the restored one again.
        Assert.Equal("send-2", next.Message.ClientMsgId);
        Assert.Equal(8, (await later.WaitAsync(ScriptedGateway.Patience, Ct)).Seq);
    }

    [Theory]
    [InlineData(ErrorCodes.ClusterUnavailable)]
    [InlineData(ErrorCodes.StorageUnavailable)]
    public async Task ASendTheServerAsksToRetry_GoesAgainUnderTheSameId_UntilItIsAcked(string code)
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (connection, _) = await server.AcceptAsync();
        await connection.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);

        var sending = gateway.SendTextAsync("c-1", "a node just left", "send-1", Ct);
        var tries = new List<SendFrame>();
        for (var i = 0; i < 3; i++)
        {
            tries.Add(Assert.IsType<SendFrame>(await connection.ReadPastPingsAsync()));
            if (i < 2)
            {
                await connection.SendAsync(new ErrorFrame(code, 503, "Try again.", "send-1", "c-1"));
            }
        }

        Assert.False(sending.IsCompleted);
        await connection.SendAsync(new AckFrame("send-1", "c-1", 4, Noon));

        Assert.Equal(4, (await sending.WaitAsync(ScriptedGateway.Patience, Ct)).Seq);
        Assert.All(tries, frame => Assert.Equal(("send-1", "c-1"), (frame.Message.ClientMsgId, frame.ConversationId)));
        Assert.Empty(gateway.Outbox);
    }

    [Fact]
    public async Task ARefusal_TakesTheSendOutOfTheOutbox_AndFailsTheCaller()
    {
        var store = new MemoryOutboxStore();
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync, store);
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (first, _) = await server.AcceptAsync();
        await first.WelcomeAsync();
        await connecting.WaitAsync(ScriptedGateway.Patience, Ct);

        var refused = gateway.SendTextAsync("c-1", "not here", "send-1", Ct);
        Assert.IsType<SendFrame>(await first.ReadPastPingsAsync());
        await first.SendAsync(new ErrorFrame(ErrorCodes.MessageRefused, 403, "Refused.", "send-1", "c-1"));
        var failure = await Assert.ThrowsAsync<HutongApiException>(() => refused.WaitAsync(ScriptedGateway.Patience, Ct));
        var (outbox, saved) = (gateway.Outbox, store.Saved);
        // After a reconnect the refused send is not tried again: the first frame is the next send.
        first.Drop();
        var (second, _) = await server.AcceptAsync();
        await second.WelcomeAsync();
        var next = gateway.SendTextAsync("c-1", "here", "send-2", Ct);
        var frame = Assert.IsType<SendFrame>(await second.ReadPastPingsAsync());
        await second.SendAsync(new AckFrame("send-2", "c-1", 1, Noon));

        Assert.Equal((403, ErrorCodes.MessageRefused), (failure.Status, failure.Problem?.Code));
        Assert.Empty(outbox);
        Assert.Empty(saved);
        Assert.Equal("send-2", frame.Message.ClientMsgId);
        Assert.Equal(1, (await next.WaitAsync(ScriptedGateway.Patience, Ct)).Seq);
    }

    [Fact]
    public async Task AServerThatRefusesTheProtocol_IsNotAskedAgain_AndTheAppIsTold()
    {
        using var server = new ScriptedGateway();
        await using var gateway = new HutongGateway(Offline(), server.ConnectAsync);
        var everything = gateway.Subscribe<object>();
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        var (connection, _) = await server.AcceptAsync();

        await connection.SendAsync(new ErrorFrame(ErrorCodes.UnsupportedProtocol, 426, "Update the app."));
        await connection.CloseAsync(WebSocketCloseStatus.ProtocolError, "unsupported protocol");

        var refused = await Assert.ThrowsAsync<HutongApiException>(() => connecting.WaitAsync(ScriptedGateway.Patience, Ct));
        Assert.Equal((426, ErrorCodes.UnsupportedProtocol), (refused.Status, refused.Problem?.Code));
        // The subscription ends rather than waiting forever, and no second connection was tried.
        Assert.False(await everything.WaitToReadAsync(Ct).AsTask().WaitAsync(ScriptedGateway.Patience, Ct));
        Assert.Equal((GatewayState.Offline, 1), (gateway.State, server.Opened));
    }

    /// <summary>A client that is never asked to reach HTTP in the scripted tests: a request would fail the test.</summary>
    private static HutongClient Offline() => new(new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") }) { Token = "token" };

    private static MessageFrame Message(string conversationId, long seq) =>
        new(conversationId, new MessageInfo(seq, "u-lin", Noon, false, null, null, new TextContent("m" + seq)));

    private static string Describe(object item) => item switch
    {
        MessageFrame message => $"message {message.Message.Seq}",
        ProfileEvent => "profile",
        SettingsEvent => "settings",
        _ => item.GetType().Name,
    };

    private static string DescribeEvent(UserEvent userEvent) => userEvent switch
    {
        RedPacketOpenedEvent { Seq: var seq } => $"redPacketOpened {seq}",
        ProfileEvent { Seq: var seq } => $"profile {seq}",
        _ => userEvent.GetType().Name,
    };

    private static string? Text(ClientFrame frame) => Assert.IsType<TextContent>(Assert.IsType<SendFrame>(frame).Message.Content).Text;

    private static async Task<T> ReadAsync<T>(System.Threading.Channels.ChannelReader<T> reader) =>
        await reader.ReadAsync(Ct).AsTask().WaitAsync(ScriptedGateway.Patience, Ct);
}
