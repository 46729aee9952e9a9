using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Social;
using Hutong.Web.Moments;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Moments;

/// <summary>The post composer: one post for a double press, the same client id for a retry, and the counter near the limit.</summary>
public sealed class PostComposerTests : IAsyncDisposable
{
    private const string Create = "POST api/v1/moments/posts";

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public PostComposerTests() => _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static PostInfo Posted(string text) => new("p-1", "u-me", Sample.Noon, text, [], null, null, null, null, [], [], false);

    [Fact]
    public async Task Post_PressedTwiceWhileTheFirstIsOnItsWay_PostsOnce()
    {
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.AnswerLater(HttpMethod.Post, "api/v1/moments/posts", () => answer.Task);
        var closed = 0;
        var composer = _context.Render<PostComposer>(p => p.Add(c => c.Closed, () => closed++));
        await composer.Find("#post-text").InputAsync(new ChangeEventArgs { Value = "Spring tea" });

        var first = composer.Find("form").SubmitAsync(new());
        await composer.Find("form").SubmitAsync(new());
        answer.SetResult(RecordingHandler.Json(Posted("Spring tea"), HutongJsonContext.Default.PostInfo, HttpStatusCode.Created));
        await first;

        Assert.Single(_server.Requests, r => r == Create);
        Assert.Equal(1, closed);
    }

    [Fact]
    public async Task Post_RetriedAfterAFailure_SendsTheSameClientId()
    {
        var fail = true;
        _server.Answer(HttpMethod.Post, "api/v1/moments/posts", () => fail
            ? RecordingHandler.Problem(HttpStatusCode.ServiceUnavailable, ErrorCodes.StorageUnavailable)
            : RecordingHandler.Json(Posted("Spring tea"), HutongJsonContext.Default.PostInfo, HttpStatusCode.Created));
        var composer = _context.Render<PostComposer>();
        await composer.Find("#post-text").InputAsync(new ChangeEventArgs { Value = "Spring tea" });

        await composer.Find("form").SubmitAsync(new());
        Assert.Equal("That could not be saved just now. Try again.", composer.Find("[role=alert]").TextContent);
        fail = false;
        await composer.Find("form").SubmitAsync(new());

        var ids = _server.Bodies.Where(b => b.Request == Create).Select(b => JsonDocument.Parse(b.Body).RootElement.GetProperty("clientId").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task Text_OverTheLimit_ShowsTheCountAndKeepsPostDisabled()
    {
        var composer = _context.Render<PostComposer>();

        await composer.Find("#post-text").InputAsync(new ChangeEventArgs { Value = new string('a', 2_005) });

        Assert.Contains("2,005 / 2,000", composer.Find("#post-count").TextContent, StringComparison.Ordinal);
        Assert.True(composer.Find("button[type=submit]").HasAttribute("disabled"));
        Assert.Equal("true", composer.Find("#post-text").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task ShareWith_NobodyChosen_SaysSoAndSendsNothing()
    {
        var composer = _context.Render<PostComposer>();
        await composer.Find("#post-text").InputAsync(new ChangeEventArgs { Value = "Only for some" });

        await composer.Find("input[value=shareWith]").ChangeAsync(new ChangeEventArgs { Value = "shareWith" });
        await composer.Find("form").SubmitAsync(new());

        Assert.Equal("Choose at least one tag or friend.", composer.Find("[role=alert]").TextContent);
        Assert.DoesNotContain(Create, _server.Requests);
    }
}
