using System.Security.Cryptography;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests.EndToEnd;

/// <summary>
/// The whole path, as a developer and a follower meet it: a node on real Kestrel, the sample bot (samples/EchoBot) in
/// its own process with nothing but settings pointing it at the node, developer mode in safe mode (every push and
/// reply encrypted), and a person who follows and chats through the gateway's WebSocket. The bot answers passively and
/// through the app API (a token, then a customer-service message), as it would on WeChat.
/// </summary>
public sealed class SampleBotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task APersonChatsWithTheSampleBot_RunningAsItsOwnProcess(StorageProvider provider)
    {
        await using var app = await HutongApp.StartOnKestrelAsync(provider, new Dictionary<string, string?>
        {
            ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
            ["Hutong:OfficialAccounts:AllowPlainHttpUrls"] = "true",
        }, Ct);
        var owner = await SignUpAsync(app, "teahouse");
        var created = await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Echo Bot", OfficialAccountKinds.Subscription, "Says it back"), Ct);
        var (accountId, appId) = (created.Account.Id, created.Account.Admin!.AppId);
        const string token = "EchoBotToken42";
        var aesKey = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 43);
        await using var bot = await BotProcess.StartAsync(
            [$"--Bot:Token={token}", $"--Bot:EncodingAESKey={aesKey}", $"--Bot:AppId={appId}", $"--Bot:AppSecret={created.AppSecret}", $"--Bot:ApiBase={owner.BaseAddress}"], Ct);

        // Saving verifies the URL: the bot had to echo a signed echostr.
        var settings = await owner.SaveDeveloperSettingsAsync(accountId, new DeveloperSettingsRequest(new Uri(bot.Address, "wechat").ToString(), token, aesKey, DeveloperModes.Safe), Ct);
        Assert.Equal(DeveloperModes.Safe, settings.Mode);

        var lin = await SignUpAsync(app, "lin");
        await using var gateway = new HutongGateway(lin);
        var pushed = gateway.Subscribe<AccountMessageEvent>();
        await gateway.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);
        async Task<MessageContent> NextFromAccountAsync(string awaited) =>
            (await Eventually.ReadAsync(pushed, e => e.Message.AccountId == accountId && e.Message.FromAccount, $"{awaited}\nThe bot's log:\n{bot.Output}")).Message.Content;

        await lin.FollowAsync(accountId, null, Ct);
        Assert.Equal("Thanks for following EchoBot! Send help to see what it can do.", Assert.IsType<TextContent>(await NextFromAccountAsync("the greeting")).Text);

        await lin.SendToAccountAsync(accountId, new SendToAccountRequest("m1", new TextContent("Is the oolong in?")), Ct);
        Assert.Equal("You said: Is the oolong in?", Assert.IsType<TextContent>(await NextFromAccountAsync("the echo")).Text);

        await lin.SendToAccountAsync(accountId, new SendToAccountRequest("m2", new TextContent("NEWS")), Ct);
        var news = Assert.IsType<NewsContent>(await NextFromAccountAsync("the news"));
        Assert.Equal(2, news.Items.Count);
        Assert.All(news.Items, item => Assert.False(string.IsNullOrEmpty(item.Title)));

        // "later": the bot answers success (nothing in the thread), then sends through /cgi-bin/ with a token of its own.
        await lin.SendToAccountAsync(accountId, new SendToAccountRequest("m3", new TextContent("later The kettle is on")), Ct);
        Assert.Equal("The kettle is on", Assert.IsType<TextContent>(await NextFromAccountAsync("the customer-service message")).Text);

        // The thread holds each of them once, in order, with Lin's own messages between.
        var thread = await lin.GetAccountThreadAsync(accountId, null, 20, Ct);
        Assert.Equal(
            ["Thanks for following EchoBot! Send help to see what it can do.", "Is the oolong in?", "You said: Is the oolong in?", "NEWS", "(news)", "later The kettle is on", "The kettle is on"],
            thread.Messages.Reverse().Select(m => m.Content switch { TextContent text => text.Text, NewsContent => "(news)", var other => other.GetType().Name }));
    }

    private static async Task<HutongClient> SignUpAsync(HutongApp app, string handle)
    {
        // A client made without options reaches Kestrel's own address, which the bot can call too.
        var client = new HutongClient(app.CreateClient());
        var account = await client.SignUpAsync(new Contracts.Accounts.SignUpRequest(handle + Guid.NewGuid().ToString("N")[..8], TestUser.DefaultPassword, handle), Ct);
        await client.LoginAsync(new Contracts.Accounts.LoginRequest(account.Handle, TestUser.DefaultPassword, "phone"), Ct);
        return client;
    }
}
