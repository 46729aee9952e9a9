using System.Text.Json.Nodes;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.OfficialAccounts.Tests.AppApiKit;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>The app API under /cgi-bin/ as a WeChat bot calls it: errcodes, tokens, custom and mass sends, followers.</summary>
public sealed class AppApiTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Tokens_AreGivenForTheRightCredentials_AndEachStaysValid(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var created = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Bot Home", OfficialAccountKinds.Subscription), Ct);
        var appId = created.Account.Admin!.AppId;
        using var http = app.CreateClient();

        Assert.Equal(40002, Code(await GetAsync(http, $"/cgi-bin/token?grant_type=password&appid={appId}&secret={created.AppSecret}")));
        Assert.Equal(40013, Code(await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid=wx0000000000000000&secret={created.AppSecret}")));
        Assert.Equal(40125, Code(await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret=nope")));
        var first = await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={created.AppSecret}");
        var second = await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={created.AppSecret}");

        Assert.Equal(7200, (int)first["expires_in"]!);
        Assert.Matches("^[A-Za-z0-9_-]+$", (string)first["access_token"]!);
        foreach (var token in new[] { (string)first["access_token"]!, (string)second["access_token"]! })
        {
            Assert.Equal(0, (int)(await GetAsync(http, $"/cgi-bin/user/get?access_token={token}"))["total"]!);
        }

        Assert.Equal(41001, Code(await GetAsync(http, "/cgi-bin/user/get")));
        Assert.Equal(40001, Code(await GetAsync(http, "/cgi-bin/user/get?access_token=forged")));

        // stable_token: the same token however often it is asked for, read from a body sent as text.
        var body = $$"""{"grant_type":"client_credential","appid":"{{appId}}","secret":"{{created.AppSecret}}"}""";
        var stable = await PostAsync(http, "/cgi-bin/stable_token", body, "text/plain");
        Assert.Equal((string)stable["access_token"]!, (string)(await PostAsync(http, "/cgi-bin/stable_token", body, null))["access_token"]!);
        Assert.InRange((int)stable["expires_in"]!, 1, 7200);
        Assert.Equal(0, (int)(await GetAsync(http, $"/cgi-bin/user/get?access_token={stable["access_token"]}"))["total"]!);
    }

    [Theory, ProviderData]
    public async Task CustomAndMassSends_KeepTheWindowAndTheQuota_AndReachOnlyTheirOwnFollowers(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var created = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Bot Home", OfficialAccountKinds.Subscription), Ct);
        var account = created.Account;
        var other = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Elsewhere", OfficialAccountKinds.Subscription), Ct);
        var openId = await owner.FollowedByAsync(account.Id, mei);
        var elsewhereOpenId = await owner.FollowedByAsync(other.Account.Id, mei);
        using var http = app.CreateClient();
        var token = (string)(await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={account.Admin!.AppId}&secret={created.AppSecret}"))["access_token"]!;

        var info = await GetAsync(http, $"/cgi-bin/user/info?access_token={token}&openid={openId}&lang=zh_CN");
        Assert.Equal((1, openId, "zh_CN", "ADD_SCENE_OTHERS"), ((int)info["subscribe"]!, (string)info["openid"]!, (string)info["language"]!, (string)info["subscribe_scene"]!));
        Assert.Equal(40003, Code(await GetAsync(http, $"/cgi-bin/user/info?access_token={token}&openid={elsewhereOpenId}")));
        Assert.Equal([openId], ((JsonArray)(await GetAsync(http, $"/cgi-bin/user/get?access_token={token}"))["data"]!["openid"]!).Select(o => (string)o!));

        // The follow opened 3 messages for a minute; the fourth is outside the window.
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={token}", $$$"""{"touser":"{{{openId}}}","msgtype":"text","text":{"content":"Hello {{{i}}}"}}""", "application/json")));
        }

        Assert.Equal(45015, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={token}", $$$"""{"touser":"{{{openId}}}","msgtype":"text","text":{"content":"Hello 4"}}""", "application/json")));
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={token}", $$$"""{"touser":"{{{elsewhereOpenId}}}","msgtype":"text","text":{"content":"Not mine"}}""", null)));
        Assert.Equal(40008, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={token}", $$$"""{"touser":"{{{openId}}}","msgtype":"music","music":{}}""", null)));
        Assert.Equal(47001, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={token}", "not json", null)));
        Assert.Equal(44002, Code(await PostAsync(http, $"/cgi-bin/message/custom/send?access_token={token}", "", null)));

        var mass = await PostAsync(http, $"/cgi-bin/message/mass/sendall?access_token={token}", """{"filter":{"is_to_all":true},"msgtype":"text","text":{"content":"Weekly news"}}""", null);
        Assert.Equal((0, "send job submission success"), (Code(mass), (string)mass["errmsg"]!));
        Assert.True((long)mass["msg_id"]! > 0);
        Assert.Equal(45028, Code(await PostAsync(http, $"/cgi-bin/message/mass/sendall?access_token={token}", """{"filter":{"is_to_all":true},"msgtype":"text","text":{"content":"Again"}}""", null)));
        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/message/mass/preview?access_token={token}", $$$"""{"touser":"{{{openId}}}","msgtype":"text","text":{"content":"Preview"}}""", null)));

        var thread = (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Select(m => ((TextContent)m.Content).Text);
        Assert.Equal(["Preview", "Weekly news", "Hello 3", "Hello 2", "Hello 1"], thread);
        Assert.Empty((await mei.Client.GetAccountThreadAsync(other.Account.Id, cancellationToken: Ct)).Messages);
    }
}
