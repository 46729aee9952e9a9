using Bunit;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Chats;

public sealed class MessageBubbleTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly FakeTimeProvider _clock = new(Sample.Noon);

    public MessageBubbleTests() =>
        _context.AddWebClient(new RecordingHandler(), _clock, Sample.People(("u-me", "Andrea"), ("u-lin", "Lin"), ("u-mei", "Mei")));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<MessageBubble> Render(MessageInfo message, bool mine, Action? onRecall = null) =>
        _context.Render<MessageBubble>(ps => ps
            .Add(p => p.Message, message)
            .Add(p => p.Mine, mine)
            .Add(p => p.Group, true)
            .Add(p => p.OnRecall, onRecall ?? (() => { })));

    private static string ButtonFor(string label) => $"button[aria-label='{label}']";

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(119)]
    public void Render_MyMessageWithinTwoMinutes_OffersRecall(int secondsAgo)
    {
        var message = Sample.Text(1, senderId: "u-me", sentAt: _clock.GetUtcNow().AddSeconds(-secondsAgo));

        var bubble = Render(message, mine: true);

        Assert.Single(bubble.FindAll(ButtonFor(S.Recall)));
    }

    [Theory]
    [InlineData(120)]
    [InlineData(3600)]
    public void Render_MyMessageTwoMinutesOrOlder_OffersNoRecall(int secondsAgo)
    {
        var message = Sample.Text(1, senderId: "u-me", sentAt: _clock.GetUtcNow().AddSeconds(-secondsAgo));

        var bubble = Render(message, mine: true);

        Assert.Empty(bubble.FindAll(ButtonFor(S.Recall)));
        Assert.Single(bubble.FindAll(ButtonFor(S.Reply)));
        Assert.Single(bubble.FindAll(ButtonFor(S.DeleteForMe)));
    }

    [Fact]
    public void Render_AfterTheWindowPasses_RecallIsGone()
    {
        var message = Sample.Text(1, senderId: "u-me", sentAt: _clock.GetUtcNow());
        var bubble = Render(message, mine: true);
        Assert.Single(bubble.FindAll(ButtonFor(S.Recall)));

        _clock.Advance(TimeSpan.FromMinutes(2));
        bubble.Render(_ => { });

        Assert.Empty(bubble.FindAll(ButtonFor(S.Recall)));
    }

    [Fact]
    public void Render_SomeoneElsesFreshMessage_OffersReplyAndDeleteButNoRecall()
    {
        var message = Sample.Text(1, senderId: "u-lin", sentAt: _clock.GetUtcNow());

        var bubble = Render(message, mine: false);

        Assert.Empty(bubble.FindAll(ButtonFor(S.Recall)));
        Assert.Single(bubble.FindAll(ButtonFor(S.Reply)));
        Assert.Single(bubble.FindAll(ButtonFor(S.DeleteForMe)));
        Assert.Equal("Lin", bubble.Find(".sender").TextContent);
    }

    [Fact]
    public async Task Recall_Clicked_InvokesTheCallback()
    {
        var recalls = 0;
        var bubble = Render(Sample.Text(1, senderId: "u-me", sentAt: _clock.GetUtcNow()), mine: true, () => recalls++);

        await bubble.Find(ButtonFor(S.Recall)).ClickAsync(new());

        Assert.Equal(1, recalls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Render_RecalledMessage_ShowsTheRecalledTextAndNoActions(bool mine)
    {
        var message = Sample.Text(1, "secret", senderId: mine ? "u-me" : "u-lin", sentAt: _clock.GetUtcNow()) with { Recalled = true };

        var bubble = Render(message, mine);

        Assert.Equal(S.MessageRecalled, bubble.Find(".recalled").TextContent);
        Assert.Empty(bubble.FindAll(".message-actions"));
        Assert.Empty(bubble.FindAll("button"));
        Assert.DoesNotContain("secret", bubble.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextWithMentions_ShowsThemAsMentionSpans()
    {
        var message = Sample.Text(1, "@Mei and @all: tea at @Lin's?", senderId: "u-lin", mentions: ["u-mei"], mentionsAll: true);

        var bubble = Render(message, mine: false);

        Assert.Equal(["@Mei", "@all"], bubble.FindAll(".text .mention").Select(m => m.TextContent));
        Assert.Equal(message.Text(), bubble.Find(".text").TextContent);
    }

    [Fact]
    public void Render_AKindThisVersionDoesNotKnow_SaysSoInsteadOfNothing()
    {
        var message = new MessageInfo(3, "u-lin", Sample.Noon, false, null, null, new UnknownContent("hologram"));

        var bubble = Render(message, mine: false);

        Assert.Equal(S.KindUnknown, bubble.Find(".text").TextContent);
    }
}
