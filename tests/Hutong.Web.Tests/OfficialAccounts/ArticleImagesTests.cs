using Hutong.Web.OfficialAccounts;

namespace Hutong.Web.Tests.OfficialAccounts;

/// <summary>An article's uploads, shown without the bearer token an img tag cannot carry.</summary>
public sealed class ArticleImagesTests
{
    private const string Upload = "0194a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    private const string Body = $"<p>Tea</p><img src=\"/api/v1/media/{Upload}\" alt=\"cup\"><img src=\"https://tea.example/pot.png\"><img src=\"/api/v1/media/{Upload}\">";

    [Fact]
    public void MediaIds_TheNodesUploadsOnly_OnceEach() => Assert.Equal([Upload], ArticleImages.MediaIds(Body));

    [Fact]
    public void PublishedBody_ShowsUploadsFromTheArticlesPublicRoute_AndLeavesOtherImages()
    {
        var shown = ArticleImages.PublishedBody(Body, "art-1");

        Assert.Equal(
            $"<p>Tea</p><img src=\"/a/art-1/media/{Upload}\" alt=\"cup\"><img src=\"https://tea.example/pot.png\"><img src=\"/a/art-1/media/{Upload}\">",
            shown);
    }

    [Fact]
    public void WithUrls_Marked_KeepsEachUploadsIdForTheEditor_AndLeavesThoseWithoutAUrl()
    {
        var shown = ArticleImages.WithUrls(Body + "<img src=\"/api/v1/media/0194a1b2-c3d4-7e5f-8a9b-000000000000\">",
            new Dictionary<string, string> { [Upload] = "blob:http://hutong.test/1" }, marked: true);

        Assert.Contains($"<img src=\"blob:http://hutong.test/1\" data-media=\"{Upload}\" alt=\"cup\">", shown, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/api/v1/media/0194a1b2-c3d4-7e5f-8a9b-000000000000\">", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAddressInTheText_IsLeftAsWords()
    {
        var words = $"<p>src=\"/api/v1/media/{Upload}\"</p>";

        Assert.Empty(ArticleImages.MediaIds(words));
        Assert.Equal(words, ArticleImages.PublishedBody(words, "art-1"));
    }

    [Theory]
    [InlineData($"/api/v1/media/{Upload}", Upload)]
    [InlineData("/api/v1/media/", null)]
    [InlineData("https://tea.example/a.png", null)]
    [InlineData(null, null)]
    public void MediaId_OfACoverAddress(string? url, string? expected) => Assert.Equal(expected, ArticleImages.MediaId(url));
}
