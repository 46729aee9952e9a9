using Bunit;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Chats;

/// <summary>A mini-program's page shared into a chat: a card that opens the app at that page.</summary>
public sealed class MiniProgramCardTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();

    public MiniProgramCardTests() =>
        _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon), Sample.People(("u-me", "Andrea"), ("u-lin", "Lin")));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void Render_AMiniProgramCard_ShowsTheAppTitleAndKind_LinkingToTheAppAtItsPage()
    {
        var content = new MiniProgramContent("wx01", "About <the> counter", "pages/about/about?from=mei", "Counter", null);
        var message = new MessageInfo(4, "u-lin", Sample.Noon, false, null, null, content);

        var bubble = _context.Render<MessageBubble>(ps => ps.Add(p => p.Message, message));

        var card = bubble.Find("a.mp-card");
        Assert.Equal("mp/wx01?path=pages%2Fabout%2Fabout%3Ffrom%3Dmei", card.GetAttribute("href"));
        Assert.Equal("Counter", card.QuerySelector(".mp-card-name")!.TextContent);
        Assert.Equal("About <the> counter", card.QuerySelector(".mp-card-title")!.TextContent);
        Assert.Equal("Mini Program", card.QuerySelector(".mp-card-kind")!.TextContent.Trim());
        Assert.Equal("[Mini Program] About <the> counter", MessageText.Body(message, S));
        Assert.Equal("[小程序] About <the> counter", MessageText.Body(message, Strings.Chinese));
    }

    [Fact]
    public void Render_ACardTheNodeHasNotFilledIn_NamesTheAppByItsId_AndOpensItsFirstPage()
    {
        var message = new MessageInfo(5, "u-lin", Sample.Noon, false, null, null, new MiniProgramContent("wx02", "Hello", ""));

        var bubble = _context.Render<MessageBubble>(ps => ps.Add(p => p.Message, message));

        Assert.Equal("mp/wx02", bubble.Find("a.mp-card").GetAttribute("href"));
        Assert.Equal("wx02", bubble.Find(".mp-card-name").TextContent);
    }
}
