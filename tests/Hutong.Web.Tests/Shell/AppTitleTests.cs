using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Web.Chats;
using Hutong.Web.Shell;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Shell;

/// <summary>The tab's title carries the unread count, live, leaving muted chats out as the Chats badge does.</summary>
public sealed class AppTitleTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private List<ConversationSummary> _chats = [];

    public AppTitleTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, "api/v1/conversations", () =>
            RecordingHandler.Json(new ConversationList([.. _chats]), HutongJsonContext.Default.ConversationList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static ConversationSummary Chat(string id, int unread, bool muted = false) =>
        new(id, ConversationKinds.Direct, id, 10, 10 - unread, unread, muted, false, null, null, 2);

    /// <summary>The chats list as the server has it now, loaded as the store loads it.</summary>
    private Task ServerHasAsync(params ConversationSummary[] chats)
    {
        _chats = [.. chats];
        return _context.Services.GetRequiredService<ChatStore>().RefreshListAsync();
    }

    [Fact]
    public async Task Title_FollowsTheUnreadCount_LiveAndWithoutMutedChats()
    {
        var head = _context.Render<HeadOutlet>();
        _context.Render<AppTitle>(ps => ps.Add(p => p.Page, "Chats"));
        Assert.Equal("Chats · Hutong", head.Find("title").TextContent);

        await ServerHasAsync(Chat("Lin", unread: 1), Chat("Tea house", unread: 5, muted: true));
        head.WaitForAssertion(() => Assert.Equal("(1) Chats · Hutong", head.Find("title").TextContent));

        await ServerHasAsync(Chat("Lin", unread: 1), Chat("Yun", unread: 2), Chat("Tea house", unread: 5, muted: true));
        head.WaitForAssertion(() => Assert.Equal("(3) Chats · Hutong", head.Find("title").TextContent));

        await ServerHasAsync(Chat("Lin", unread: 0), Chat("Yun", unread: 0), Chat("Tea house", unread: 5, muted: true));
        head.WaitForAssertion(() => Assert.Equal("Chats · Hutong", head.Find("title").TextContent));
    }

    [Theory]
    [InlineData(0, "Lin · Hutong")]
    [InlineData(1, "(1) Lin · Hutong")]
    [InlineData(99, "(99) Lin · Hutong")]
    [InlineData(100, "(99+) Lin · Hutong")]
    public void Format_CapsTheCountAsTheBadgeDoes(int unread, string expected) =>
        Assert.Equal(expected, AppTitle.Format(unread, "Lin", "Hutong"));
}
