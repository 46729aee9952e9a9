using Hutong.Contracts.Events;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

/// <summary>No read receipts: a read position is its owner's alone, synced to their devices and to no one else.</summary>
public sealed class ReadPositionTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Read_ClearsMyUnread_AndReachesMyOtherDevice(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var meiPhone = await mei.NewDeviceAsync(app);
        for (var i = 0; i < 3; i++)
        {
            await lin.Client.SendTextAsync(id, "ping " + i, Ct);
        }

        await mei.Client.SendTextAsync(id, "my own message is never unread", Ct);
        Assert.Equal(3, Assert.Single((await meiPhone.GetConversationsAsync(Ct)).Conversations).Unread);

        await mei.Client.MarkReadAsync(id, 2, Ct);

        var onPhone = Assert.Single((await meiPhone.GetConversationsAsync(Ct)).Conversations);
        Assert.Equal((2L, 1), (onPhone.ReadSeq, onPhone.Unread));
        var readEvent = Assert.IsType<ReadPositionEvent>(Assert.Single((await meiPhone.GetEventsAsync(cancellationToken: Ct)).Events, e => e is ReadPositionEvent));
        Assert.Equal((id, 2L), (readEvent.ConversationId, readEvent.MessageSeq));
    }

    [Theory, ProviderData]
    public async Task Read_NeverMovesBack_AndStopsAtTheLastMessage(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await lin.Client.SendTextAsync(id, "one", Ct);
        await lin.Client.SendTextAsync(id, "two", Ct);

        await mei.Client.MarkReadAsync(id, 1_000, Ct);
        await mei.Client.MarkReadAsync(id, 1, Ct);

        Assert.Equal(2, (await mei.Client.GetConversationAsync(id, Ct)).ReadSeq);
        Assert.Single((await mei.Client.GetEventsAsync(cancellationToken: Ct)).Events, e => e is ReadPositionEvent);
    }

    [Theory, ProviderData]
    public async Task Read_ChangesNothingTheOtherMemberCanSee(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await lin.Client.SendTextAsync(id, "did you see this?", Ct);
        await mei.Client.SendTextAsync(id, "and this?", Ct);
        var before = await EverythingLinCanReadAsync(app, lin, id);

        await mei.Client.MarkReadAsync(id, 2, Ct);

        Assert.Equal(before, await EverythingLinCanReadAsync(app, lin, id));
    }

    /// <summary>Every response body Lin can get about the conversation and his own account, as raw JSON.</summary>
    private static async Task<string> EverythingLinCanReadAsync(HutongApp app, TestUser lin, string id)
    {
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", lin.Client.Token);
        var bodies = new List<string>();
        foreach (var path in new[] { "/api/v1/conversations", $"/api/v1/conversations/{id}", $"/api/v1/conversations/{id}/messages?afterSeq=0", "/api/v1/events?after=0", "/api/v1/friends" })
        {
            bodies.Add(await http.GetStringAsync(path, Ct));
        }

        return string.Join("\n", bodies);
    }
}
