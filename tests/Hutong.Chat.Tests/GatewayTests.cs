using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Chat.Tests;

/// <summary>The gateway end to end: real WebSockets against a whole node, on both providers.</summary>
public sealed class GatewayTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task TwoPeopleThreeDevices_ChatInRealTime_AndTheSendersOtherDeviceGetsTheEcho(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await using var meiLaptop = await app.ConnectAsync(mei.Client);
        await using var meiPhone = await app.ConnectAsync(await mei.NewDeviceAsync(app));
        await using var linPhone = await app.ConnectAsync(lin.Client);

        var ack = await meiLaptop.SendTextAsync(id, "在吗? there?", cancellationToken: Ct);
        var atLin = await linPhone.NextMessageAsync();
        var echo = await meiPhone.NextMessageAsync();
        var reply = await linPhone.SendTextAsync(id, "here!", cancellationToken: Ct);
        var atLaptop = await meiLaptop.NextMessageAsync();

        Assert.Equal(1, ack.Seq);
        Assert.Equal((1L, "在吗? there?", mei.UserId), (atLin.Seq, atLin.Text(), atLin.SenderId));
        Assert.Equal(atLin, echo);
        Assert.Equal(ack.SentAt, atLin.SentAt);
        Assert.Equal(2, reply.Seq);
        // The laptop sent seq 1 itself and still sees it once, in order, before the reply.
        Assert.Equal(1, atLaptop.Seq);
        Assert.Equal((2L, "here!"), ((await meiLaptop.NextMessageAsync()).Seq, (await meiPhone.NextMessageAsync()).Text()));
    }

    [Theory, ProviderData]
    public async Task Offline_ThenOnline_GetsExactlyWhatItMissed(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        long cursor;
        await using (var before = await app.ConnectAsync(lin.Client))
        {
            await mei.Client.SendTextAsync(id, "one", Ct);
            Assert.Equal("one", (await before.NextMessageAsync()).Text());
            cursor = before.Cursor;
        }

        for (var i = 2; i <= 4; i++)
        {
            await mei.Client.SendTextAsync(id, "missed " + i, Ct);
        }

        var after = app.NewGateway(lin.Client);
        await using var _ = after;
        after.Track(id, 1);
        await after.ConnectAsync(cursor, Ct).WaitAsync(GatewayKit.Patience, Ct);
        var missed = new[] { await after.NextMessageAsync(), await after.NextMessageAsync(), await after.NextMessageAsync() };
        await mei.Client.SendTextAsync(id, "live again", Ct);

        Assert.Equal([2L, 3L, 4L], missed.Select(m => m.Seq));
        Assert.Equal(["missed 2", "missed 3", "missed 4"], missed.Select(m => m.Text()));
        // Nothing came twice: the very next message is the new one.
        Assert.Equal((5L, "live again"), ((await after.NextMessageAsync()).Seq, "live again"));
    }

    [Fact]
    public async Task AListeningDevice_PingsOnItsOwn_AndOutlivesTheIdleTimeout()
    {
        // The node's idle wait runs on a clock the test moves, so a busy machine cannot stretch it; the device pings on
        // real time, every 500 ms.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hutong:Gateway:IdleTimeout"] = "00:00:02" }, clock, cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var sockets = new List<PongCountingSocket>();
        await using var gateway = new HutongGateway(lin.Client, async (uri, ct) =>
        {
            var socket = new PongCountingSocket(await app.Server.CreateWebSocketClient().ConnectAsync(uri, ct));
            lock (sockets)
            {
                sockets.Add(socket);
            }

            return socket;
        })
        {
            PingInterval = TimeSpan.FromMilliseconds(500),
        };
        gateway.Track(id, 0);
        var messages = gateway.Subscribe<MessageFrame>();
        await gateway.ConnectAsync(cancellationToken: Ct).WaitAsync(GatewayKit.Patience, Ct);
        var changes = new List<GatewayState>();
        gateway.StateChanged += changes.Add;
        var first = Assert.Single(sockets);

        // Lin only listens, for five times the idle timeout on the node's clock. Each step waits for the pong to a ping
        // sent after the clock last moved (the node has seen the ping before it answers), then moves the clock a
        // second, half the timeout: a node that did not count pings as signs of life would have closed the connection
        // by the second step.
        for (var step = 1; step <= 10; step++)
        {
            var sent = first.Pings;
            await Eventually.ThatAsync(() => first.Pongs > sent, $"the pong to a ping sent after step {step - 1}");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await mei.Client.SendTextAsync(id, "still there?", Ct);

        Assert.Equal("still there?", (await messages.ReadAsync(Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct)).Message.Text());
        Assert.Empty(changes);
        Assert.Single(sockets);
    }

    [Theory, ProviderData]
    public async Task Resume_MoreThanTheServerReplays_IsFilledOverHttpInOrder(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?> { ["Hutong:Gateway:ResumeMessagesPerConversation"] = "3" }, cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        for (var i = 1; i <= 10; i++)
        {
            await mei.Client.SendTextAsync(id, "m" + i, Ct);
        }

        await using var gateway = app.NewGateway(lin.Client);
        gateway.Track(id, 2);
        await gateway.ConnectAsync(cancellationToken: Ct).WaitAsync(GatewayKit.Patience, Ct);
        var received = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            received.Add((await gateway.NextMessageAsync()).Seq);
        }

        Assert.Equal(Enumerable.Range(3, 8).Select(i => (long)i), received);
        Assert.Equal(10, gateway.Positions[id]);
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task Send_WhileTheConnectionDrops_IsRetriedUnderItsIdAndStoredOnce(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await using var gateway = await app.ConnectAsync(mei.Client);
        // The first attempt reached the server, but its ack was lost with the connection.
        var first = await mei.Client.SendMessageAsync(id, new("lost-ack-1", new TextContent("did this arrive?")), Ct);

        gateway.Interrupt();
        var retried = await gateway.SendTextAsync(id, "did this arrive?", "lost-ack-1", Ct).WaitAsync(GatewayKit.Patience, Ct);
        var fresh = await gateway.SendTextAsync(id, "sent while reconnecting", cancellationToken: Ct).WaitAsync(GatewayKit.Patience, Ct);

        Assert.Equal(first.Seq, retried.Seq);
        Assert.Equal(first.Seq + 1, fresh.Seq);
        Assert.Equal(["did this arrive?", "sent while reconnecting"], (await ChatTestKit.AllMessagesAsync(lin, id)).Select(m => m.Text()));
    }

    [Theory, ProviderData]
    public async Task GroupOfFifty_OneMessage_ReachesEveryConnectedMember(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var members = new List<TestUser>();
        for (var i = 0; i < 49; i++)
        {
            var member = await TestUser.CreateAsync(app, "m" + i);
            await member.BefriendAsync(owner);
            members.Add(member);
        }

        var id = (await owner.Client.CreateGroupAsync("fifty", [.. members.Select(m => m.UserId)], Ct)).ConversationId;
        var gateways = await Task.WhenAll(members.Prepend(owner).Select(m => app.ConnectAsync(m.Client)));
        try
        {
            var sent = await gateways[13].SendTextAsync(id, "大家好 hello all", cancellationToken: Ct);

            var received = await Task.WhenAll(gateways.Select(g => g.NextMessageAsync(m => m.Seq == sent.Seq, $"message {sent.Seq}")));

            Assert.All(received, m => Assert.Equal("大家好 hello all", m.Text()));
        }
        finally
        {
            foreach (var gateway in gateways)
            {
                await gateway.DisposeAsync();
            }
        }
    }

    [Theory, ProviderData]
    public async Task ReadPosition_ReachesMyOtherDevice_AndNothingReachesThePeer(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await lin.Client.SendTextAsync(id, "read me", Ct);
        await using var meiPhone = await app.ConnectAsync(await mei.NewDeviceAsync(app));
        await using var linPhone = app.NewGateway(lin.Client);
        linPhone.Track(id, 1);
        await linPhone.ConnectAsync((await lin.Client.GetEventsAsync(cancellationToken: Ct)).LastSeq, Ct).WaitAsync(GatewayKit.Patience, Ct);

        await mei.Client.MarkReadAsync(id, 1, Ct);
        var onMeiPhone = await meiPhone.NextUserEventAsync<ReadPositionEvent>();
        await mei.Client.SendTextAsync(id, "next", Ct);

        Assert.Equal((id, 1L), (onMeiPhone.ConversationId, onMeiPhone.MessageSeq));
        // The first thing Lin's device hears after Mei read is Mei's next message: no receipt, no position.
        var first = await linPhone.NextAsync();
        Assert.Equal("next", Assert.IsType<MessageFrame>(first).Message.Text());
    }

    [Theory, ProviderData]
    public async Task RevokedDevice_ItsSocketClosesAndStaysClosed(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lost = await mei.NewDeviceAsync(app, "lost phone");
        var lostId = (await lost.GetDevicesAsync(Ct)).Devices.Single(d => d.Current).DeviceId;
        await using var gateway = await app.ConnectAsync(lost);
        var offline = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.StateChanged += state =>
        {
            if (state == GatewayState.Offline)
            {
                offline.TrySetResult();
            }
        };

        await mei.Client.RevokeDeviceAsync(lostId, Ct);

        await offline.Task.WaitAsync(GatewayKit.Patience, Ct);
        await using var again = app.NewGateway(lost);
        var refused = await Assert.ThrowsAsync<HutongApiException>(() => again.ConnectAsync(cancellationToken: Ct).WaitAsync(GatewayKit.Patience, Ct));
        Assert.Equal(401, refused.Status);
    }

    [Fact]
    public async Task FriendRequest_ArrivesLiveAsAUserEvent()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await using var linPhone = await app.ConnectAsync(lin.Client);

        var sent = await mei.Client.SendFriendRequestAsync(lin.UserId, "hi", Ct);

        var heard = await linPhone.NextUserEventAsync<FriendRequestEvent>();
        Assert.Equal((sent.RequestId, mei.UserId, "pending"), (heard.RequestId, heard.UserId, heard.State));
        Assert.Equal(heard.Seq, linPhone.Cursor);
    }
}
