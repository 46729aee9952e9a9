using System.Net;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core.Identity;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Hutong.OfficialAccounts.Tests.AppApiKit;

namespace Hutong.OfficialAccounts.Tests.WebAuth;

/// <summary>
/// Web authorization as WeChat's pages and servers use it: the client authorizes a page on the person's behalf, the
/// page's server exchanges the code at <c>/sns/oauth2/access_token</c> for the person's openid at the account, once.
/// </summary>
public sealed class WebAuthTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private const string Shop = "https://shop.example.com/pay?item=7#top";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An account of the owner's with shop.example.com as its web authorization domain, and its secret.</summary>
    private static async Task<(OfficialAccountInfo Account, string AppId, string Secret)> ShopAccountAsync(TestUser owner, string name = "Tea Shop")
    {
        var created = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(name, OfficialAccountKinds.Subscription), Ct);
        await owner.Client.SetWebAuthDomainsAsync(created.Account.Id, ["shop.example.com"], Ct);
        return (created.Account, created.Account.Admin!.AppId, created.AppSecret);
    }

    private static WebAuthorizeRequest Base(string appId, string redirectUri = Shop, string? state = "s-1") =>
        new(appId, redirectUri, WebAuthScopes.Base, state);

    private static string CodeOf(string redirectUrl) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(redirectUrl).Query)["code"]!;

    private static string Exchange(string appId, string secret, string code) =>
        $"/sns/oauth2/access_token?appid={appId}&secret={secret}&code={Uri.EscapeDataString(code)}&grant_type=authorization_code";

    [Theory, ProviderData]
    public async Task APagesCode_GivesItsServerThePersonsOpenIdAtTheAccount_Once(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (account, appId, secret) = await ShopAccountAsync(owner);
        var followerOpenId = await owner.FollowedByAsync(account.Id, mei);

        var authorized = await mei.Client.AuthorizeWebPageAsync(Base(appId), Ct);
        var code = CodeOf(authorized.RedirectUrl);
        var token = await GetAsync(http, Exchange(appId, secret, code));
        var again = await GetAsync(http, Exchange(appId, secret, code));

        // The code and state go into the query, before the fragment, as WeChat sends them.
        Assert.Equal($"https://shop.example.com/pay?item=7&code={code}&state=s-1#top", authorized.RedirectUrl);
        Assert.Matches("^[A-Za-z0-9_-]{32}$", code);
        Assert.Equal(["access_token", "expires_in", "refresh_token", "openid", "scope", "unionid"], token.Select(p => p.Key));
        var openId = (string)token["openid"]!;
        Assert.Equal(await app.Services.GetRequiredService<OpenIds>().ForAsync(appId, Guid.Parse(mei.UserId), Ct), openId);
        Assert.Equal(followerOpenId, openId);
        Assert.Equal((7200, "snsapi_base"), ((int)token["expires_in"]!, (string)token["scope"]!));
        Assert.Equal(40163, Code(again));
        Assert.Equal("code been used", (string)again["errmsg"]!);

        // The web access token is the person's at this account: /sns/auth says so for their openid only.
        var accessToken = (string)token["access_token"]!;
        Assert.Equal(0, Code(await GetAsync(http, $"/sns/auth?access_token={accessToken}&openid={openId}")));
        Assert.Equal(40003, Code(await GetAsync(http, $"/sns/auth?access_token={accessToken}&openid=o-someone-else")));
        Assert.Equal(40001, Code(await GetAsync(http, $"/sns/auth?access_token=forged&openid={openId}")));
        // A snsapi_base token reads no profile, as on WeChat.
        Assert.Equal(48001, Code(await GetAsync(http, $"/sns/userinfo?access_token={accessToken}&openid={openId}&lang=zh_CN")));

        // The refresh token gives a new access token for the same person, and only at its own account.
        var refreshed = await GetAsync(http, $"/sns/oauth2/refresh_token?appid={appId}&grant_type=refresh_token&refresh_token={token["refresh_token"]}");
        Assert.Equal((openId, (string)token["refresh_token"]!), ((string)refreshed["openid"]!, (string)refreshed["refresh_token"]!));
        Assert.NotEqual(accessToken, (string)refreshed["access_token"]!);
        Assert.Equal(0, Code(await GetAsync(http, $"/sns/auth?access_token={refreshed["access_token"]}&openid={openId}")));
        var (_, otherAppId, _) = await ShopAccountAsync(owner, "Bakery");
        Assert.Equal(40030, Code(await GetAsync(http, $"/sns/oauth2/refresh_token?appid={otherAppId}&grant_type=refresh_token&refresh_token={token["refresh_token"]}")));
        Assert.Equal(40002, Code(await GetAsync(http, $"/sns/oauth2/refresh_token?appid={appId}&grant_type=authorization_code&refresh_token={token["refresh_token"]}")));
    }

    [Theory, ProviderData]
    public async Task AnExchange_IsCheckedAsWeChatChecksIt_AndAnotherAccountsCodeIsRefusedWithoutUsingIt(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (_, appId, secret) = await ShopAccountAsync(owner, "Tea Shop");
        var (_, bakeryAppId, bakerySecret) = await ShopAccountAsync(owner, "Bakery");
        var code = CodeOf((await mei.Client.AuthorizeWebPageAsync(Base(appId), Ct)).RedirectUrl);

        Assert.Equal(40013, Code(await GetAsync(http, Exchange("wx0000000000000000", secret, code))));
        Assert.Equal(40125, Code(await GetAsync(http, Exchange(appId, "not-the-secret", code))));
        Assert.Equal(40002, Code(await GetAsync(http, $"/sns/oauth2/access_token?appid={appId}&secret={secret}&code={code}&grant_type=client_credential")));
        Assert.Equal(40029, Code(await GetAsync(http, Exchange(appId, secret, "made-up"))));
        Assert.Equal(40029, Code(await GetAsync(http, $"/sns/oauth2/access_token?appid={appId}&secret={secret}&grant_type=authorization_code")));
        // The bakery's server cannot use the tea shop's code, with its own secret or any other...
        Assert.Equal(40029, Code(await GetAsync(http, Exchange(bakeryAppId, bakerySecret, code))));
        Assert.Equal("invalid code", (string)(await GetAsync(http, Exchange(bakeryAppId, bakerySecret, code)))["errmsg"]!);

        // ...and none of those attempts used the code up for the tea shop.
        var token = await GetAsync(http, Exchange(appId, secret, code));
        Assert.Equal(0, Code(token));
        Assert.Equal(await app.Services.GetRequiredService<OpenIds>().ForAsync(appId, Guid.Parse(mei.UserId), Ct), (string)token["openid"]!);
    }

    [Theory, ProviderData]
    public async Task ACode_LastsFiveMinutes_AndAnAccessTokenTwoHours(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (_, appId, secret) = await ShopAccountAsync(owner);

        var late = CodeOf((await mei.Client.AuthorizeWebPageAsync(Base(appId), Ct)).RedirectUrl);
        var inTime = CodeOf((await mei.Client.AuthorizeWebPageAsync(Base(appId), Ct)).RedirectUrl);
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var token = await GetAsync(http, Exchange(appId, secret, inTime));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, Code(token));
        Assert.Equal(40029, Code(await GetAsync(http, Exchange(appId, secret, late))));

        var check = $"/sns/auth?access_token={token["access_token"]}&openid={token["openid"]}";
        clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(5));
        Assert.Equal(0, Code(await GetAsync(http, check)));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(40001, Code(await GetAsync(http, check)));

        // The refresh token still renews it, for 30 days from the exchange.
        var refresh = $"/sns/oauth2/refresh_token?appid={appId}&grant_type=refresh_token&refresh_token={token["refresh_token"]}";
        Assert.Equal(0, Code(await GetAsync(http, refresh)));
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(40030, Code(await GetAsync(http, refresh)));
    }

    [Theory, ProviderData]
    public async Task Authorize_SendsCodesOnlyToTheAccountsDomains_AndRefusesWhatWeChatRefuses(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var (_, appId, _) = await ShopAccountAsync(owner);

        foreach (var elsewhere in new[] { "https://pay.shop.example.com/", "https://example.com/", "https://shop.example.com.evil.example/", "https://evil.example/?u=https://shop.example.com/" })
        {
            var refused = await AccountsTests.ExpectAsync(403, ErrorCodes.RedirectUriMismatch, () => mei.Client.AuthorizeWebPageAsync(Base(appId, elsewhere), Ct));
            Assert.Contains("10003", refused.Problem?.Detail, StringComparison.Ordinal);
        }

        // Any port and letter case of the domain's host, and no state at all, are fine.
        Assert.Equal("https://SHOP.example.com:8443/?code=", (await mei.Client.AuthorizeWebPageAsync(Base(appId, "https://SHOP.example.com:8443/", state: null), Ct)).RedirectUrl[..36]);
        Assert.EndsWith("&state=", (await mei.Client.AuthorizeWebPageAsync(Base(appId, "https://shop.example.com/", state: null), Ct)).RedirectUrl, StringComparison.Ordinal);

        await AccountsTests.ExpectAsync(400, ErrorCodes.ScopeNotSupported, () => mei.Client.AuthorizeWebPageAsync(Base(appId) with { Scope = WebAuthScopes.UserInfo }, Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.AccountNotFound, () => mei.Client.AuthorizeWebPageAsync(Base("wx0000000000000000"), Ct));
        var fields = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.AuthorizeWebPageAsync(new WebAuthorizeRequest(null, null, null, new string('s', 129), "token"), Ct));
        Assert.Equal(["appId", "redirectUri", "responseType", "scope", "state"], fields.Problem!.Errors!.Keys.Order(StringComparer.Ordinal));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.AuthorizeWebPageAsync(Base(appId) with { Scope = "snsapi_login" }, Ct));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.AuthorizeWebPageAsync(Base(appId, "javascript:alert(1)//shop.example.com"), Ct));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.AuthorizeWebPageAsync(Base(appId, "https://mei@shop.example.com/"), Ct));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.AuthorizeWebPageAsync(Base(appId, "/pay"), Ct));
    }

    [Theory, ProviderData]
    public async Task TheDomains_AreTheOwnersToSet_AsHostNames(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Noodle Bar");

        var empty = await owner.Client.GetWebAuthDomainsAsync(account.Id, Ct);
        var saved = await owner.Client.SetWebAuthDomainsAsync(account.Id, [" Shop.Example.COM. ", "127.0.0.1", "shop.example.com", "noodles.example"], Ct);

        Assert.Empty(empty.Domains);
        Assert.Equal(["shop.example.com", "127.0.0.1", "noodles.example"], saved.Domains);
        Assert.Equal(saved.Domains, (await owner.Client.GetWebAuthDomainsAsync(account.Id, Ct)).Domains);
        foreach (var wrong in new[] { "https://shop.example.com", "shop.example.com:8080", "shop.example.com/pay", "*.example.com", "" })
        {
            var refused = await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.SetWebAuthDomainsAsync(account.Id, [wrong], Ct));
            Assert.Equal(["domains"], refused.Problem!.Errors!.Keys);
        }

        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.SetWebAuthDomainsAsync(account.Id, ["a.example", "b.example", "c.example", "d.example", "e.example", "f.example"], Ct));
        Assert.Equal(saved.Domains, (await owner.Client.GetWebAuthDomainsAsync(account.Id, Ct)).Domains);
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => mei.Client.SetWebAuthDomainsAsync(account.Id, ["mei.example"], Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => mei.Client.GetWebAuthDomainsAsync(account.Id, Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.AccountNotFound, () => owner.Client.GetWebAuthDomainsAsync("not-an-id", Ct));
        Assert.Empty((await owner.Client.SetWebAuthDomainsAsync(account.Id, [], Ct)).Domains);
    }

    [Theory, ProviderData]
    public async Task TheNode_ServesTheAuthorizePage_OnlyToItsOwnFrames_AndTheBridgeToAnySite(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        using var http = app.CreateClient();

        using var page = await http.GetAsync(new Uri("/connect/oauth2/authorize?appid=wx1&redirect_uri=https%3A%2F%2Fshop.example.com%2F&response_type=code&scope=snsapi_base&state=1", UriKind.Relative), Ct);
        using var bridge = await http.GetAsync(new Uri("/js/jweixin-1.6.0.js", UriKind.Relative), Ct);
        using var weChatPath = await http.GetAsync(new Uri("/open/js/jweixin-1.6.0.js", UriKind.Relative), Ct);

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("frame-ancestors 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("请在 Hutong 中打开此链接", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (bridge.StatusCode, bridge.Content.Headers.ContentType?.MediaType));
        Assert.Equal("cross-origin", bridge.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        var script = await bridge.Content.ReadAsStringAsync(Ct);
        Assert.Contains("WeixinJSBridgeReady", script, StringComparison.Ordinal);
        Assert.Equal(script, await weChatPath.Content.ReadAsStringAsync(Ct));
    }
}
