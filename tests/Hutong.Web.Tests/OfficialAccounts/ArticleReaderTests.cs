using System.Net;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.OfficialAccounts;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.OfficialAccounts;

/// <summary>A published article inside the client: shown as the node cleaned it, counted as read, liked.</summary>
public sealed class ArticleReaderTests : IAsyncDisposable
{
    private const string Id = "0194a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    private const string Upload = "0194a1b2-c3d4-7e5f-8a9b-00000000000a";

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public ArticleReaderTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, $"api/v1/articles/{Id}", () => RecordingHandler.Json(View(), HutongJsonContext.Default.ArticleView));
        _server.Answer(HttpMethod.Post, $"api/v1/articles/{Id}/read", () => RecordingHandler.Json(new ArticleStats(5, 2, false), HutongJsonContext.Default.ArticleStats));
        _server.Answer(HttpMethod.Put, $"api/v1/articles/{Id}/like", () => RecordingHandler.Json(new ArticleStats(5, 3, true), HutongJsonContext.Default.ArticleStats));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static ArticleView View() => new(
        Id, "Spring tea", $"/api/v1/media/{Upload}", "Picked early", "Lin", $"<p>Leaves <b>picked</b> early.</p><img src=\"/api/v1/media/{Upload}\" alt=\"cup\">",
        "https://tea.example/spring", Sample.Noon, $"/a/{Id}", new ArticleAccount("oa-1", "Tea Notes", null, true), new ArticleStats(4, 2, false));

    [Fact]
    public void Open_ShowsTheArticle_WithItsUploadsFromItsPublicRoute_AndCountsARead()
    {
        var page = _context.Render<ArticleReader>(ps => ps.Add(p => p.ArticleId, Id));

        page.WaitForAssertion(() => Assert.Equal("Reads 5", page.Find(".article-reads").TextContent));
        Assert.Equal("Spring tea", page.Find("h1").TextContent);
        // The account's page, told the reader came from an article, so a follow there counts as from it.
        Assert.Equal("oa/oa-1?from=article", page.Find("a.article-account").GetAttribute("href"));
        Assert.Equal("Following", page.Find(".article-account-card .article-following").TextContent);
        Assert.Equal("picked", page.Find(".article-body b").TextContent);
        Assert.Equal($"/a/{Id}/media/{Upload}", page.Find(".article-body img").GetAttribute("src"));
        Assert.Equal($"/a/{Id}/media/{Upload}", page.Find("img.article-view-cover").GetAttribute("src"));
        // The original opens in the web view, under the account, and Close comes back to the article.
        Assert.Equal($"web?url=https%3A%2F%2Ftea.example%2Fspring&account=oa-1&back=articles%2F{Id}", page.Find(".article-foot a").GetAttribute("href"));
        Assert.Contains($"POST api/v1/articles/{Id}/read", _server.Requests);
    }

    [Fact]
    public async Task Like_PressesTheButton_AndCounts()
    {
        var page = _context.Render<ArticleReader>(ps => ps.Add(p => p.ArticleId, Id));
        page.WaitForAssertion(() => Assert.Equal("2 likes", page.Find(".article-likes").TextContent));

        await page.Find("button.like-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("3 likes", page.Find(".article-likes").TextContent));
        Assert.Equal("true", page.Find("button.like-button").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void APreviewSentToTheReader_SaysSo_CountsNothing_AndShowsItsUploadsThroughTheReadersToken()
    {
        _server.Answer(HttpMethod.Get, $"api/v1/articles/{Id}", () => RecordingHandler.Json(View() with { Preview = true, Stats = new ArticleStats(0, 0, false) }, HutongJsonContext.Default.ArticleView));
        _server.Answer(HttpMethod.Get, $"api/v1/media/{Upload}", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });
        _context.JSInterop.Setup<string>("hutong.objectUrl", _ => true).SetResult("blob:draft-upload");

        var page = _context.Render<ArticleReader>(ps => ps.Add(p => p.ArticleId, Id));

        page.WaitForAssertion(() => Assert.Equal("A preview sent to you: not published yet, so only you can read it.", page.Find("[role=note]").TextContent));
        Assert.Equal("blob:draft-upload", page.Find(".article-body img").GetAttribute("src"));
        Assert.Empty(page.FindAll("button.like-button"));
        Assert.Empty(page.FindAll(".article-reads"));
        Assert.DoesNotContain($"POST api/v1/articles/{Id}/read", _server.Requests);
    }

    [Fact]
    public void ADraftOrAGoneArticle_SaysSo()
    {
        _server.Answer(HttpMethod.Get, $"api/v1/articles/{Id}", () => RecordingHandler.Problem(HttpStatusCode.NotFound, ErrorCodes.ArticleNotFound));

        var page = _context.Render<ArticleReader>(ps => ps.Add(p => p.ArticleId, Id));

        page.WaitForAssertion(() => Assert.Equal("That article is gone, or not published yet.", page.Find("[role=alert]").TextContent));
        Assert.DoesNotContain($"POST api/v1/articles/{Id}/read", _server.Requests);
    }
}
