using Bunit;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.Social;
using Hutong.Web.Status;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Status;

/// <summary>The status board: a ring while a friend has something unseen, gone once it is seen; reactions to mine come live.</summary>
public sealed class StatusStoreTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly PushGateway _push = new();
    private HutongGateway? _gateway;

    public StatusStoreTests() => _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private StatusStore Store => _context.Services.GetRequiredService<StatusStore>();

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

    private static StatusInfo Status(string id, string authorId, bool seen, IReadOnlyList<StatusReaction>? reactions = null) =>
        new(id, authorId, Sample.Noon, Sample.Noon.AddDays(1), "tea", null, null, null, seen, reactions);

    private void Board(StatusBoard board) =>
        _server.Answer(HttpMethod.Get, "api/v1/statuses", () => RecordingHandler.Json(board, HutongJsonContext.Default.StatusBoard));

    [Fact]
    public async Task Ring_ShowsUntilEveryStatusOfTheFriendIsSeen()
    {
        var first = Status("s-1", "u-lin", seen: false);
        var second = Status("s-2", "u-lin", seen: false);
        Board(new StatusBoard(null, [new PersonStatuses("u-lin", [first, second], false), new PersonStatuses("u-yun", [Status("s-3", "u-yun", seen: true)], true)]));
        _server.Answer(HttpMethod.Put, "api/v1/statuses/s-1/seen", () => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        _server.Answer(HttpMethod.Put, "api/v1/statuses/s-2/seen", () => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));

        await Dispatcher.InvokeAsync(Store.StartAsync);
        Assert.True(Store.HasUnseen("u-lin"));
        Assert.False(Store.HasUnseen("u-yun"));

        await Dispatcher.InvokeAsync(() => Store.MarkSeenAsync(first));
        Assert.True(Store.HasUnseen("u-lin"));
        await Dispatcher.InvokeAsync(() => Store.MarkSeenAsync(second));

        Assert.False(Store.HasUnseen("u-lin"));
        Assert.Contains("PUT api/v1/statuses/s-2/seen", _server.Requests);
        Assert.Single(_context.JSInterop.Invocations["hutong.onFocus"]);
    }

    [Fact]
    public async Task AReactionToMine_ShowsOnItLive_OnePerPerson()
    {
        Board(new StatusBoard(new PersonStatuses("u-me", [Status("s-1", "u-me", seen: true, [])], true), []));
        await Dispatcher.InvokeAsync(Store.RefreshAsync);
        await FollowAsync();
        var second = WhenAsync(s => s.Board.Mine!.Statuses[0].Reactions is [{ Reaction: "🎉" }]);

        await _push.PushAsync(new EventFrame(new StatusReactionEvent("s-1", new StatusReaction("u-lin", "👍", Sample.Noon)) { Seq = 1, At = Sample.Noon }));
        await _push.PushAsync(new EventFrame(new StatusReactionEvent("s-1", new StatusReaction("u-lin", "🎉", Sample.Noon)) { Seq = 2, At = Sample.Noon }));

        await second;
    }

    private async Task FollowAsync()
    {
        var gateway = _gateway = new HutongGateway(_context.Services.GetRequiredService<HutongClient>(), _push.ConnectAsync);
        await Dispatcher.InvokeAsync(() => Store.Follow(gateway, Ct));
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        await _push.WelcomeAsync();
        await connecting.WaitAsync(Patience, Ct);
    }

    private Task WhenAsync(Func<StatusStore, bool> condition)
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
}
