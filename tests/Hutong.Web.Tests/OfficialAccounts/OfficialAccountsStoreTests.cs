using System.Text.Json;
using Bunit;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Chats;
using Hutong.Web.OfficialAccounts;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.OfficialAccounts;

/// <summary>
/// The follower's threads as the chats list shows them: a service account's own row, subscriptions folded into one,
/// and what the gateway brings, logged (with a seq) or live (a broadcast, without one).
/// </summary>
public sealed class OfficialAccountsStoreTests : IAsyncDisposable
{
    private const string Service = "oa-s";
    private const string Leaf = "oa-a";
    private const string Brew = "oa-b";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly PushGateway _push = new();
    private HutongGateway? _gateway;

    public OfficialAccountsStoreTests() => _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private OfficialAccountsStore Store => _context.Services.GetRequiredService<OfficialAccountsStore>();

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

    private static OfficialAccountInfo Account(string id, string kind, string name, bool muted = false) =>
        new(id, kind, name, "", null, "gh_0123456789ab", 3, true, muted);

    private static AccountMessage Item(string id, string accountId, string text, int minutes, bool fromAccount = true, string? broadcastId = null) =>
        new(id, accountId, fromAccount, Sample.Noon.AddMinutes(minutes), new TextContent(text), broadcastId);

    /// <summary>Mei follows a service account (Tea House) and two subscriptions: Brew Daily spoke last, Leaf Notes an hour ago.</summary>
    private void AnswerThreads(bool serviceMuted = false) =>
        _server.Answer(HttpMethod.Get, "api/v1/official-accounts/threads", () => RecordingHandler.Json(
            new AccountThreadList(
                [new AccountThreadSummary(Account(Service, OfficialAccountKinds.Service, "Tea House", serviceMuted), Item("m-s1", Service, "Welcome", -30), 0)],
                [
                    new AccountThreadSummary(Account(Brew, OfficialAccountKinds.Subscription, "Brew Daily"), Item("m-b1", Brew, "Green or black?", -10), 0),
                    new AccountThreadSummary(Account(Leaf, OfficialAccountKinds.Subscription, "Leaf Notes"), Item("m-a1", Leaf, "Autumn leaves", -60), 0),
                ]),
            HutongJsonContext.Default.AccountThreadList));

    [Fact]
    public async Task Threads_SubscriptionsFoldIntoOneRow_WithTheNewestAccountsLastItem()
    {
        AnswerThreads();

        await Dispatcher.InvokeAsync(Store.RefreshAsync);

        Assert.Equal([Brew, Leaf], Store.SubscriptionThreads.Select(t => t.Account.Id));
        var rows = Store.Rows;
        Assert.Equal(2, rows.Count);
        var service = Assert.Single(rows, r => r.Key == OfficialAccountsStore.RowKey(Service));
        Assert.Equal(("Tea House", "Welcome", $"oa/{Service}/thread"), (service.Name, service.Preview, service.Href));
        var folder = Assert.Single(rows, r => r.Key == OfficialAccountsStore.SubscriptionsKey);
        Assert.Equal(("Subscriptions", "Brew Daily: Green or black?", "oa/subscriptions"), (folder.Name, folder.Preview, folder.Href));
        Assert.Equal(Sample.Noon.AddMinutes(-10), folder.LastActivity);
        Assert.True(folder.DotOnly);
        Assert.Equal(0, folder.Unread);
    }

    [Fact]
    public async Task LiveBroadcastWithoutSeq_UpdatesItsThreadsLastItemAndUnread_AndTheFolderShowsADotNotACount()
    {
        AnswerThreads();
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        await FollowAsync();
        var arrived = WhenAsync(s => s.Thread(Leaf)?.Last?.Id == "m-a2");

        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-a2", Leaf, "Spring tea has arrived", 1, broadcastId: "b-1"))));

        await arrived;
        Assert.Equal(1, Store.Thread(Leaf)!.Unread);
        Assert.Equal(0, Store.Thread(Brew)!.Unread);
        Assert.Equal([Leaf, Brew], Store.SubscriptionThreads.Select(t => t.Account.Id));
        var folder = Assert.Single(Store.Rows, r => r.Key == OfficialAccountsStore.SubscriptionsKey);
        Assert.Equal("Leaf Notes: Spring tea has arrived", folder.Preview);
        Assert.Equal(Sample.Noon.AddMinutes(1), folder.LastActivity);
        Assert.True(folder is { DotOnly: true, Unread: > 0 });
        // Subscriptions never count on the Chats tab, and the service account's row did not move.
        Assert.Equal(0, Store.Unread);
        Assert.Equal("m-s1", Store.Thread(Service)!.Last!.Id);
    }

    [Fact]
    public async Task LiveBroadcast_CameTwice_CountsOnce()
    {
        AnswerThreads();
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        await FollowAsync();
        var marker = WhenAsync(s => s.Thread(Brew)?.Last?.Id == "m-b2");

        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-a2", Leaf, "Spring tea", 1, broadcastId: "b-1"))));
        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-a2", Leaf, "Spring tea", 1, broadcastId: "b-1"))));
        // Another account's item after both: once it is applied, so are they (one subscription, in order).
        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-b2", Brew, "Oolong", 2, broadcastId: "b-2"))));

        await marker;
        Assert.Equal(1, Store.Thread(Leaf)!.Unread);
    }

    [Fact]
    public async Task LoggedReply_BumpsTheServiceThread_AboveAChatThatSpokeBefore_AndCountsOnTheTab()
    {
        AnswerThreads();
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        await FollowAsync();
        var replied = WhenAsync(s => s.Thread(Service)?.Last?.Id == "m-s2");

        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-s2", Service, "Your table is ready", 2)) { Seq = 1, At = Sample.Noon }));

        await replied;
        Assert.Equal(1, Store.Thread(Service)!.Unread);
        Assert.Equal(1, Store.Unread);
        var row = Assert.Single(Store.Rows, r => r.Key == OfficialAccountsStore.RowKey(Service));
        Assert.Equal(("Your table is ready", 1), (row.Preview, row.Unread));
        var chat = new Contracts.Chat.ConversationSummary("c-1", Contracts.Chat.ConversationKinds.Direct, "Lin", 1, 0, 0, false, false,
            Sample.Text(1, sentAt: Sample.Noon.AddMinutes(1)), "u-lin", 2);
        var order = ChatListEntry.Order([chat], Store.Rows, "");
        Assert.Equal([OfficialAccountsStore.RowKey(Service), "c-1", OfficialAccountsStore.SubscriptionsKey],
            order.Select(e => e.Row?.Key ?? e.Chat!.ConversationId));
    }

    [Fact]
    public async Task MyOwnMessageFromAnotherDevice_BecomesTheLastItem_WithoutCounting()
    {
        AnswerThreads();
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        await FollowAsync();
        var mine = WhenAsync(s => s.Thread(Service)?.Last?.Id == "m-s2");

        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-s2", Service, "A table for two?", 2, fromAccount: false)) { Seq = 1, At = Sample.Noon }));

        await mine;
        Assert.Equal(0, Store.Thread(Service)!.Unread);
    }

    [Fact]
    public async Task MutedServiceAccount_CountsOnItsRowAsADot_NotOnTheTab()
    {
        AnswerThreads(serviceMuted: true);
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        await FollowAsync();
        var replied = WhenAsync(s => s.Thread(Service)?.Last?.Id == "m-s2");

        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-s2", Service, "Closed on Monday", 2)) { Seq = 1, At = Sample.Noon }));

        await replied;
        Assert.Equal(0, Store.Unread);
        Assert.True(Store.Rows.Single(r => r.Key == OfficialAccountsStore.RowKey(Service)) is { Muted: true, Unread: 1 });
    }

    [Fact]
    public async Task ReadOnAnotherDevice_UpToTheLastItem_ClearsTheCount()
    {
        AnswerThreads();
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        await FollowAsync();
        var replied = WhenAsync(s => s.Thread(Service)?.Unread == 1);
        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-s2", Service, "Your table is ready", 2)) { Seq = 1, At = Sample.Noon }));
        await replied;
        var read = WhenAsync(s => s.Thread(Service)?.Unread == 0);

        await _push.PushAsync(new EventFrame(new AccountThreadReadEvent(Service, "m-s2") { Seq = 2, At = Sample.Noon }));

        await read;
        Assert.Equal(0, Store.Unread);
    }

    [Fact]
    public async Task AnItemOfAThreadTheListDoesNotHold_ReadsTheThreadsAgain()
    {
        AnswerThreads();
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        await FollowAsync();
        var reads = ThreadReads;
        var again = WhenAsync(_ => ThreadReads > reads);

        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-n1", "oa-new", "Thanks for following", 1)) { Seq = 1, At = Sample.Noon }));

        await again;
    }

    [Fact]
    public async Task Send_ShowsOnce_WhenTheEventOfItArrivesAfterTheAnswer()
    {
        AnswerThreads();
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Service}/messages?limit=30", () =>
            RecordingHandler.Json(new AccountThread([Item("m-s1", Service, "Welcome", -30)], null), HutongJsonContext.Default.AccountThread));
        _server.Answer(HttpMethod.Post, $"api/v1/official-accounts/{Service}/messages", () =>
            RecordingHandler.Json(Item("m-s2", Service, "A table for two?", 1, fromAccount: false), HutongJsonContext.Default.AccountMessage, System.Net.HttpStatusCode.Created));
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        Store.Viewing = Service;
        var timeline = await Dispatcher.InvokeAsync(() => Store.OpenAsync(Service));
        await FollowAsync();

        await Dispatcher.InvokeAsync(() => Store.SendTextAsync(Service, "A table for two?"));
        var echoed = WhenAsync(s => s.Thread(Service)?.Last?.Id == "m-s2");
        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-s2", Service, "A table for two?", 1, fromAccount: false)) { Seq = 1, At = Sample.Noon }));
        var marker = WhenAsync(s => s.Thread(Leaf)?.Last?.Id == "m-a2");
        await _push.PushAsync(new EventFrame(new AccountMessageEvent(Item("m-a2", Leaf, "Spring", 2))));
        await marker;

        Assert.Equal(["m-s1", "m-s2"], timeline.Messages.Select(m => m.Id));
        Assert.Empty(timeline.Outgoing);
        Assert.Equal(0, Store.Thread(Service)!.Unread);
        var sent = JsonDocument.Parse(_server.Bodies.Single(b => b.Request == $"POST api/v1/official-accounts/{Service}/messages").Body).RootElement;
        Assert.Equal(32, sent.GetProperty("clientId").GetString()!.Length);
        Assert.Equal("A table for two?", sent.GetProperty("content").GetProperty("text").GetString());
        await echoed;
    }

    [Fact]
    public async Task SendImage_UploadsOnceAsAnImage_AndARetryAfterAFailedSendUsesTheSameUploadAndClientId()
    {
        AnswerThreads();
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Service}/messages?limit=30", () =>
            RecordingHandler.Json(new AccountThread([], null), HutongJsonContext.Default.AccountThread));
        _server.Answer(HttpMethod.Post, "api/v1/media?as=image", () =>
            RecordingHandler.Json(new Contracts.Chat.MediaUploaded("media-1", "image/png", 3, "tea.png"), HutongJsonContext.Default.MediaUploaded, System.Net.HttpStatusCode.Created));
        var stored = false;
        _server.Answer(HttpMethod.Post, $"api/v1/official-accounts/{Service}/messages", () => stored
            ? RecordingHandler.Json(new AccountMessage("m-s2", Service, false, Sample.Noon, new ImageContent("media-1", "image/png", 3, "tea.png")), HutongJsonContext.Default.AccountMessage, System.Net.HttpStatusCode.Created)
            : RecordingHandler.Problem(System.Net.HttpStatusCode.ServiceUnavailable, ErrorCodes.StorageUnavailable));
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        var timeline = await Dispatcher.InvokeAsync(() => Store.OpenAsync(Service));

        await Dispatcher.InvokeAsync(() => Store.SendImageAsync(Service, [1, 2, 3], "tea.png", "blob:preview"));
        var echo = Assert.Single(timeline.Outgoing);
        Assert.True(echo is { State: OutgoingState.Failed, CanRetry: true, PreviewUrl: "blob:preview" });
        stored = true;
        await Dispatcher.InvokeAsync(() => Store.RetryAsync(echo));

        Assert.Single(_server.Requests, r => r == "POST api/v1/media?as=image");
        var sends = _server.Bodies.Where(b => b.Request == $"POST api/v1/official-accounts/{Service}/messages").Select(b => JsonDocument.Parse(b.Body).RootElement).ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal(sends[0].GetProperty("clientId").GetString(), sends[1].GetProperty("clientId").GetString());
        Assert.All(sends, s => Assert.Equal("media-1", s.GetProperty("content").GetProperty("mediaId").GetString()));
        Assert.Empty(timeline.Outgoing);
        Assert.Equal("m-s2", Assert.Single(timeline.Messages).Id);
        Assert.Equal("m-s2", Store.Thread(Service)!.Last!.Id);
    }

    private int ThreadReads => _server.Requests.Count(r => r == "GET api/v1/official-accounts/threads");

    /// <summary>Connects the store's gateway, and waits for the threads it reads again on connecting (broadcasts are not replayed).</summary>
    private async Task FollowAsync()
    {
        var reads = ThreadReads;
        var caughtUp = WhenAsync(_ => ThreadReads > reads);
        var gateway = _gateway = new HutongGateway(_context.Services.GetRequiredService<HutongClient>(), _push.ConnectAsync);
        await Dispatcher.InvokeAsync(() => Store.Follow(gateway, Ct));
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        await _push.WelcomeAsync();
        await connecting.WaitAsync(Patience, Ct);
        await caughtUp;
    }

    private Task WhenAsync(Func<OfficialAccountsStore, bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.Changed += () =>
        {
            if (condition(Store))
            {
                met.TrySetResult();
            }
        };
        if (condition(Store))
        {
            met.TrySetResult();
        }

        return met.Task.WaitAsync(Patience, Ct);
    }
}
