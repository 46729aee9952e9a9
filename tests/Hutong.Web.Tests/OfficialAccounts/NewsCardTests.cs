using Bunit;
using Hutong.Contracts.Chat.Content;
using Hutong.Web.OfficialAccounts;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.OfficialAccounts;

/// <summary>An account's news: the first item large, the rest as rows, and only links that are safe to follow.</summary>
public sealed class NewsCardTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public NewsCardTests() => _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void News_FirstItemLarge_OthersAsRows_AnArticleOpensInTheClient_AnyOtherPageInTheWebView()
    {
        var card = _context.Render<NewsCard>(ps => ps
            .Add(p => p.News, new NewsContent(
            [
                new NewsItem("Spring tea", "The first flush is in.", "https://tea.example/spring.jpg", "https://tea.example/spring"),
                new NewsItem("How to brew", null, null, "/a/01a2b3c4"),
            ]))
            .Add(p => p.AccountId, "oa-1"));

        var lead = card.Find("a.news-lead");
        Assert.Equal("web?url=https%3A%2F%2Ftea.example%2Fspring&account=oa-1&back=", lead.GetAttribute("href"));
        Assert.Null(lead.GetAttribute("target"));
        Assert.Equal("Spring tea", lead.QuerySelector(".news-title")!.TextContent);
        Assert.Equal("The first flush is in.", lead.QuerySelector(".news-description")!.TextContent);
        Assert.Equal("https://tea.example/spring.jpg", lead.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("no-referrer", lead.QuerySelector("img")!.GetAttribute("referrerpolicy"));
        var row = Assert.Single(card.FindAll("a.news-item"));
        Assert.Equal("articles/01a2b3c4", row.GetAttribute("href"));
        Assert.Null(row.GetAttribute("target"));
        Assert.DoesNotContain("opens in a new tab", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void News_LinkThatIsNotTheWebs_ShowsAsTextOnly()
    {
        var card = _context.Render<NewsCard>(ps => ps.Add(p => p.News, new NewsContent(
            [new NewsItem("Click me", null, null, "javascript:alert(1)")])));

        Assert.Empty(card.FindAll("a"));
        Assert.Equal("Click me", card.Find(".news-lead .news-title").TextContent);
    }

    [Theory]
    [InlineData("https://tea.example/a?b=c", "https://tea.example/a?b=c")]
    [InlineData("http://tea.example", "http://tea.example/")]
    [InlineData(" /a/01a2 ", "/a/01a2")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JAVASCRIPT:alert(1)", null)]
    [InlineData("data:text/html,hi", null)]
    [InlineData("//evil.example/a", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("tea.example/a", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Href_OnlyTheWebAndTheNodesOwnPaths(string? url, string? expected) => Assert.Equal(expected, NewsLinks.Href(url));

    [Theory]
    [InlineData("/a/01a2b3", "01a2b3")]
    [InlineData("https://hutong.example/a/01a2b3", "01a2b3")]
    [InlineData("/a/", null)]
    [InlineData("/a/01/comments", null)]
    [InlineData("/articles/01", null)]
    public void ArticleId_OfTheNodesArticlePage(string href, string? expected) => Assert.Equal(expected, NewsLinks.ArticleId(href));

    [Theory]
    [InlineData("/a/01a2b3", "articles/01a2b3")]
    [InlineData("https://other.example/a/01a2b3", null)]
    [InlineData("/a/01/comments", null)]
    [InlineData("https://tea.example/spring", null)]
    public void InClient_OnlyThisNodesArticles(string href, string? expected) => Assert.Equal(expected, NewsLinks.InClient(href));
}
