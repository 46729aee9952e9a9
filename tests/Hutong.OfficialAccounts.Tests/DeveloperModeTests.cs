using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Protocol;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>
/// Developer mode through the real server and a developer's server on loopback: verification, signed and sealed
/// pushes, passive replies, and a server that is down, slow or talks nonsense.
/// </summary>
public sealed class DeveloperModeTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    /// <summary>EncodingAESKey of WeChat's published sample: any 43 letters and digits do.</summary>
    private const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task SavingSettings_VerifiesTheUrl_AndAWrongTokenSavesNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var account = await owner.NewAccountAsync(name: "Echo");
        await using var bot = await FakeDeveloperServer.StartAsync("righttoken");

        var refused = await AccountsTests.ExpectAsync(422, ErrorCodes.DeveloperUrlNotVerified,
            () => owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, "wrongtoken"), Ct));
        Assert.Contains("403", refused.Problem!.Detail, StringComparison.Ordinal);
        Assert.Null(await owner.Client.GetDeveloperSettingsAsync(account.Id, Ct));

        var saved = await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, "righttoken"), Ct);
        Assert.Equal((bot.Url, "righttoken", DeveloperModes.Plaintext), (saved.Url, saved.Token, saved.Mode));
        Assert.Equal(saved, await owner.Client.GetDeveloperSettingsAsync(account.Id, Ct));
        Assert.Equal(saved.Url, (await owner.Client.VerifyDeveloperUrlAsync(account.Id, Ct)).Url);

        var bad = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed,
            () => owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest("ftp://x", "a!", "short", "loud"), Ct));
        Assert.Equal(["mode", "token", "url"], bad.Problem!.Errors!.Keys.Order());
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed,
            () => owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, "righttoken", null, DeveloperModes.Safe), Ct));
        var other = await TestUser.CreateAsync(app, "other");
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => other.Client.GetDeveloperSettingsAsync(account.Id, Ct));
    }

    [Theory, ProviderData]
    public async Task AFollowersText_IsPushedSigned_AndThePassiveReplyLandsInTheirThread(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Echo");
        await using var bot = await FakeDeveloperServer.StartAsync();
        bot.Answer = (push, _) => push.Message.Element("MsgType")!.Value == "text"
            ? FakeDeveloperServer.TextReply(push, "You said: " + push.Message.Element("Content")!.Value)
            : "success";
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        var openId = await owner.FollowedByAsync(account.Id, mei);
        var subscribe = await bot.NextPushAsync();
        await using var online = await app.ConnectAsync(mei.Client);

        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("h1", new TextContent("你好 <b>&")), Ct);

        var push = await bot.NextPushAsync();
        var reply = await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the bot's reply");
        Assert.Equal(("event", "subscribe"), (subscribe.Message.Element("MsgType")!.Value, subscribe.Message.Element("Event")!.Value));
        Assert.Equal((account.OriginalId, openId, "text", "你好 <b>&"),
            (push.Message.Element("ToUserName")!.Value, push.Message.Element("FromUserName")!.Value, push.Message.Element("MsgType")!.Value, push.Message.Element("Content")!.Value));
        Assert.True(long.Parse(push.Message.Element("MsgId")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(openId, push.Query["openid"]);
        Assert.Equal("You said: 你好 <b>&", ((TextContent)reply.Message.Content).Text);
    }

    [Theory, ProviderData]
    public async Task AFollowersPlaceVoiceAndArticle_ArePushedAsWeChatsLocationVoiceAndLink_AndTheVoiceIsTheBotsToFetch(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http, "Listener");
        await using var bot = await FakeDeveloperServer.StartAsync();
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        var openId = await owner.FollowedByAsync(account.Id, mei);
        await bot.NextPushAsync();
        byte[] ogg = [.. "OggS"u8, .. new byte[64]];
        var voice = await mei.Client.UploadMediaAsync(new MemoryStream(ogg), "note.ogg", Ct);
        var article = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Spring tea", "<p>Leaves.</p>", "Picked early"), Ct);
        var draft = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Not yet", "<p>Soon.</p>"), Ct);
        await owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("publish", ArticleIds: [article.Id]), Ct);

        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("place", new LocationContent(39.94, 116.38, "Houhai", "Xicheng")), Ct);
        var place = await bot.NextPushAsync();
        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("voice", new VoiceContent(voice.MediaId, 3_000)), Ct);
        var said = await bot.NextPushAsync();
        // The card is the article's own, whatever title the device gave it.
        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("link", new ArticleContent(account.Id, article.Id, "a title of Mei's own")), Ct);
        var link = await bot.NextPushAsync();

        static string Field(ReceivedPush push, string name) => push.Message.Element(name)!.Value;
        Assert.Equal(("location", "39.94", "116.38", "Houhai Xicheng"), (Field(place, "MsgType"), Field(place, "Location_X"), Field(place, "Location_Y"), Field(place, "Label")));
        Assert.Equal(("voice", voice.MediaId, "ogg"), (Field(said, "MsgType"), Field(said, "MediaId"), Field(said, "Format")));
        Assert.Equal(("link", "Spring tea", "Picked early", $"/a/{article.Id}"), (Field(link, "MsgType"), Field(link, "Title"), Field(link, "Description"), Field(link, "Url")));
        Assert.All(new[] { place, said, link }, p => Assert.Equal(openId, Field(p, "FromUserName")));
        Assert.Equal(ogg, await http.GetByteArrayAsync($"/cgi-bin/media/get?access_token={token}&media_id={voice.MediaId}", Ct));
        var thread = (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages;
        Assert.Equal(("Spring tea", 3_000), (Assert.IsType<ArticleContent>(thread[0].Content).Title, Assert.IsType<VoiceContent>(thread[1].Content).DurationMs));

        // A voice message over a minute and a card of an unpublished article are refused, and nothing reaches the bot:
        // the next push is the text sent after them.
        var tooLong = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("long", new VoiceContent(voice.MediaId, 61_000)), Ct));
        Assert.Equal(["durationMs"], tooLong.Problem!.Errors!.Keys);
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("draft", new ArticleContent(account.Id, draft.Id, "Not yet")), Ct));
        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("after", new TextContent("after them")), Ct);
        Assert.Equal("after them", Field(await bot.NextPushAsync(), "Content"));
    }

    [Theory, ProviderData]
    public async Task InSafeMode_ThePushIsSealed_AndAnEncryptedReplyIsOpenedOnlyWithAGoodSignature(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Vault");
        var appId = (await owner.Client.GetOfficialAccountAsync(account.Id, Ct)).Admin!.AppId;
        var crypto = new WeChatCrypto("vaulttoken", AesKey, appId);
        await using var bot = await FakeDeveloperServer.StartAsync("vaulttoken", crypto);
        var forge = false;
        bot.Answer = (push, _) =>
        {
            var wrapped = crypto.WrapReply(FakeDeveloperServer.TextReply(push, "sealed answer"), "1733300000", "42");
            return forge ? wrapped.Replace("<MsgSignature><![CDATA[", "<MsgSignature><![CDATA[0", StringComparison.Ordinal) : wrapped;
        };
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, "vaulttoken", AesKey, DeveloperModes.Safe), Ct);
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        await bot.NextPushAsync();
        await using var online = await app.ConnectAsync(mei.Client);

        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("s1", new TextContent("the secret word")), Ct);
        var push = await bot.NextPushAsync();
        var answer = await online.NextAccountMessageAsync(e => e.Message.FromAccount && e.Message.Content is TextContent, "the sealed answer");

        Assert.Equal("aes", push.Query["encrypt_type"]);
        Assert.DoesNotContain("the secret word", push.Body, StringComparison.Ordinal);
        Assert.Equal("the secret word", push.Message.Element("Content")!.Value);
        Assert.Equal("sealed answer", ((TextContent)answer.Message.Content).Text);

        forge = true;
        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("s2", new TextContent("again")), Ct);
        var dropped = await online.NextAccountMessageAsync(e => e.Message.FromAccount && e.Message.Content is NoticeContent, "the notice for a forged reply");
        Assert.Equal(NoticeTypes.AccountUnavailable, ((NoticeContent)dropped.Message.Content).Type);
    }

    [Theory, ProviderData]
    public async Task ADeveloperServer_ThatFailsTwice_IsTriedThreeTimesWithTheSameMsgId_AndSuccessMeansNoReply(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Flaky");
        await using var bot = await FakeDeveloperServer.StartAsync();
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        await bot.NextPushAsync();
        await using var online = await app.ConnectAsync(mei.Client);
        var tries = 0;
        bot.Answer = (push, _) => push.Message.Element("Content")?.Value switch
        {
            "quiet" => "success",
            _ when ++tries < 3 => null,
            _ => FakeDeveloperServer.TextReply(push, "third time lucky"),
        };

        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("q", new TextContent("quiet")), Ct);
        await bot.NextPushAsync();
        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("f", new TextContent("flaky")), Ct);
        var attempts = new[] { await bot.NextPushAsync(), await bot.NextPushAsync(), await bot.NextPushAsync() };
        var reply = await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the reply to the third try");

        Assert.Single(attempts.Select(a => a.Message.Element("MsgId")!.Value).Distinct());
        Assert.Equal("third time lucky", ((TextContent)reply.Message.Content).Text);
        // "success" made no reply: the only item from the account is the one to the third try.
        Assert.Equal(["third time lucky"], (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Where(m => m.FromAccount).Select(m => ((TextContent)m.Content).Text));
    }

    [Theory, ProviderData]
    public async Task ADeveloperServer_ThatIsSlow_Down_OrTalksNonsense_LeavesTheFollowerANotice(StorageProvider provider)
    {
        // A node of its own with a short deadline, so three tries of a server that never answers end within the test's
        // patience; the shared nodes keep the real 5 s, which a busy machine needs for answers that do come.
        await using var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
            ["Hutong:OfficialAccounts:AllowPlainHttpUrls"] = "true",
            ["Hutong:OfficialAccounts:DeveloperTimeout"] = "00:00:00.500",
        }, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Broken");
        var release = new TaskCompletionSource();
        await using var bot = await FakeDeveloperServer.StartAsync();
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        await bot.NextPushAsync();
        await using var online = await app.ConnectAsync(mei.Client);
        bot.Answer = (push, _) => push.Message.Element("Content")!.Value switch
        {
            "json" => """{"errcode":0}""",
            "html" => "<html><body>Oops</body></html>",
            _ => "success",
        };
        bot.Hold = push => push.Message.Element("Content")!.Value == "slow" ? release.Task : null;

        foreach (var text in new[] { "json", "html", "slow" })
        {
            await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest(text, new TextContent(text)), Ct);
            var notice = await online.NextAccountMessageAsync(e => e.Message.FromAccount, $"the notice after '{text}'");
            Assert.Equal(NoticeTypes.AccountUnavailable, ((NoticeContent)notice.Message.Content).Type);
        }

        release.SetResult();
        await bot.DisposeAsync();
        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("down", new TextContent("anyone?")), Ct);
        var down = await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the notice when the server is down");
        Assert.Equal(NoticeTypes.AccountUnavailable, ((NoticeContent)down.Message.Content).Type);
    }

    [Theory, ProviderData]
    public async Task WithoutTheOperatorsLeave_PrivateAndLocalUrlsAreRefused_BeforeAnyRequest(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(
            provider, new Dictionary<string, string?> { ["Hutong:OfficialAccounts:AllowPlainHttpUrls"] = "true" }, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var account = await owner.NewAccountAsync(name: "Nosy");
        await using var bot = await FakeDeveloperServer.StartAsync();

        foreach (var url in new[] { bot.Url, $"http://localhost:{new Uri(bot.Url).Port}/wechat", "http://10.0.0.1/wechat", "http://169.254.169.254/latest/meta-data/", "http://[::1]/wechat" })
        {
            var refused = await AccountsTests.ExpectAsync(422, ErrorCodes.DeveloperUrlNotVerified,
                () => owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(url, bot.Token), Ct));
            Assert.Contains("not one the platform may call", refused.Problem!.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, bot.Requests);
        Assert.Null(await owner.Client.GetDeveloperSettingsAsync(account.Id, Ct));
    }
}
