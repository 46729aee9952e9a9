using Bunit;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.Social;
using Hutong.Web.Moments;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Moments;

/// <summary>The Moments badge follows the gateway; a change to a post shows wherever the post is held.</summary>
public sealed class MomentsStoreTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly PushGateway _push = new();
    private HutongGateway? _gateway;

    public MomentsStoreTests() => _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon), Sample.People(("u-me", "Me"), ("u-lin", "Lin")));

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private MomentsStore Store => _context.Services.GetRequiredService<MomentsStore>();

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

    private static PostInfo Post(string id, bool liked = false) =>
        new(id, "u-lin", Sample.Noon, "tea", [], null, null, null, null, liked ? [new PostLike("u-me", Sample.Noon)] : [], [], liked);

    [Fact]
    public async Task Badge_CountsNewNoticesAndClearsWhenReadOnAnotherDevice()
    {
        await FollowAsync();
        var two = WhenAsync(s => s.Unread == 2);
        var none = WhenAsync(s => s.Unread == 0);

        await _push.PushAsync(new EventFrame(new MomentNoticeEvent(new MomentNotice("n-1", MomentNoticeKinds.Like, "p-1", "u-lin", Sample.Noon), 1) { Seq = 1, At = Sample.Noon }));
        await _push.PushAsync(new EventFrame(new MomentNoticeEvent(new MomentNotice("n-2", MomentNoticeKinds.Comment, "p-1", "u-lin", Sample.Noon, "c-1", "nice"), 2) { Seq = 2, At = Sample.Noon }));
        await two;
        await _push.PushAsync(new EventFrame(new MomentNoticesReadEvent("n-2", 0) { Seq = 3, At = Sample.Noon }));

        await none;
    }

    [Fact]
    public async Task Like_ShowsInTheTimelineAndTheAlbumThatHoldThePost()
    {
        _server.Answer(HttpMethod.Get, "api/v1/moments/timeline?limit=20", () => RecordingHandler.Json(new PostPage([Post("p-1")], null), HutongJsonContext.Default.PostPage));
        _server.Answer(HttpMethod.Get, "api/v1/moments/users/u-lin/posts?limit=20", () => RecordingHandler.Json(new PostPage([Post("p-1")], null), HutongJsonContext.Default.PostPage));
        _server.Answer(HttpMethod.Put, "api/v1/moments/posts/p-1/like", () => RecordingHandler.Json(Post("p-1", liked: true), HutongJsonContext.Default.PostInfo));
        await Dispatcher.InvokeAsync(Store.LoadTimelineAsync);
        await Dispatcher.InvokeAsync(() => Store.LoadAlbumAsync("u-lin"));

        await Dispatcher.InvokeAsync(() => Store.LikeAsync("p-1", like: true));

        Assert.True(Store.Timeline.Posts.Single().LikedByMe);
        Assert.True(Store.Album("u-lin").Posts.Single().LikedByMe);
    }

    [Fact]
    public async Task LoadMore_AfterTheListWasReadAgain_IsDropped()
    {
        var more = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Answer(HttpMethod.Get, "api/v1/moments/timeline?limit=20", () => RecordingHandler.Json(new PostPage([Post("p-2")], "cursor-1"), HutongJsonContext.Default.PostPage));
        _server.AnswerLater(HttpMethod.Get, "api/v1/moments/timeline?limit=20&cursor=cursor-1", () => more.Task);
        await Dispatcher.InvokeAsync(Store.LoadTimelineAsync);

        var loadingMore = Dispatcher.InvokeAsync(Store.LoadMoreTimelineAsync);
        await Dispatcher.InvokeAsync(Store.LoadTimelineAsync);
        more.SetResult(RecordingHandler.Json(new PostPage([Post("p-1")], null), HutongJsonContext.Default.PostPage));
        await loadingMore;

        Assert.Equal(["p-2"], Store.Timeline.Posts.Select(p => p.Id));
    }

    private async Task FollowAsync()
    {
        var gateway = _gateway = new HutongGateway(_context.Services.GetRequiredService<HutongClient>(), _push.ConnectAsync);
        await Dispatcher.InvokeAsync(() => Store.Follow(gateway, Ct));
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        await _push.WelcomeAsync();
        await connecting.WaitAsync(Patience, Ct);
    }

    private Task WhenAsync(Func<MomentsStore, bool> condition)
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
