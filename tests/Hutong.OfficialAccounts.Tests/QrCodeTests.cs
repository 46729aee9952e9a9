using System.Net;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;
using static Hutong.OfficialAccounts.Tests.AppApiKit;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Parameter QR codes: qrcode/create and showqrcode as WeChat answers them, follows and scans through them.</summary>
public sealed class QrCodeTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What a node of the tests needs to call a developer server on loopback.</summary>
    private static readonly Dictionary<string, string?> DeveloperSettings = new()
    {
        ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
        ["Hutong:OfficialAccounts:AllowPlainHttpUrls"] = "true",
    };

    [Theory, ProviderData]
    public async Task QrcodeCreate_MakesAllFourKinds_InWeChatsShape_AndRefusesWhatWeChatRefuses(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http, "Tea Stall");
        var create = $"/cgi-bin/qrcode/create?access_token={token}";

        var byId = await PostAsync(http, create, """{"expire_seconds":300,"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":4294967295}}}""");
        var byStr = await PostAsync(http, create, """{"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_str":"table-7"}}}""");
        var limitById = await PostAsync(http, create, """{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":100000}}}""");
        var limitByStr = await PostAsync(http, create, """{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"door"}}}""");
        var longAsked = await PostAsync(http, create, """{"expire_seconds":9999999,"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":1}}}""");

        Assert.Equal(["ticket", "expire_seconds", "url"], byId.Select(p => p.Key));
        Assert.Equal(["ticket", "url"], limitById.Select(p => p.Key));
        Assert.Equal([300, 60, 2_592_000], new[] { byId, byStr, longAsked }.Select(a => (int)a["expire_seconds"]!));
        Assert.Null(limitByStr["expire_seconds"]);
        foreach (var answer in new[] { byId, byStr, limitById, limitByStr })
        {
            var ticket = (string)answer["ticket"]!;
            Assert.Matches("^[A-Za-z0-9_-]{32}$", ticket);
            Assert.Equal($"http://localhost/oa/{account.Id}?ticket={ticket}", (string)answer["url"]!);
        }

        // A permanent scene asked for again is the same code; a temporary one is always new.
        Assert.Equal((string)limitById["ticket"]!, (string)(await PostAsync(http, create, """{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":"100000"}}}"""))["ticket"]!);
        Assert.Equal((string)limitByStr["ticket"]!, (string)(await PostAsync(http, create, """{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"door"}}}"""))["ticket"]!);
        Assert.NotEqual((string)byStr["ticket"]!, (string)(await PostAsync(http, create, """{"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_str":"table-7"}}}"""))["ticket"]!);

        Assert.Equal(40052, Code(await PostAsync(http, create, """{"action_name":"QR_FOREVER","action_info":{"scene":{"scene_id":1}}}""")));
        Assert.Equal(40052, Code(await PostAsync(http, create, """{"action_info":{"scene":{"scene_id":1}}}""")));
        Assert.Equal(40053, Code(await PostAsync(http, create, """{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":100001}}}""")));
        Assert.Equal(40053, Code(await PostAsync(http, create, """{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":0}}}""")));
        Assert.Equal(40053, Code(await PostAsync(http, create, """{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":4294967296}}}""")));
        Assert.Equal(40053, Code(await PostAsync(http, create, "{\"action_name\":\"QR_STR_SCENE\",\"action_info\":{\"scene\":{\"scene_str\":\"" + new string('x', 65) + "\"}}}")));
        Assert.Equal(40053, Code(await PostAsync(http, create, """{"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_id":5}}}""")));
        Assert.Equal(40053, Code(await PostAsync(http, create, """{"action_name":"QR_SCENE"}""")));
        Assert.Equal(47001, Code(await PostAsync(http, create, """{"expire_seconds":-5,"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":1}}}""")));
        Assert.Equal(40001, Code(await PostAsync(http, "/cgi-bin/qrcode/create?access_token=forged", """{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":1}}}""")));

        // The image is the url as a QR code, for anyone who holds the ticket; a made-up ticket is WeChat's 404.
        using var image = await http.GetAsync(new Uri($"/cgi-bin/showqrcode?ticket={byStr["ticket"]}", UriKind.Relative), Ct);
        Assert.Equal((HttpStatusCode.OK, "image/png"), (image.StatusCode, image.Content.Headers.ContentType?.MediaType));
        Assert.Equal(Core.Qr.QrCodes.Png((string)byStr["url"]!), await image.Content.ReadAsByteArrayAsync(Ct));
        using var unknown = await http.GetAsync(new Uri("/cgi-bin/showqrcode?ticket=madeup", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, ProviderData]
    public async Task TheStudio_MakesAndListsCodes_AndOnlyTheAccountsAdminsMay(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Noodle Bar");

        var counter = await owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(Permanent: true, SceneStr: "counter"), Ct);
        var again = await owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(Permanent: true, SceneStr: "counter"), Ct);
        var flyer = await owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(SceneId: 42, ExpiresIn: 3600), Ct);
        var list = await owner.Client.GetQrCodesAsync(account.Id, cancellationToken: Ct);

        Assert.Equal(counter.Ticket, again.Ticket);
        Assert.True(counter.Permanent);
        Assert.Null(counter.ExpiresAt);
        Assert.Equal(flyer.CreatedAt.AddHours(1), flyer.ExpiresAt);
        Assert.Equal($"http://localhost/cgi-bin/showqrcode?ticket={flyer.Ticket}", flyer.ImageUrl);
        Assert.Equal([flyer.Ticket, counter.Ticket], list.Codes.Select(c => c.Ticket));
        Assert.Equal(Core.Qr.QrCodes.Png(flyer.Url), await mei.Client.GetQrCodeImageAsync(flyer.Ticket, Ct));
        var page = await owner.Client.GetQrCodesAsync(account.Id, limit: 1, cancellationToken: Ct);
        Assert.Equal([counter.Ticket], (await owner.Client.GetQrCodesAsync(account.Id, 1, page.NextCursor, Ct)).Codes.Select(c => c.Ticket));

        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(SceneId: 1, SceneStr: "both"), Ct));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(SceneId: 1, ExpiresIn: 2_592_001), Ct));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(Permanent: true, SceneId: 100_001), Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => mei.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(SceneId: 1), Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => mei.Client.GetQrCodesAsync(account.Id, cancellationToken: Ct));
    }

    [Theory, ProviderData]
    public async Task AFollowThroughACode_TellsTheDeveloperItsScene_AndUserInfoKeepsIt(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http, "Bookshop");
        await using var bot = await FakeDeveloperServer.StartAsync();
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        var poster = await owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(Permanent: true, SceneStr: "poster-3"), Ct);
        var flyer = await owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(SceneId: 3_000_000_000), Ct);

        var meiOpenId = await owner.FollowedByAsync(account.Id, mei, new FollowRequest(Ticket: poster.Ticket));
        var meiPush = await bot.NextPushAsync();
        var linOpenId = await owner.FollowedByAsync(account.Id, lin, new FollowRequest(Ticket: flyer.Ticket));
        var linPush = await bot.NextPushAsync();

        Assert.Equal(("subscribe", "qrscene_poster-3", poster.Ticket, meiOpenId), Event(meiPush));
        Assert.Equal(("subscribe", "qrscene_3000000000", flyer.Ticket, linOpenId), Event(linPush));
        var meiInfo = await GetAsync(http, $"/cgi-bin/user/info?access_token={token}&openid={meiOpenId}");
        var linInfo = await GetAsync(http, $"/cgi-bin/user/info?access_token={token}&openid={linOpenId}");
        Assert.Equal(("ADD_SCENE_QR_CODE", 0L, "poster-3"), ((string)meiInfo["subscribe_scene"]!, (long)meiInfo["qr_scene"]!, (string)meiInfo["qr_scene_str"]!));
        Assert.Equal(("ADD_SCENE_QR_CODE", 3_000_000_000L, ""), ((string)linInfo["subscribe_scene"]!, (long)linInfo["qr_scene"]!, (string)linInfo["qr_scene_str"]!));
        Assert.Equal(FollowScenes.Qr, (await owner.Client.GetFollowersAsync(account.Id, cancellationToken: Ct)).Followers.First(f => f.OpenId == meiOpenId).Scene);
        var counted = (await owner.Client.GetQrCodesAsync(account.Id, cancellationToken: Ct)).Codes.Single(c => c.Ticket == poster.Ticket);
        Assert.Equal((0, 1), (counted.Scans, counted.Follows));
    }

    [Theory, ProviderData]
    public async Task AFollowerWhoScans_GetsTheDevelopersAnswerToSCAN_AndTheEventWindowOpens(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, DeveloperSettings, clock, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Tea House");
        await using var bot = await FakeDeveloperServer.StartAsync();
        bot.Answer = (push, _) => push.Message.Element("Event")?.Value == "SCAN" ? FakeDeveloperServer.TextReply(push, "Welcome back to table 9") : "success";
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        var table = await owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(Permanent: true, SceneId: 9), Ct);
        var openId = await owner.FollowedByAsync(account.Id, mei);
        Assert.Equal(("subscribe", null, null, openId), Event(await bot.NextPushAsync()));
        await using var online = await app.ConnectAsync(mei.Client);

        // The follow's own window is over; the scan opens a new one of 3 messages in a minute.
        clock.Advance(TimeSpan.FromMinutes(2));
        await AccountsTests.ExpectAsync(409, ErrorCodes.OutsideServiceWindow, () => owner.Client.ReplyToFollowerAsync(account.Id, openId, new AccountReplyRequest(new TextContent("Hi?")), Ct));
        var scanned = await mei.Client.ScanQrCodeAsync(account.Id, table.Ticket, Ct);

        Assert.True(scanned.Following);
        Assert.Equal(("SCAN", "9", table.Ticket, openId), Event(await bot.NextPushAsync()));
        var reply = await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the developer's answer to the scan");
        Assert.Equal("Welcome back to table 9", ((TextContent)reply.Message.Content).Text);
        for (var i = 1; i <= 3; i++)
        {
            await owner.Client.ReplyToFollowerAsync(account.Id, openId, new AccountReplyRequest(new TextContent($"Menu {i}")), Ct);
        }

        await AccountsTests.ExpectAsync(409, ErrorCodes.OutsideServiceWindow, () => owner.Client.ReplyToFollowerAsync(account.Id, openId, new AccountReplyRequest(new TextContent("Menu 4")), Ct));
        var counted = Assert.Single((await owner.Client.GetQrCodesAsync(account.Id, cancellationToken: Ct)).Codes);
        Assert.Equal((1, 0), (counted.Scans, counted.Follows));
    }

    [Theory, ProviderData]
    public async Task ATemporaryCode_StopsWorkingWhenItsTimeIsUp_AndWritesNothingThen(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, DeveloperSettings, clock, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http, "Pop-up Market");
        await using var bot = await FakeDeveloperServer.StartAsync();
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        var minute = await PostAsync(http, $"/cgi-bin/qrcode/create?access_token={token}", """{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":7}}}""");
        var ticket = (string)minute["ticket"]!;
        var door = await owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(Permanent: true, SceneStr: "door"), Ct);

        clock.Advance(TimeSpan.FromSeconds(59));
        using (var live = await http.GetAsync(new Uri($"/cgi-bin/showqrcode?ticket={ticket}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using (var expired = await http.GetAsync(new Uri($"/cgi-bin/showqrcode?ticket={ticket}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        }

        await AccountsTests.ExpectAsync(404, ErrorCodes.QrCodeInvalid, () => mei.Client.FollowAsync(account.Id, new FollowRequest(Ticket: ticket), Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.QrCodeInvalid, () => mei.Client.ScanQrCodeAsync(account.Id, ticket, Ct));
        Assert.False((await mei.Client.GetOfficialAccountAsync(account.Id, Ct)).Following);
        Assert.Equal([door.Ticket], (await owner.Client.GetQrCodesAsync(account.Id, cancellationToken: Ct)).Codes.Select(c => c.Ticket));

        // Nothing went to the developer for the expired code: the next push is the follow through the live one.
        await mei.Client.FollowAsync(account.Id, new FollowRequest(Ticket: door.Ticket), Ct);
        var push = await bot.NextPushAsync();
        Assert.Equal(("subscribe", "qrscene_door"), (push.Message.Element("Event")!.Value, push.Message.Element("EventKey")!.Value));
    }

    [Theory, ProviderData]
    public async Task ATicket_OpensOnlyItsOwnAccount(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (teaHouse, teaToken) = await owner.AccountWithTokenAsync(http, "Tea House");
        var bakery = await owner.NewAccountAsync(name: "Bakery");
        var teaTicket = (string)(await PostAsync(http, $"/cgi-bin/qrcode/create?access_token={teaToken}", """{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":1}}}"""))["ticket"]!;
        await mei.Client.FollowAsync(bakery.Id, cancellationToken: Ct);

        await AccountsTests.ExpectAsync(404, ErrorCodes.QrCodeInvalid, () => mei.Client.ScanQrCodeAsync(bakery.Id, teaTicket, Ct));
        var lin = await TestUser.CreateAsync(app, "lin");
        await AccountsTests.ExpectAsync(404, ErrorCodes.QrCodeInvalid, () => lin.Client.FollowAsync(bakery.Id, new FollowRequest(Ticket: teaTicket), Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.QrCodeInvalid, () => lin.Client.FollowAsync(teaHouse.Id, new FollowRequest(Ticket: "not-a-ticket"), Ct));

        Assert.False((await lin.Client.GetOfficialAccountAsync(bakery.Id, Ct)).Following);
        Assert.True((await lin.Client.FollowAsync(teaHouse.Id, new FollowRequest(Ticket: teaTicket), Ct)).Following);
        Assert.Equal((0, 1), (await owner.Client.GetQrCodesAsync(teaHouse.Id, cancellationToken: Ct)).Codes.Select(c => (c.Scans, c.Follows)).Single());
    }

    [Theory, ProviderData]
    public async Task AnAccount_HasAtMostItsLimitOfPermanentCodes(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?> { ["Hutong:OfficialAccounts:MaxPermanentQrCodes"] = "2" }, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http, "Corner Shop");
        var create = $"/cgi-bin/qrcode/create?access_token={token}";
        var first = await PostAsync(http, create, """{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":1}}}""");
        await owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(Permanent: true, SceneStr: "two"), Ct);

        Assert.Equal(45029, Code(await PostAsync(http, create, """{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"three"}}}""")));
        await AccountsTests.ExpectAsync(409, ErrorCodes.TooManyQrCodes, () => owner.Client.CreateQrCodeAsync(account.Id, new CreateQrCodeRequest(Permanent: true, SceneId: 3), Ct));
        Assert.Equal((string)first["ticket"]!, (string)(await PostAsync(http, create, """{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":1}}}"""))["ticket"]!);
        Assert.Equal(0, Code(await PostAsync(http, create, """{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":3}}}""")));
    }

    private static (string Event, string? Key, string? Ticket, string From) Event(ReceivedPush push) =>
        (push.Message.Element("Event")!.Value, push.Message.Element("EventKey")?.Value, push.Message.Element("Ticket")?.Value, push.Message.Element("FromUserName")!.Value);
}
