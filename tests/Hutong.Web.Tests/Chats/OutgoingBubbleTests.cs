using Bunit;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Chats;

public sealed class OutgoingBubbleTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();

    public OutgoingBubbleTests() => _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<OutgoingBubble> Render(OutgoingMessage message, Action? onRetry = null, Action? onDiscard = null) =>
        _context.Render<OutgoingBubble>(ps => ps
            .Add(p => p.Message, message)
            .Add(p => p.OnRetry, onRetry ?? (() => { }))
            .Add(p => p.OnDiscard, onDiscard ?? (() => { })));

    private static OutgoingMessage Message(OutgoingState state, string? errorCode = null) =>
        new("c-1", "text", "hello", null, Sample.Noon) { State = state, ErrorCode = errorCode };

    [Fact]
    public void Render_Uploading_ShowsTheFileAndItsProgress()
    {
        var message = new OutgoingMessage("c-1", "file", null, null, Sample.Noon) { State = OutgoingState.Uploading, FileName = "menu.pdf", Progress = 0.42 };

        var bubble = Render(message);

        Assert.Equal("menu.pdf", bubble.Find(".file-name").TextContent);
        Assert.Equal("0.42", bubble.Find("progress").GetAttribute("value"));
        Assert.Equal($"{S.Uploading} 42%", bubble.Find(".message-status").TextContent.Trim());
        Assert.Empty(bubble.FindAll("button"));
    }

    [Fact]
    public void Render_Sending_ShowsNoProgressAndNoButtons()
    {
        var bubble = Render(Message(OutgoingState.Sending));

        Assert.Equal("hello", bubble.Find(".text").TextContent);
        Assert.Equal(S.Sending, bubble.Find(".message-status .sr-only").TextContent);
        Assert.Empty(bubble.FindAll("progress"));
        Assert.Empty(bubble.FindAll("button"));
    }

    [Theory]
    [InlineData("not_friends")]
    [InlineData("offline")]
    [InlineData("message_refused")]
    public void Render_FailedWithAKnownCode_ShowsItsSentence(string code)
    {
        var bubble = Render(Message(OutgoingState.Failed, code));

        Assert.Contains(S.Errors[code], bubble.Find(".message-status").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no_such_code")]
    [InlineData(null)]
    public void Render_FailedWithoutAKnownCode_SaysNotSent(string? code)
    {
        var bubble = Render(Message(OutgoingState.Failed, code));

        Assert.Contains(S.NotSent, bubble.Find(".message-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_Clicked_InvokesOnlyRetry()
    {
        var (retries, discards) = (0, 0);
        var bubble = Render(Message(OutgoingState.Failed, "offline"), () => retries++, () => discards++);

        await bubble.FindAll("button").Single(b => b.TextContent == S.Retry).ClickAsync(new());

        Assert.Equal((1, 0), (retries, discards));
    }

    [Fact]
    public async Task Discard_Clicked_InvokesOnlyDiscard()
    {
        var (retries, discards) = (0, 0);
        var bubble = Render(Message(OutgoingState.Failed, "offline"), () => retries++, () => discards++);

        await bubble.FindAll("button").Single(b => b.TextContent == S.Discard).ClickAsync(new());

        Assert.Equal((0, 1), (retries, discards));
    }
}
