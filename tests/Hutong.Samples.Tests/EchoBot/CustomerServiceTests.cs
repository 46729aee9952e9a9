namespace Hutong.Samples.Tests.EchoBot;

/// <summary>
/// <c>later</c>: success at once, then the access token and a customer-service message through a fake
/// <c>/cgi-bin/</c> on a loopback port. Waits are on the fake's TaskCompletionSources, bounded.
/// </summary>
public sealed class CustomerServiceTests
{
    private const string Follower = "oKx3Fw2nQ9vL7dR1sT5yU8zA0bC4";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Later_AnswersSuccess_ThenSendsTheWordsThroughTheApi()
    {
        await using var api = await FakeCgiBin.StartAsync(EchoBotApp.AppId, EchoBotApp.AppSecret, TestContext.Current.CancellationToken);
        await using var bot = EchoBotApp.Start(api.BaseAddress);

        var delivery = await bot.Platform().PushAsync(Pushes.Text(Follower, 1_740_000_000, "later see you at the tea house", msgId: 3001), TestContext.Current.CancellationToken);
        var send = await api.WaitForSendAsync(send => send.ToUser == Follower).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal("success", delivery.Body);
        Assert.Equal("text", send.MsgType);
        Assert.Equal("see you at the tea house", send.Content);
        Assert.Equal(0, send.ErrCode);
        Assert.Equal("token-1", send.AccessToken);
        var query = Assert.Single(api.TokenQueries);
        Assert.Contains("grant_type=client_credential", query, StringComparison.Ordinal);
        Assert.Contains($"appid={EchoBotApp.AppId}", query, StringComparison.Ordinal);
        Assert.Contains($"secret={EchoBotApp.AppSecret}", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Later_RetriedMsgId_SendsOnce()
    {
        await using var api = await FakeCgiBin.StartAsync(EchoBotApp.AppId, EchoBotApp.AppSecret, TestContext.Current.CancellationToken);
        await using var bot = EchoBotApp.Start(api.BaseAddress);
        var platform = bot.Platform();
        var push = Pushes.Text(Follower, 1_740_000_000, "later first", msgId: 3002);

        var first = await platform.PushAsync(push, TestContext.Current.CancellationToken);
        var retry = await platform.PushAsync(push, TestContext.Current.CancellationToken);
        var again = await platform.PushAsync(push, TestContext.Current.CancellationToken);
        // One sender sends in order: once "second" is through, a duplicate of "first" would have gone before it.
        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_001, "later second", msgId: 3003), TestContext.Current.CancellationToken);
        await api.WaitForSendAsync(send => send.Content == "second").WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(["success", "success", "success"], [first.Body, retry.Body, again.Body]);
        Assert.Equal(["first", "second"], api.Sends.Select(send => send.Content));
    }

    [Fact]
    public async Task Later_TokenIsKeptUntilShortlyBeforeItExpires()
    {
        await using var api = await FakeCgiBin.StartAsync(EchoBotApp.AppId, EchoBotApp.AppSecret, TestContext.Current.CancellationToken);
        await using var bot = EchoBotApp.Start(api.BaseAddress);
        var platform = bot.Platform();

        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_000, "later one", msgId: 3004), TestContext.Current.CancellationToken);
        await api.WaitForSendAsync(send => send.Content == "one").WaitAsync(Patience, TestContext.Current.CancellationToken);
        bot.Clock.Advance(TimeSpan.FromSeconds(7200 - 301));
        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_001, "later two", msgId: 3005), TestContext.Current.CancellationToken);
        await api.WaitForSendAsync(send => send.Content == "two").WaitAsync(Patience, TestContext.Current.CancellationToken);
        bot.Clock.Advance(TimeSpan.FromSeconds(2));
        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_002, "later three", msgId: 3006), TestContext.Current.CancellationToken);
        await api.WaitForSendAsync(send => send.Content == "three").WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(["token-1", "token-1", "token-2"], api.Sends.Select(send => send.AccessToken));
        Assert.Equal(2, api.TokensIssued);
    }

    [Fact]
    public async Task Later_Errcode40001_FetchesANewTokenOnceAndSends()
    {
        await using var api = await FakeCgiBin.StartAsync(EchoBotApp.AppId, EchoBotApp.AppSecret, TestContext.Current.CancellationToken);
        await using var bot = EchoBotApp.Start(api.BaseAddress);
        var platform = bot.Platform();
        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_000, "later before", msgId: 3007), TestContext.Current.CancellationToken);
        await api.WaitForSendAsync(send => send.Content == "before").WaitAsync(Patience, TestContext.Current.CancellationToken);

        // Another server fetched a token: the bot's stops working.
        api.RevokeTokens();
        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_001, "later after", msgId: 3008), TestContext.Current.CancellationToken);
        await api.WaitForSendAsync(send => send.Content == "after" && send.ErrCode == 0).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(
            [("before", "token-1", 0), ("after", "token-1", 40001), ("after", "token-2", 0)],
            api.Sends.Select(send => (send.Content, send.AccessToken, send.ErrCode)));
        Assert.Equal(2, api.TokensIssued);
    }

    [Fact]
    public async Task Later_Errcode40001Again_GivesUpAfterOneNewToken()
    {
        await using var api = await FakeCgiBin.StartAsync(EchoBotApp.AppId, EchoBotApp.AppSecret, TestContext.Current.CancellationToken);
        await using var bot = EchoBotApp.Start(api.BaseAddress);
        var platform = bot.Platform();
        api.RefuseEveryToken = true;

        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_000, "later refused", msgId: 3009), TestContext.Current.CancellationToken);
        await api.WaitForSendAsync(send => send.AccessToken == "token-2").WaitAsync(Patience, TestContext.Current.CancellationToken);
        api.RefuseEveryToken = false;
        // In order: anything more for "refused" would come before this one.
        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_001, "later accepted", msgId: 3010), TestContext.Current.CancellationToken);
        await api.WaitForSendAsync(send => send.Content == "accepted").WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(
            [("refused", "token-1", 40001), ("refused", "token-2", 40001), ("accepted", "token-2", 0)],
            api.Sends.Select(send => (send.Content, send.AccessToken, send.ErrCode)));
        Assert.Equal(2, api.TokensIssued);
    }

    [Fact]
    public async Task Later_WrongSecret_SendsNothingAndTheNextMessageStillGoes()
    {
        await using var api = await FakeCgiBin.StartAsync(EchoBotApp.AppId, "another-secret", TestContext.Current.CancellationToken);
        await using var bot = EchoBotApp.Start(api.BaseAddress);
        var platform = bot.Platform();

        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_000, "later lost", msgId: 3011), TestContext.Current.CancellationToken);
        await platform.PushAsync(Pushes.Text(Follower, 1_740_000_001, "later also lost", msgId: 3012), TestContext.Current.CancellationToken);

        // Two token requests, both refused (40125): the sender got through the first message and on to the second.
        await api.WaitForTokenQueriesAsync(2).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Empty(api.Sends);
        Assert.Equal(0, api.TokensIssued);
    }

    [Fact]
    public async Task Later_WithoutTheSecret_SaysWhatIsMissing()
    {
        await using var bot = EchoBotApp.Start(null, ("Bot:AppSecret", ""));

        var delivery = await bot.Platform().PushAsync(Pushes.Text(Follower, 1_740_000_000, "later hello", msgId: 3013), TestContext.Current.CancellationToken);

        Assert.Contains("Bot:AppSecret", delivery.Field("Content"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("later")]
    [InlineData("LATER   ")]
    public async Task Later_WithoutWords_ExplainsTheCommand(string text)
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Text(Follower, 1_740_000_000, text, msgId: 3014), TestContext.Current.CancellationToken);

        Assert.StartsWith("Send later and some words", delivery.Field("Content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_IsNoCommand()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Text(Follower, 1_740_000_000, "latest news", msgId: 3015), TestContext.Current.CancellationToken);

        Assert.Equal("You said: latest news", delivery.Field("Content"));
    }
}
