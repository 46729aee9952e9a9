using Bunit;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.Wallet;
using Hutong.Web.Tests.Testing;
using Hutong.Web.Wallet;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Wallet;

/// <summary>The wallet follows the gateway on subscriptions of its own: a transfer's outcome and my packets' opens and returns refresh the cards it holds.</summary>
public sealed class MoneyStoreTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly PushGateway _push = new();
    private HutongGateway? _gateway;

    public MoneyStoreTests() => _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private MoneyStore Store => _context.Services.GetRequiredService<MoneyStore>();

    /// <summary>The store's work runs here, one piece at a time, as on the browser's one thread.</summary>
    private Dispatcher Dispatcher => _context.Renderer.Dispatcher;

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        _push.Dispose();
        await _context.DisposeAsync();
    }

    [Fact]
    public async Task ATransfersOutcomeNotice_RefreshesItsCard()
    {
        var state = TransferStates.Pending;
        _server.Answer(HttpMethod.Get, "api/v1/transfers/t-1", () => RecordingHandler.Json(
            new TransferInfo("t-1", null, "u-me", "u-lin", 1_250, null, state, Sample.Noon, Sample.Noon.AddDays(1)), HutongJsonContext.Default.TransferInfo));
        await Dispatcher.InvokeAsync(() => Store.LoadTransferAsync("t-1"));
        await FollowAsync();
        var accepted = WhenAsync(s => s.Transfer("t-1")?.State == TransferStates.Accepted);

        state = TransferStates.Accepted;
        await _push.PushAsync(new MessageFrame("c-1", Sample.Notice(1, NoticeTypes.TransferAccepted, "u-lin", "t-1")));

        await accepted;
    }

    [Fact]
    public async Task AnOpenOrAReturnOfMyPacket_RefreshesMyOpenPacketsInThatChat_AndNoOthers()
    {
        var (mine, theirs, elsewhere, third) = (Packet("p-mine", "c-1", mine: true), Packet("p-theirs", "c-1", mine: false), Packet("p-elsewhere", "c-2", mine: true), Packet("p-third", "c-3", mine: true));
        foreach (var id in (string[])["p-mine", "p-theirs", "p-elsewhere", "p-third"])
        {
            await Dispatcher.InvokeAsync(() => Store.LoadPacketAsync(id));
        }

        await FollowAsync();
        var opened = WhenAsync(s => s.Packet("p-mine")?.State == RedPacketStates.Finished && s.Packet("p-elsewhere")?.State == RedPacketStates.Finished);
        var returned = WhenAsync(s => s.Packet("p-third")?.State == RedPacketStates.Expired);

        (mine.State, theirs.State, elsewhere.State, third.State) = (RedPacketStates.Finished, RedPacketStates.Finished, RedPacketStates.Finished, RedPacketStates.Expired);
        await _push.PushAsync(new EventFrame(new RedPacketOpenedEvent("c-1", 5, "u-yun", 1) { Seq = 1, At = Sample.Noon }));
        // A later open on the same subscription: once it is applied, so is the first.
        await _push.PushAsync(new EventFrame(new RedPacketOpenedEvent("c-2", 9, "u-yun", 1) { Seq = 2, At = Sample.Noon }));
        await opened;
        await _push.PushAsync(new EventFrame(new RedPacketReturnedEvent("c-3", 4, 300) { Seq = 3, At = Sample.Noon }));
        await returned;

        var theirsNow = await Dispatcher.InvokeAsync(() => Store.Packet("p-theirs")!.State);
        Assert.Equal(RedPacketStates.Active, theirsNow);
        Assert.Single(_server.Requests, r => r == "GET api/v1/red-packets/p-theirs");
    }

    /// <summary>A packet the server answers with its state as the test sets it; mine when I sent it (only the sender sees its own id).</summary>
    private PacketAnswer Packet(string id, string conversationId, bool mine)
    {
        var answer = new PacketAnswer();
        _server.Answer(HttpMethod.Get, "api/v1/red-packets/" + id, () => RecordingHandler.Json(
            new RedPacketInfo(id, mine ? "mine-" + id : null, mine ? "u-me" : "u-lin", conversationId, RedPacketKinds.Lucky, 2, null, answer.State, 2, null, null,
                Sample.Noon, Sample.Noon.AddDays(1), []),
            HutongJsonContext.Default.RedPacketInfo));
        return answer;
    }

    /// <summary>Connects a gateway the store follows, subscribed before connecting as the chat store does.</summary>
    private async Task FollowAsync()
    {
        var gateway = _gateway = new HutongGateway(_context.Services.GetRequiredService<HutongClient>(), _push.ConnectAsync);
        await Dispatcher.InvokeAsync(() => Store.Follow(gateway, Ct));
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        await _push.WelcomeAsync();
        await connecting.WaitAsync(Patience, Ct);
    }

    /// <summary>Ends once the store holds what <paramref name="condition"/> asks, looked at on each of its changes.</summary>
    private Task WhenAsync(Func<MoneyStore, bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.Changed += () =>
        {
            if (condition(Store))
            {
                met.TrySetResult();
            }
        };
        return met.Task.WaitAsync(Patience, Ct);
    }

    private sealed class PacketAnswer
    {
        public string State { get; set; } = RedPacketStates.Active;
    }
}
