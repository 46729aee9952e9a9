using System.Net;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Web.Chats;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Chats;

/// <summary>The chats list as the store keeps it.</summary>
public sealed class ChatListTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public ChatListTests() => _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private ChatStore Chats => _context.Services.GetRequiredService<ChatStore>();

    [Fact]
    public async Task RefreshList_AnswersComingBackOutOfOrder_TheNewerListStays()
    {
        // The first list was asked for before Mei muted the chat and answers last, as a slow request under load does.
        var slow = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = 0;
        _server.AnswerLater(HttpMethod.Get, "api/v1/conversations", () => ++asked == 1 ? slow.Task : Task.FromResult(List(muted: true)));

        var older = Chats.RefreshListAsync();
        await Chats.RefreshListAsync();
        slow.SetResult(List(muted: false));
        await older;

        Assert.Equal(2, asked);
        Assert.True(Chats.Summary("c-1")!.Muted);
    }

    [Fact]
    public async Task RefreshList_OlderInMessagesThanTheDevice_KeepsTheMessagesAndTakesTheMute()
    {
        // The device already holds message 2 (delivered live); the list was read before it was sent but after Mei
        // muted the chat. The row keeps message 2 and its count, and shows the mute.
        var asked = 0;
        _server.AnswerLater(HttpMethod.Get, "api/v1/conversations", () => Task.FromResult(++asked == 1 ? List(muted: false, lastSeq: 2, unread: 2) : List(muted: true)));

        await Chats.RefreshListAsync();
        await Chats.RefreshListAsync();

        var row = Chats.Summary("c-1")!;
        Assert.True(row.Muted);
        Assert.Equal(2, row.LastSeq);
        Assert.Equal(2, row.Unread);
    }

    private static HttpResponseMessage List(bool muted, long lastSeq = 1, int unread = 1) => RecordingHandler.Json(
        new ConversationList([new ConversationSummary("c-1", ConversationKinds.Direct, "Yun", lastSeq, 0, unread, muted, false, null, "u-yun", 2)]),
        HutongJsonContext.Default.ConversationList,
        HttpStatusCode.OK);
}
