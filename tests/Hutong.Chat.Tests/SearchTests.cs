using Hutong.Client;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

public sealed class SearchTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Search_FindsChineseAndEnglishInsideWords(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await mei.Client.SendTextAsync(id, "我们明天去故宫看看吧", Ct);
        await lin.Client.SendTextAsync(id, "Tea at four, then the Summer Palace?", Ct);
        await lin.Client.SendTextAsync(id, "好的", Ct);

        var threeCharacters = await lin.Client.SearchMessagesAsync("故宫看", cancellationToken: Ct);
        var twoCharacters = await lin.Client.SearchMessagesAsync("故宫", cancellationToken: Ct);
        var insideAWord = await mei.Client.SearchMessagesAsync("palac", cancellationToken: Ct);
        var nothing = await mei.Client.SearchMessagesAsync("长城", cancellationToken: Ct);

        Assert.Equal("我们明天去故宫看看吧", Assert.Single(threeCharacters.Hits).Message.Text());
        Assert.Equal(id, Assert.Single(twoCharacters.Hits).ConversationId);
        Assert.Equal("Tea at four, then the Summer Palace?", Assert.Single(insideAWord.Hits).Message.Text());
        Assert.Empty(nothing.Hits);
    }

    [Theory, ProviderData]
    public async Task Search_SeesOnlyWhatTheSearcherMaySee(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var newcomer = await TestUser.CreateAsync(app, "newcomer");
        await newcomer.BefriendAsync(mei);
        var group = (await mei.Client.CreateGroupAsync("g", [lin.UserId], Ct)).ConversationId;
        await mei.Client.SendTextAsync(group, "secret plan alpha", Ct);
        await mei.Client.AddMembersAsync(group, [newcomer.UserId], Ct);
        await mei.Client.SendTextAsync(group, "secret plan beta", Ct);
        var recalled = await mei.Client.SendTextAsync(id, "secret plan gamma", Ct);
        await mei.Client.RecallAsync(id, recalled.Seq, Ct);
        var deleted = await mei.Client.SendTextAsync(id, "secret plan delta", Ct);
        await lin.Client.DeleteMessageForMeAsync(id, deleted.Seq, Ct);

        Assert.Empty((await stranger.Client.SearchMessagesAsync("secret plan", cancellationToken: Ct)).Hits);
        Assert.Equal(["secret plan beta"], (await newcomer.Client.SearchMessagesAsync("secret plan", cancellationToken: Ct)).Hits.Select(h => h.Message.Text()));
        Assert.Equal(["secret plan beta", "secret plan alpha"], (await lin.Client.SearchMessagesAsync("secret plan", cancellationToken: Ct)).Hits.Select(h => h.Message.Text()));
        Assert.Equal(["secret plan delta", "secret plan beta", "secret plan alpha"], (await mei.Client.SearchMessagesAsync("secret plan", cancellationToken: Ct)).Hits.Select(h => h.Message.Text()));
        Assert.Equal(["secret plan delta"], (await mei.Client.SearchMessagesAsync("secret plan", id, cancellationToken: Ct)).Hits.Select(h => h.Message.Text()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_WithNothingToLookFor_Is400(string query)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SearchMessagesAsync(query, cancellationToken: Ct));

        Assert.Equal(["q"], error.Problem!.Errors!.Keys);
    }
}
