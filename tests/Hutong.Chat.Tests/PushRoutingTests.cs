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

    private static Task AttachAsync(HutongApp app, string userId, RecordingNode node)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        return grains.GetGrain<IUserGrain>(Guid.Parse(userId)).AttachAsync(node.Reference ??= grains.CreateObjectReference<IGatewayNode>(node));
    }

    /// <summary>A node as the grains see it, writing down each delivery and whom it was for.</summary>
    private sealed class RecordingNode : IGatewayNode
    {
        private readonly Channel<(Guid[] UserIds, Push Push)> _heard = Channel.CreateUnbounded<(Guid[], Push)>();

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
    }
}
