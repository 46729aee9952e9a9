using Bunit;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Chats;

/// <summary>An official account's article shared into a chat: a card that opens the article in the client.</summary>
public sealed class ArticleCardTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();

    public ArticleCardTests() =>
        _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon), Sample.People(("u-me", "Andrea"), ("u-lin", "Lin")));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void Render_AnArticle_ShowsItsTitleAndDigest_LinkingToItsPageInTheClient()
    {
        var message = new MessageInfo(4, "u-lin", Sample.Noon, false, null, null, new ArticleContent("acc-1", "art-1", "Spring <tea>", "Picked early"));

        var bubble = _context.Render<MessageBubble>(ps => ps.Add(p => p.Message, message).Add(p => p.Group, true));

        var card = bubble.Find("a.article-card");
        Assert.Equal("articles/art-1", card.GetAttribute("href"));
        Assert.Null(card.GetAttribute("target"));
        Assert.Equal("Spring <tea>", card.QuerySelector(".article-title")!.TextContent);
        Assert.Equal("Picked early", card.QuerySelector(".article-digest")!.TextContent);
        Assert.Equal($"{S.KindArticle} Spring <tea>", MessageText.Body(message, S));
    }
}
