using System.Threading.Channels;
using Hutong.Realtime;
using Hutong.Realtime.Delivery;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Chat.Tests;

/// <summary>
/// How a conversation reaches its members' nodes: once per node, and on a node that took a member's connection after
/// the conversation last looked. Routing involves no storage, so one provider is enough.
/// </summary>
public sealed class PushRoutingTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANodeThatTakesAMembersConnection_WhileTheConversationIsActive_GetsItsNextMessage()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, lin, conversationId) = await ChatTestKit.FriendsAsync(app);
        // The conversation is active and has looked where its members are: nowhere yet.
        await mei.Client.SendTextAsync(conversationId, "before", Ct);
        var node = new RecordingNode();

        await AttachAsync(app, lin.UserId, node);
        var after = await mei.Client.SendTextAsync(conversationId, "after", Ct);

        var heard = await node.NextAsync();
        Assert.Equal((Guid.Parse(conversationId), after.Seq), (heard.Push.Stream, heard.Push.Seq));
        Assert.Equal([Guid.Parse(lin.UserId)], heard.UserIds);
    }

    [Fact]
    public async Task AMessage_ReachesANodeOnce_ForEveryMemberItHolds()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, lin, conversationId) = await ChatTestKit.FriendsAsync(app);
        var node = new RecordingNode();
        await AttachAsync(app, mei.UserId, node);
        await AttachAsync(app, lin.UserId, node);

        var first = await mei.Client.SendTextAsync(conversationId, "one call", Ct);
        var second = await lin.Client.SendTextAsync(conversationId, "and the next", Ct);

        // Pushes from one conversation arrive in order: the second message's proves nothing else came for the first.
        var heard = await node.NextAsync();
        var next = await node.NextAsync();
        Assert.Equal((first.Seq, second.Seq), (heard.Push.Seq, next.Push.Seq));
        Assert.Equal([Guid.Parse(mei.UserId), Guid.Parse(lin.UserId)], heard.UserIds.Order());
        Assert.Equal(heard.UserIds.Order(), next.UserIds.Order());
    }

    [Fact]
    public async Task ANodeAPersonsGrainDidNotList_WhenItHadAlreadyPushed_IsToldItsDevicesMayHaveMissedSomething()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, lin, conversationId) = await ChatTestKit.FriendsAsync(app);
        var (listed, unlisted) = (new RecordingNode(), new RecordingNode());
        await AttachAsync(app, lin.UserId, listed);
        var sent = await mei.Client.SendTextAsync(conversationId, "while one node listens", Ct);
        Assert.Equal(sent.Seq, (await listed.NextAsync()).Push.Seq);

        // The renewal of a listed node is nothing new; a node the grain never listed missed that message.
        Assert.False(await AttachAsync(app, lin.UserId, listed));
        Assert.True(await AttachAsync(app, lin.UserId, unlisted));
        // Someone nothing was ever pushed to, whom no conversation watches, cannot have missed anything.
        Assert.False(await AttachAsync(app, Guid.NewGuid().ToString(), new RecordingNode()));
    }

    [Fact]
    public async Task APersonsGrainGoingAwayWithLeases_TellsItsNodesToClaimThemAgain_AndItsWatchersToWatchTheNextOne()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, lin, conversationId) = await ChatTestKit.FriendsAsync(app);
        var (first, second) = (new RecordingNode(), new RecordingNode());
        await AttachAsync(app, lin.UserId, first);
        var before = await mei.Client.SendTextAsync(conversationId, "the conversation watches lin", Ct);
        Assert.Equal(before.Seq, (await first.NextAsync()).Push.Seq);

        // As when its storage failed, or the cluster keeps another activation after a node died.
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IUserGrain>(Guid.Parse(lin.UserId)).AsReference<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle(Ct);

        Assert.Equal(Guid.Parse(lin.UserId), await first.NextReclaimAsync());
        await AttachAsync(app, lin.UserId, first);
        // A node the next activation lists but the conversation never heard of from the last one.
        await AttachAsync(app, lin.UserId, second);
        var after = await mei.Client.SendTextAsync(conversationId, "the next activation is watched", Ct);
        Assert.Equal(after.Seq, (await second.NextAsync()).Push.Seq);
    }

    [Fact]
    public async Task ASecondActivationOfAConversationThatGoesAway_TakesOnlyItsOwnWatch()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var (mei, lin, conversationId) = await ChatTestKit.FriendsAsync(app);
        await mei.Client.SendTextAsync(conversationId, "the conversation watches lin", Ct);
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var conversation = grains.GetGrain<Hutong.Chat.Conversations.IConversationGrain>(Guid.Parse(conversationId)).AsReference<IPresenceWatcher>();
        var person = grains.GetGrain<IUserGrain>(Guid.Parse(lin.UserId));

        // What a second activation of the same conversation does while the cluster settles: watches, then goes.
        var other = Guid.NewGuid();
        await person.WatchAsync(conversation, other);
        await person.UnwatchAsync(conversation, other);

        // The conversation's own watch still hears of lin's new node, so its next message goes there.
        var node = new RecordingNode();
        await AttachAsync(app, lin.UserId, node);
        var sent = await mei.Client.SendTextAsync(conversationId, "to the new node", Ct);
        Assert.Equal(sent.Seq, (await node.NextAsync()).Push.Seq);
    }

    [Fact]
    public async Task APushToWhoeverIsOnline_OffersTheProducerEachNodesPeople_AndDeliversExactlyItsPick()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var node = new RecordingNode { Connected = [.. Enumerable.Range(0, 2_500).Select(_ => Guid.NewGuid())] };
        node.Reference = grains.CreateObjectReference<IGatewayNode>(node);
        var directory = grains.GetGrain<IGatewayDirectoryGrain>(0);
        await directory.RegisterAsync(node.Reference);
        var asked = new List<Guid[]>();
        try
        {
            // Every third person held by the recorded node is in the audience; the node's own gateway holds nobody.
            var audience = node.Connected.Where((_, i) => i % 3 == 0).ToHashSet();
            var pushed = await app.Services.GetRequiredService<OnlinePush>().PushAsync(
                (connected, _) =>
                {
                    lock (asked)
                    {
                        asked.Add(connected);
                    }

                    return Task.FromResult<IReadOnlyCollection<Guid>>([.. connected.Where(audience.Contains)]);
                },
                Push.Live([1]),
                Ct);

            // One question for the node's 2,500 people, however many of them the producer wants.
            Assert.Equal(node.Connected, Assert.Single(asked, a => a.Any(node.Connected.Contains)));
            Assert.Equal(audience.Order(), (await node.NextAsync()).UserIds.Order());
            Assert.Equal(audience.Count, pushed);
        }
        finally
        {
            await directory.UnregisterAsync(node.Reference);
        }
    }

    private static Task<bool> AttachAsync(HutongApp app, string userId, RecordingNode node)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        return grains.GetGrain<IUserGrain>(Guid.Parse(userId)).AttachAsync(node.Reference ??= grains.CreateObjectReference<IGatewayNode>(node));
    }

    /// <summary>A node as the grains see it, writing down each delivery and whom it was for.</summary>
    private sealed class RecordingNode : IGatewayNode
    {
        private readonly Channel<(Guid[] UserIds, Push Push)> _heard = Channel.CreateUnbounded<(Guid[], Push)>();
        private readonly Channel<Guid> _reclaims = Channel.CreateUnbounded<Guid>();

        public IGatewayNode? Reference { get; set; }

        public Guid[] Connected { get; init; } = [];

        public async Task<(Guid[] UserIds, Push Push)> NextAsync() => await _heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);

        public Task Deliver(Guid userId, Push push) => DeliverTo([userId], push);

        public Task DeliverTo(Guid[] userIds, Push push)
        {
            _heard.Writer.TryWrite((userIds, push));
            return Task.CompletedTask;
        }

        public Task<Guid[]> ConnectedAsync() => Task.FromResult(Connected);

        public Task EndSession(Guid userId, Guid deviceId) => Task.CompletedTask;

        public Task Reclaim(Guid userId)
        {
            _reclaims.Writer.TryWrite(userId);
            return Task.CompletedTask;
        }

        public async Task<Guid> NextReclaimAsync() => await _reclaims.Reader.ReadAsync(Ct).AsTask().WaitAsync(GatewayKit.Patience, Ct);
    }
}
