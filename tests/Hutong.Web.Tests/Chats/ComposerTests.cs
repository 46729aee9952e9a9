using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Chats;

/// <summary>The composer near and over the node's text limit: nothing is cut, the count shows, and sending waits until the text fits.</summary>
public sealed class ComposerTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();

    public ComposerTests()
    {
        var server = new RecordingHandler()
            .Answer(HttpMethod.Get, $"api/v1/conversations/c-1/messages?beforeSeq={long.MaxValue}&limit=50", () => RecordingHandler.Json(new MessageList([]), HutongJsonContext.Default.MessageList))
            .Answer(HttpMethod.Get, "api/v1/conversations/c-1", () => RecordingHandler.Json(Sample.Group(MemberRoles.Member), HutongJsonContext.Default.ConversationDetails));
        _context.AddWebClient(server, new FakeTimeProvider(Sample.Noon));
    }

    private ChatStore Chats => _context.Services.GetRequiredService<ChatStore>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<Composer> Render() => _context.Render<Composer>(ps => ps.Add(p => p.ConversationId, "c-1"));

    private static Task TypeAsync(IRenderedComponent<Composer> composer, string text) =>
        composer.Find("textarea").InputAsync(new ChangeEventArgs { Value = text });

    private static Task PressEnterAsync(IRenderedComponent<Composer> composer) => composer.InvokeAsync(() => composer.Instance.OnKey("Enter"));

    /// <summary>The texts sent in chat c-1, once it is open: each shows as an echo until the server has it, and these tests have no server.</summary>
    private List<string> Sent() => [.. Chats.Timeline("c-1")!.Outgoing.Select(o => ((TextContent)o.Content).Text)];

    private static bool SendDisabled(IRenderedComponent<Composer> composer) => composer.Find("button.send").HasAttribute("disabled");

    [Fact]
    public async Task Type_UnderNinetyPercentOfTheLimit_ShowsNoCounter()
    {
        var composer = Render();

        await TypeAsync(composer, new string('a', 7_199));

        Assert.Empty(composer.FindAll("#composer-count"));
        Assert.Null(composer.Find("textarea").GetAttribute("aria-describedby"));
        Assert.False(SendDisabled(composer));
    }

    [Fact]
    public async Task Type_NearTheLimit_CountsWhatIsTypedAgainstIt()
    {
        var composer = Render();

        await TypeAsync(composer, new string('a', 7_950));

        Assert.Equal("7,950 / 8,000", composer.Find("#composer-count").TextContent.Trim());
        Assert.DoesNotContain("over", composer.Find("#composer-count").ClassList);
        Assert.Equal("composer-count", composer.Find("textarea").GetAttribute("aria-describedby"));
        Assert.False(SendDisabled(composer));
    }

    [Fact]
    public async Task Paste_OverTheLimit_KeepsEveryCharacterAndSaysHowManyToRemove()
    {
        var composer = Render();
        var pasted = new string('a', 8_050);

        await TypeAsync(composer, pasted);

        var textarea = composer.Find("textarea");
        Assert.False(textarea.HasAttribute("maxlength"));
        Assert.Equal(pasted, textarea.GetAttribute("value"));
        Assert.Equal("true", textarea.GetAttribute("aria-invalid"));
        var counter = composer.Find("#composer-count");
        Assert.Contains("over", counter.ClassList);
        Assert.Equal(["8,050 / 8,000", "Too long to send: remove 50 characters."], counter.Children.Select(c => c.TextContent));
        Assert.True(SendDisabled(composer));
        Assert.Equal("composer-count", composer.Find("button.send").GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Enter_OverTheLimit_SendsNothingKeepsTheTextAndSaysWhy()
    {
        await Chats.OpenAsync("c-1");
        var composer = Render();
        var pasted = new string('a', 8_001);
        await TypeAsync(composer, pasted);

        await PressEnterAsync(composer);

        Assert.Empty(Sent());
        Assert.Equal(pasted, composer.Find("textarea").GetAttribute("value"));
        Assert.Equal("Too long to send: remove 1 character.", composer.Find("[role=status]").TextContent);
    }

    [Fact]
    public async Task Enter_AfterTheExcessIsDeleted_SendsAllOfIt()
    {
        await Chats.OpenAsync("c-1");
        var composer = Render();
        await TypeAsync(composer, new string('a', 8_050));
        await PressEnterAsync(composer);

        await TypeAsync(composer, new string('a', 8_000));
        Assert.Empty(composer.Find("[role=status]").TextContent);
        Assert.False(SendDisabled(composer));
        await PressEnterAsync(composer);

        Assert.Equal(new string('a', 8_000), Assert.Single(Sent()));
        Assert.Equal("", composer.Find("textarea").GetAttribute("value"));
        Assert.Empty(composer.FindAll("#composer-count"));
    }

    [Fact]
    public async Task Count_IsWhatTheServerCounts_TrimmedAndInUtf16CodeUnits()
    {
        var composer = Render();

        // 4,000 emoji are 8,000 UTF-16 code units, as string.Length on the node counts them; the spaces around are trimmed before sending.
        await TypeAsync(composer, "  " + string.Concat(Enumerable.Repeat("😀", 4_000)) + "\n ");
        Assert.Equal("8,000 / 8,000", composer.Find("#composer-count").TextContent.Trim());
        Assert.False(SendDisabled(composer));

        await TypeAsync(composer, string.Concat(Enumerable.Repeat("😀", 4_001)));
        Assert.Equal(S.TextTooLong(2), composer.Find("#composer-count span:last-child").TextContent);
        Assert.True(SendDisabled(composer));
    }
}
