using Hutong.Client;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.Wallet;
using Hutong.Core.Qr;
using Hutong.Testing;
using Hutong.Testing.Cluster;

namespace Hutong.Cluster.Tests;

/// <summary>
/// Three nodes, one cluster: whatever a person does on one node reaches people connected to the others, and what is
/// contended (a red packet, a transfer) is decided once however many nodes ask at the same moment.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class CrossNodeTests(ClusterFixture fixture)
{
    private const string Pin = "271828";

    private TestCluster Cluster => fixture.Cluster;

    private NodeProcess Node(int i) => Cluster.Nodes[i - 1];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADirectMessage_SentOnOneNode_ReachesTheFriendConnectedToAnother_AndTheSendersOtherDeviceOnAThird()
    {
        var mei = await Cluster.CreateUserAsync("mei", Node(1), Ct);
        var lin = await Cluster.CreateUserAsync("lin", Node(3), Ct);
        await mei.BefriendAsync(lin);
        var chat = (await mei.Client.OpenDirectAsync(lin.UserId, Ct)).ConversationId;
        await using var linDevice = await ConnectAsync(lin.Client);
        await using var meiPhone = await ConnectAsync(await Cluster.NewDeviceAsync(mei, Node(2), Ct));

        var sent = await mei.Client.SendMessageAsync(chat, MessageContents.TextRequest("c1", "from node 1"), Ct);

        Assert.Equal((sent.Seq, "from node 1"), await NextTextAsync(linDevice, chat));
        Assert.Equal((sent.Seq, "from node 1"), await NextTextAsync(meiPhone, chat));
    }

    [Fact]
    public async Task AGroupMessage_SentOverTheGatewayOfOneNode_ReachesMembersOnEveryNode_InOneOrder()
    {
        var owner = await Cluster.CreateUserAsync("owner", Node(1), Ct);
        var members = new List<TestUser>();
        foreach (var i in new[] { 2, 3 })
        {
            var member = await Cluster.CreateUserAsync($"m{i}", Node(i), Ct);
            await owner.BefriendAsync(member);
            members.Add(member);
        }

        var group = (await owner.Client.CreateGroupAsync("three nodes", [.. members.Select(m => m.UserId)], Ct)).ConversationId;
        // Each device has loaded the chat, as an app does before it shows it: frames that cross nodes may arrive out
        // of order, and a device that knows where it is fills what it missed instead of starting wherever it was.
        var loaded = (await owner.Client.GetMessagesAsync(group, cancellationToken: Ct)).Messages.Max(m => m.Seq);
        await using var ownerDevice = await ConnectAsync(owner.Client, (group, loaded));
        var memberDevices = new List<Device>();
        foreach (var member in members)
        {
            memberDevices.Add(await ConnectAsync(member.Client, (group, loaded)));
        }

        // Two senders on two nodes at once: everyone sees the same seqs for the same words.
        var fromOwner = Enumerable.Range(0, 5).Select(i => ownerDevice.Gateway.SendTextAsync(group, $"owner {i}", $"o{i}", Ct));
        var fromMember = Enumerable.Range(0, 5).Select(i => memberDevices[0].Gateway.SendTextAsync(group, $"member {i}", $"m{i}", Ct));
        var acks = await Task.WhenAll(fromOwner.Concat(fromMember)).WaitAsync(Eventually.Patience, Ct);

        var expected = acks.Select(a => a.Seq).Order().ToList();
        Assert.Equal(Enumerable.Range((int)expected[0], 10).Select(s => (long)s), expected);
        var seen = new List<List<(long, string?)>>();
        foreach (var device in memberDevices.Append(ownerDevice))
        {
            var texts = new List<(long, string?)>();
            while (texts.Count < 10)
            {
                texts.Add(await NextTextAsync(device, group));
            }

            seen.Add(texts);
        }

        Assert.All(seen, texts => Assert.Equal(seen[0], texts));
        Assert.Equal(expected, seen[0].Select(t => t.Item1));
        foreach (var device in memberDevices)
        {
            await device.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnUpload_TakenByOneNode_IsServedByEveryOther()
    {
        var mei = await Cluster.CreateUserAsync("mei", Node(1), Ct);
        var png = QrCodes.Png("hutong://cluster", 4);
        var uploaded = await mei.Client.UploadMediaAsync(new MemoryStream(png), "code.png", Ct);

        foreach (var i in new[] { 2, 3 })
        {
            var elsewhere = Cluster.NewClient(Node(i));
            elsewhere.Token = mei.Client.Token;
            var (bytes, type) = await elsewhere.DownloadMediaAsync(uploaded.MediaId, Ct);
            Assert.Equal(png, bytes);
            Assert.Equal("image/png", type);
        }
    }

    [Fact]
    public async Task ARedPacket_OpenedFromThreeNodesAtOnce_GivesEachPersonOneShare_AndNotAFenMore()
    {
        var owner = await FundedAsync("owner", Node(1));
        var openers = new List<TestUser>();
        foreach (var i in new[] { 1, 2, 3 })
        {
            var opener = await Cluster.CreateUserAsync($"o{i}", Node(i), Ct);
            await owner.BefriendAsync(opener);
            openers.Add(opener);
        }

        var group = (await owner.Client.CreateGroupAsync("lucky", [.. openers.Select(o => o.UserId)], Ct)).ConversationId;
        var packet = await owner.Client.SendRedPacketAsync(new SendRedPacketRequest("p1", group, RedPacketKinds.Lucky, 1_000, 3, "good luck", Pin), Ct);

        // Each opener taps on their own node, and the first one twice more on the other two, all at the same moment.
        var first = openers[0];
        var taps = openers.Select(o => o.Client).Concat([await Cluster.NewDeviceAsync(first, Node(2), Ct), await Cluster.NewDeviceAsync(first, Node(3), Ct)])
            .Select(client => Try(() => client.OpenRedPacketAsync(packet.Id, Ct)));
        var outcomes = await Task.WhenAll(taps);

        var balances = await Task.WhenAll(openers.Select(o => o.Client.GetWalletAsync(Ct)));
        Assert.All(balances, b => Assert.True(b.Balance > 0));
        Assert.Equal(1_000, balances.Sum(b => b.Balance));
        var details = await owner.Client.GetRedPacketAsync(packet.Id, Ct);
        Assert.Equal((0, 1_000L), (details.RemainingCount, details.TotalAmount));
        Assert.Equal(100_000 - 1_000, (await owner.Client.GetWalletAsync(Ct)).Balance);
        Assert.DoesNotContain(outcomes, o => o.Error is { Status: >= 500 });
    }

    [Fact]
    public async Task ATransfer_SentOnOneNode_IsAcceptedOnAnother_AndAnsweredOnce()
    {
        var mei = await FundedAsync("mei", Node(1));
        var lin = await Cluster.CreateUserAsync("lin", Node(2), Ct);
        await mei.BefriendAsync(lin);
        var transfer = await mei.Client.SendTransferAsync(new SendTransferRequest("t1", lin.UserId, 2_500, "tea", Pin), Ct);

        // Lin accepts on node 2 while a second device of his declines on node 3: one answer wins.
        var linPhone = await Cluster.NewDeviceAsync(lin, Node(3), Ct);
        var answers = await Task.WhenAll(
            Try(() => lin.Client.AcceptTransferAsync(transfer.Id, Ct)),
            Try(() => linPhone.DeclineTransferAsync(transfer.Id, Ct)));

        var final = await mei.Client.GetTransferAsync(transfer.Id, Ct);
        var accepted = final.State == TransferStates.Accepted;
        Assert.Equal(accepted ? 2_500 : 0, (await lin.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(accepted ? 100_000 - 2_500 : 100_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(1, answers.Count(a => a.Opened is not null));
        Assert.DoesNotContain(answers, a => a.Error is { Status: >= 500 });
    }

    [Fact]
    public async Task ADevice_MovingFromOneNodeToAnother_ResumesWithWhatItMissed_OnceEach()
    {
        var mei = await Cluster.CreateUserAsync("mei", Node(1), Ct);
        var lin = await Cluster.CreateUserAsync("lin", Node(1), Ct);
        await mei.BefriendAsync(lin);
        var chat = (await mei.Client.OpenDirectAsync(lin.UserId, Ct)).ConversationId;
        var device = await ConnectAsync(lin.Client);
        await mei.Client.SendMessageAsync(chat, MessageContents.TextRequest("a", "before the move"), Ct);
        var (firstSeq, firstText) = await NextTextAsync(device, chat);
        Assert.Equal("before the move", firstText);
        var cursor = device.Gateway.Cursor;
        await device.DisposeAsync();

        var away = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            away.Add((await mei.Client.SendMessageAsync(chat, MessageContents.TextRequest($"m{i}", $"while away {i}"), Ct)).Seq);
        }

        // The same device (its session token) comes back through node 3, with where it had got to.
        var elsewhere = Cluster.NewClient(Node(3));
        elsewhere.Token = lin.Client.Token;
        var gateway = new HutongGateway(elsewhere);
        gateway.Track(chat, firstSeq);
        var frames = gateway.Subscribe<MessageFrame>();
        await gateway.ConnectAsync(cursor, Ct).WaitAsync(Eventually.Patience, Ct);
        await using var moved = new Device(gateway, frames);
        // Something sent after the move proves everything before it has arrived: the resume comes first.
        var after = await mei.Client.SendMessageAsync(chat, MessageContents.TextRequest("z", "after the move"), Ct);

        var received = new List<(long Seq, string? Text)>();
        while (received.Count == 0 || received[^1].Seq != after.Seq)
        {
            received.Add(await NextTextAsync(moved, chat));
        }

        Assert.Equal([.. away.Select((seq, i) => (seq, (string?)$"while away {i}")), (after.Seq, "after the move")], received);
    }

    private async Task<TestUser> FundedAsync(string prefix, NodeProcess node)
    {
        var person = await Cluster.CreateUserAsync(prefix, node, Ct);
        await person.Client.TopUpAsync("fund", 100_000, Ct);
        await person.Client.SetPinAsync(Pin, cancellationToken: Ct);
        return person;
    }

    private static async Task<Device> ConnectAsync(HutongClient client, (string ConversationId, long Seq)? loaded = null)
    {
        var gateway = new HutongGateway(client);
        if (loaded is var (conversationId, seq))
        {
            gateway.Track(conversationId, seq);
        }

        var frames = gateway.Subscribe<MessageFrame>();
        await gateway.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);
        return new Device(gateway, frames);
    }

    private static async Task<(long Seq, string? Text)> NextTextAsync(Device device, string conversationId)
    {
        var frame = await Eventually.ReadAsync(device.Frames, f => f.ConversationId == conversationId, $"a message in {conversationId}");
        return (frame.Message.Seq, frame.Message.Text());
    }

    private static async Task<Outcome> Try<T>(Func<Task<T>> call)
    {
        try
        {
            return new Outcome(await call(), null);
        }
        catch (HutongApiException e)
        {
            return new Outcome(null, e);
        }
    }

    private sealed record Outcome(object? Opened, HutongApiException? Error);

    private sealed record Device(HutongGateway Gateway, System.Threading.Channels.ChannelReader<MessageFrame> Frames) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Gateway.DisposeAsync();
    }
}
