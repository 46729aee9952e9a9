using Bunit;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
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

    private static OutgoingMessage Message(OutgoingState state, Exception? failure = null, bool canRetry = false) =>
        new("c-1", new TextContent("hello"), null, Sample.Noon) { State = state, Failure = failure, CanRetry = canRetry };

    private static HutongApiException Refusal(int status, string code, string? title = null, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(status, new ProblemBody(null, title, status, null, code, errors));

    private static readonly HttpRequestException Offline = new("down");

    [Fact]
    public void Render_Uploading_ShowsTheFileAndItsProgress()
    {
        var message = new OutgoingMessage("c-1", new FileContent(MediaId: "", FileName: "menu.pdf"), null, Sample.Noon) { State = OutgoingState.Uploading, Progress = 0.42 };

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
    [InlineData(404, "not_friends")]
    [InlineData(403, "message_refused")]
    public void Render_FailedWithAKnownCode_ShowsItsSentence(int status, string code)
    {
        var bubble = Render(Message(OutgoingState.Failed, Refusal(status, code)));

        Assert.Contains(S.Errors[code], bubble.Find(".message-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedWithoutAConnection_SaysNothingWent()
    {
        var bubble = Render(Message(OutgoingState.Failed, Offline, canRetry: true));

        Assert.Contains(S.Errors["offline"], bubble.Find(".message-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedWithoutAReason_SaysNotSent()
    {
        var bubble = Render(Message(OutgoingState.Failed));

        Assert.Contains(S.NotSent, bubble.Find(".message-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedWithACodeTheClientDoesNotKnow_SaysWhatTheServerSaid()
    {
        var bubble = Render(Message(OutgoingState.Failed, Refusal(409, "no_such_code", "The server's own words.")));

        Assert.Contains("The server's own words.", bubble.Find(".message-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RefusedOnAField_SaysWhatTheFieldNeeds_AndOffersNoRetry()
    {
        var refusal = Refusal(400, "validation_failed", errors: new Dictionary<string, string[]> { ["mediaId"] = ["Not an upload of yours."] });

        var bubble = Render(Message(OutgoingState.Failed, refusal));

        var status = bubble.Find(".message-status").TextContent;
        Assert.Contains("Not an upload of yours.", status, StringComparison.Ordinal);
        Assert.DoesNotContain(S.Errors["validation_failed"], status, StringComparison.Ordinal);
        Assert.Equal([S.Discard], bubble.FindAll("button").Select(b => b.TextContent));
    }

    [Fact]
    public void Render_EmptyFile_SaysSoAndOffersNoRetry()
    {
        var message = new OutgoingMessage("c-1", new FileContent(MediaId: "", FileName: "empty.txt"), null, Sample.Noon) { State = OutgoingState.Failed, Failure = Refusal(400, "empty_file") };

        var bubble = Render(message);

        Assert.Contains(S.Errors["empty_file"], bubble.Find(".message-status").TextContent, StringComparison.Ordinal);
        Assert.Equal([S.Discard], bubble.FindAll("button").Select(b => b.TextContent));
    }

    [Fact]
    public async Task Retry_Clicked_InvokesOnlyRetry()
    {
        var (retries, discards) = (0, 0);
        var bubble = Render(Message(OutgoingState.Failed, Offline, canRetry: true), () => retries++, () => discards++);

        await bubble.FindAll("button").Single(b => b.TextContent == S.Retry).ClickAsync(new());

        Assert.Equal((1, 0), (retries, discards));
    }

    [Fact]
    public async Task Discard_Clicked_InvokesOnlyDiscard()
    {
        var (retries, discards) = (0, 0);
        var bubble = Render(Message(OutgoingState.Failed, Offline, canRetry: true), () => retries++, () => discards++);

        await bubble.FindAll("button").Single(b => b.TextContent == S.Discard).ClickAsync(new());

        Assert.Equal((0, 1), (retries, discards));
    }
}
