using System.Globalization;
using System.Text.Json.Nodes;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.OfficialAccounts.Tests.AppApiKit;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>
/// Custom menus: WeChat's limits, the studio and the app API editing one menu, who may see and use it, and what a click
/// or a link does (the event window, the item's reply, CLICK and VIEW pushes to the developer's server).
/// </summary>
public sealed class MenuTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AccountMenu TeaMenu = new(
    [
        new MenuButton("Today", MenuButtonKinds.Click, Key: "TODAY", Reply: "Oolong and buns today."),
        new MenuButton("More",
            SubButtons:
            [
                new MenuButton("Our site", MenuButtonKinds.View, Url: "https://tea.example.com/"),
                new MenuButton("Order", MenuButtonKinds.MiniProgram, Url: "https://tea.example.com/order", AppId: "wx286b93c14bbf93aa", PagePath: "pages/order"),
                new MenuButton("Like us", MenuButtonKinds.Click, Key: "LIKE"),
            ]),
    ]);

    [Theory, ProviderData]
    public async Task Saving_KeepsWeChatsLimits_OnButtonsItemsNamesKeysAndLinks(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var account = await owner.NewAccountAsync(name: "Menus");

        var tooMany = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed,
            () => owner.Client.SaveAccountMenuAsync(account.Id, new AccountMenu([.. Enumerable.Range(0, 4).Select(i => new MenuButton($"B{i}", MenuButtonKinds.Click, Key: $"K{i}"))]), Ct));
        var bad = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.SaveAccountMenuAsync(account.Id, new AccountMenu(
        [
            new MenuButton("一二三四五六", MenuButtonKinds.Click, Key: new string('k', 129)),
            new MenuButton("Links",
                SubButtons:
                [
                    new MenuButton("FTP", MenuButtonKinds.View, Url: "ftp://tea.example.com/"),
                    new MenuButton(new string('n', 61), MenuButtonKinds.View, Url: "https://tea.example.com/" + new string('p', 1001)),
                    new MenuButton("Scan", "scancode_push", Key: "S"),
                    new MenuButton("App", MenuButtonKinds.MiniProgram, Url: "https://tea.example.com/"),
                ]),
            new MenuButton("Six", SubButtons: [.. Enumerable.Range(0, 6).Select(i => new MenuButton($"I{i}", MenuButtonKinds.Click, Key: $"I{i}"))]),
        ]), Ct));

        Assert.Equal(["buttons"], tooMany.Problem!.Errors!.Keys);
        Assert.Equal(
            [
                "buttons[0].key", "buttons[0].name", "buttons[1].subButtons[0].url", "buttons[1].subButtons[1].name", "buttons[1].subButtons[1].url",
                "buttons[1].subButtons[2].kind", "buttons[1].subButtons[3].appId", "buttons[1].subButtons[3].pagePath", "buttons[2].subButtons",
            ],
            bad.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty((await owner.Client.GetAccountMenuAsync(account.Id, Ct)).Buttons);

        // Sixteen bytes is the most a button's name takes: five Chinese characters (15 bytes) fit.
        var saved = await owner.Client.SaveAccountMenuAsync(account.Id, new AccountMenu([new MenuButton("一二三四五", MenuButtonKinds.Click, Key: "K")]), Ct);
        Assert.Equal("一二三四五", Assert.Single(saved.Buttons).Name);
    }

    [Theory, ProviderData]
    public async Task TheStudioAndTheAppApi_EditOneMenu_InWeChatsShapeWithItsErrcodes(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var created = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Menu Bot", OfficialAccountKinds.Subscription), Ct);
        var other = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Elsewhere", OfficialAccountKinds.Subscription), Ct);
        var account = created.Account;
        using var http = app.CreateClient();
        var token = await TokenAsync(http, created);
        var otherToken = await TokenAsync(http, other);
        await owner.Client.SaveAccountMenuAsync(account.Id, TeaMenu, Ct);

        var shown = await GetAsync(http, $"/cgi-bin/menu/get?access_token={token}");
        var buttons = (JsonArray)shown["menu"]!["button"]!;
        Assert.Equal("""{"type":"click","name":"Today","key":"TODAY","sub_button":[]}""", buttons[0]!.ToJsonString());
        Assert.Equal(
            """{"name":"More","sub_button":[{"type":"view","name":"Our site","url":"https://tea.example.com/","sub_button":[]},{"type":"miniprogram","name":"Order","url":"https://tea.example.com/order","appid":"wx286b93c14bbf93aa","pagepath":"pages/order","sub_button":[]},{"type":"click","name":"Like us","key":"LIKE","sub_button":[]}]}""",
            buttons[1]!.ToJsonString());
        Assert.Equal(46003, Code(await GetAsync(http, $"/cgi-bin/menu/get?access_token={otherToken}")));

        // A bot replaces the menu as WeChat's example does; the studio reads it, the reply kept for the same key.
        var create = $"/cgi-bin/menu/create?access_token={token}";
        Assert.Equal(0, Code(await PostAsync(http, create, """
            {"button":[{"type":"click","name":"今日歌曲","key":"TODAY"},{"name":"菜单","sub_button":[{"type":"view","name":"搜索","url":"http://www.soso.com/"},{"type":"click","name":"赞一下我们","key":"V1001_GOOD"}]}]}
            """, "application/json")));
        var studio = await owner.Client.GetAccountMenuAsync(account.Id, Ct);
        Assert.Equal(("今日歌曲", "TODAY", "Oolong and buns today."), (studio.Buttons[0].Name, studio.Buttons[0].Key, studio.Buttons[0].Reply));
        Assert.Equal(["搜索", "赞一下我们"], studio.Buttons[1].SubButtons!.Select(b => b.Name));

        Assert.Equal(40016, Code(await PostAsync(http, create, """{"button":[]}""", null)));
        Assert.Equal(40016, Code(await PostAsync(http, create, """{"button":[{"type":"click","name":"a","key":"a"},{"type":"click","name":"b","key":"b"},{"type":"click","name":"c","key":"c"},{"type":"click","name":"d","key":"d"}]}""", null)));
        Assert.Equal(40017, Code(await PostAsync(http, create, """{"button":[{"type":"scancode_push","name":"扫码","key":"s"}]}""", null)));
        Assert.Equal(40018, Code(await PostAsync(http, create, """{"button":[{"type":"click","name":"一二三四五六","key":"s"}]}""", null)));
        Assert.Equal(40019, Code(await PostAsync(http, create, $$"""{"button":[{"type":"click","name":"k","key":"{{new string('k', 129)}}"}]}""", null)));
        Assert.Equal(40055, Code(await PostAsync(http, create, """{"button":[{"type":"view","name":"v","url":"javascript:alert(1)"}]}""", null)));
        var six = string.Join(',', Enumerable.Repeat("""{"type":"click","name":"i","key":"i"}""", 6));
        Assert.Equal(40023, Code(await PostAsync(http, create, $$"""{"button":[{"name":"six","sub_button":[{{six}}]}]}""", null)));
        Assert.Equal(40024, Code(await PostAsync(http, create, """{"button":[{"name":"p","sub_button":[{"type":"location_select","name":"i","key":"i"}]}]}""", null)));
        Assert.Equal(40025, Code(await PostAsync(http, create, $$"""{"button":[{"name":"p","sub_button":[{"type":"click","name":"{{new string('n', 61)}}","key":"i"}]}]}""", null)));
        Assert.Equal(40054, Code(await PostAsync(http, create, """{"button":[{"name":"p","sub_button":[{"type":"view","name":"i","url":"not a url"}]}]}""", null)));
        Assert.Equal(41001, Code(await PostAsync(http, "/cgi-bin/menu/create", """{"button":[]}""", null)));
        Assert.Equal("今日歌曲", (await owner.Client.GetAccountMenuAsync(account.Id, Ct)).Buttons[0].Name);

        // Another account's token reaches only that account's menu.
        Assert.Equal(0, Code(await GetAsync(http, $"/cgi-bin/menu/delete?access_token={otherToken}")));
        Assert.Equal(2, (await owner.Client.GetAccountMenuAsync(account.Id, Ct)).Buttons.Count);

        Assert.Equal(0, Code(await GetAsync(http, $"/cgi-bin/menu/delete?access_token={token}")));
        Assert.Equal(46003, Code(await GetAsync(http, $"/cgi-bin/menu/get?access_token={token}")));
        Assert.Empty((await owner.Client.GetAccountMenuAsync(account.Id, Ct)).Buttons);
        await owner.Client.SaveAccountMenuAsync(account.Id, TeaMenu, Ct);
        await owner.Client.DeleteAccountMenuAsync(account.Id, Ct);
        Assert.Equal(46003, Code(await GetAsync(http, $"/cgi-bin/menu/get?access_token={token}")));
    }

    [Theory, ProviderData]
    public async Task OnlyAdmins_EditTheMenu_FollowersSeeItWithoutReplies_AndOthersNeither(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var account = await owner.NewAccountAsync(name: "Guarded");
        await owner.Client.SaveAccountMenuAsync(account.Id, TeaMenu, Ct);
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);

        var seen = await mei.Client.GetAccountMenuAsync(account.Id, Ct);

        Assert.Equal(["Today", "More"], seen.Buttons.Select(b => b.Name));
        Assert.Null(seen.Buttons[0].Reply);
        Assert.Equal("Oolong and buns today.", (await owner.Client.GetAccountMenuAsync(account.Id, Ct)).Buttons[0].Reply);
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => mei.Client.SaveAccountMenuAsync(account.Id, new AccountMenu([]), Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => mei.Client.DeleteAccountMenuAsync(account.Id, Ct));
        await AccountsTests.ExpectAsync(409, ErrorCodes.FollowerNotFound, () => stranger.Client.GetAccountMenuAsync(account.Id, Ct));
        await AccountsTests.ExpectAsync(409, ErrorCodes.FollowerNotFound, () => stranger.Client.ClickAccountMenuAsync(account.Id, new MenuClickRequest("TODAY"), Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.AccountNotFound, () => mei.Client.GetAccountMenuAsync("not-an-id", Ct));
        Assert.Equal(2, (await owner.Client.GetAccountMenuAsync(account.Id, Ct)).Buttons.Count);
    }

    [Theory, ProviderData]
    public async Task AClick_AnswersWithTheItemsReply_AndOpensTheEventWindow(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var created = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Clicks", OfficialAccountKinds.Subscription), Ct);
        var account = created.Account;
        await owner.Client.SaveAccountMenuAsync(account.Id, TeaMenu, Ct);
        var openId = await owner.FollowedByAsync(account.Id, mei);
        using var http = app.CreateClient();
        var token = await TokenAsync(http, created);
        var send = $"/cgi-bin/message/custom/send?access_token={token}";
        string Text(int i) => $$$"""{"touser":"{{{openId}}}","msgtype":"text","text":{"content":"Hello {{{i}}}"}}""";
        // The follow's window first, so what follows is the click's.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, Code(await PostAsync(http, send, Text(i), null)));
        }

        Assert.Equal(45015, Code(await PostAsync(http, send, Text(3), null)));
        await using var online = await app.ConnectAsync(mei.Client);

        await AccountsTests.ExpectAsync(404, ErrorCodes.MenuItemNotFound, () => mei.Client.ClickAccountMenuAsync(account.Id, new MenuClickRequest("NOPE"), Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.MenuItemNotFound, () => mei.Client.ClickAccountMenuAsync(account.Id, new MenuClickRequest(Url: "https://elsewhere.example.com/"), Ct));
        await mei.Client.ClickAccountMenuAsync(account.Id, new MenuClickRequest(Url: "https://tea.example.com/"), Ct);
        Assert.Equal(45015, Code(await PostAsync(http, send, Text(4), null)));
        await mei.Client.ClickAccountMenuAsync(account.Id, new MenuClickRequest("TODAY"), Ct);
        var reply = await online.NextAccountMessageAsync(e => e.Message.FromAccount && e.Message.Content is TextContent t && !t.Text.StartsWith("Hello", StringComparison.Ordinal), "the item's reply");

        Assert.Equal("Oolong and buns today.", ((TextContent)reply.Message.Content).Text);
        for (var i = 5; i < 8; i++)
        {
            Assert.Equal(0, Code(await PostAsync(http, send, Text(i), null)));
        }

        Assert.Equal(45015, Code(await PostAsync(http, send, Text(8), null)));
    }

    [Theory, ProviderData]
    public async Task InDeveloperMode_ClicksAndLinks_ArePushedAsWeChatDoes_AndThePassiveReplyLandsInTheThread(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Menu Bot");
        await using var bot = await FakeDeveloperServer.StartAsync();
        bot.Answer = (push, _) => push.Message.Element("Event")?.Value == "CLICK"
            ? FakeDeveloperServer.TextReply(push, "Clicked " + push.Message.Element("EventKey")!.Value)
            : "success";
        await owner.Client.SaveDeveloperSettingsAsync(account.Id, new DeveloperSettingsRequest(bot.Url, bot.Token), Ct);
        await owner.Client.SaveAccountMenuAsync(account.Id, TeaMenu, Ct);
        var openId = await owner.FollowedByAsync(account.Id, mei);
        await bot.NextPushAsync();
        await using var online = await app.ConnectAsync(mei.Client);

        await mei.Client.ClickAccountMenuAsync(account.Id, new MenuClickRequest(Url: "https://tea.example.com/"), Ct);
        var view = await bot.NextPushAsync();
        await mei.Client.ClickAccountMenuAsync(account.Id, new MenuClickRequest("TODAY"), Ct);
        var click = await bot.NextPushAsync();
        var reply = await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the bot's passive reply");

        Assert.Equal(
            ["ToUserName", "FromUserName", "CreateTime", "MsgType", "Event", "EventKey"],
            click.Message.Elements().Select(e => e.Name.LocalName));
        Assert.Equal((account.OriginalId, openId, "event", "CLICK", "TODAY"),
            (click.Message.Element("ToUserName")!.Value, click.Message.Element("FromUserName")!.Value, click.Message.Element("MsgType")!.Value,
             click.Message.Element("Event")!.Value, click.Message.Element("EventKey")!.Value));
        Assert.Equal(
            ["ToUserName", "FromUserName", "CreateTime", "MsgType", "Event", "EventKey", "MenuId"],
            view.Message.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(("VIEW", "https://tea.example.com/"), (view.Message.Element("Event")!.Value, view.Message.Element("EventKey")!.Value));
        Assert.True(long.Parse(view.Message.Element("MenuId")!.Value, CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Clicked TODAY", ((TextContent)reply.Message.Content).Text);
        // The bot answered the link with nothing and the click with its reply; the studio's reply for the item stays unsent.
        var thread = await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct);
        Assert.Equal(["Clicked TODAY"], thread.Messages.Select(m => ((TextContent)m.Content).Text));
    }

    private static async Task<string> TokenAsync(HttpClient http, CreatedOfficialAccount created) =>
        (string)(await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={created.Account.Admin!.AppId}&secret={created.AppSecret}"))["access_token"]!;
}
