using System.Net;
using System.Text.Json.Nodes;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Hutong.Web.WebView;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.WebView;

/// <summary>
/// The web view over a recording server: only http and https pages open, in a sandboxed frame; only messages from
/// that frame are heard; a page's getBrandWCPayRequest opens the cashier and hears WeChat's answer; the node's
/// authorize page, and only it, gets the person authorized.
/// </summary>
public sealed class WebViewPageTests : IAsyncDisposable
{
    private const string Shop = "https://shop.example.com";
    private const string AccountId = "oa-1";

    private static readonly Strings S = Strings.English;

    private static readonly JsonObject PayArgs = new()
    {
        ["appId"] = "wx0123456789abcdef",
        ["timeStamp"] = 1767225600,
        ["nonceStr"] = "5K8264ILTKCH16CQ",
        ["package"] = "prepay_id=wx2026031812000012345678",
        ["signType"] = "RSA",
        ["paySign"] = "c2lnbmVk",
    };

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public WebViewPageTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _context.JSInterop.SetupModule("./web-view.js");
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{AccountId}", () => RecordingHandler.Json(
            new OfficialAccountInfo(AccountId, OfficialAccountKinds.Service, "Tea House", "", null, "gh_0123456789ab", 1, true, false),
            HutongJsonContext.Default.OfficialAccountInfo));
        _server.Answer(HttpMethod.Get, "api/v1/wallet", () => RecordingHandler.Json(
            new WalletInfo(10_000, "CNY", true, 10_000, WalletLimits.Defaults), HutongJsonContext.Default.WalletInfo));
        _server.Answer(HttpMethod.Post, "api/v1/payments/preview", () => RecordingHandler.Json(
            new PaymentPreview("Tea House", "Oolong, a pot", 2_800, "CNY", PaymentStates.Unpaid, "wx0123456789abcdef", "Tea House", null),
            HutongJsonContext.Default.PaymentPreview));
        _server.Answer(HttpMethod.Post, "api/v1/payments", () => RecordingHandler.Json(
            new PaymentResult("4220260318123456789012345678", PaymentStates.Paid, "Tea House", "Oolong, a pot", 2_800, "CNY", Sample.Noon),
            HutongJsonContext.Default.PaymentResult));
    }

    private NavigationManager Nav => _context.Services.GetRequiredService<NavigationManager>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<WebViewPage> Open(string url, string? accountId = AccountId)
    {
        Nav.NavigateTo(WebLinks.Route(url, accountId));
        var page = _context.Render<WebViewPage>();
        if (WebLinks.Page(url) is not null && accountId is not null)
        {
            page.WaitForAssertion(() => Assert.Contains("Tea House", page.Find(".web-host").TextContent, StringComparison.Ordinal));
        }

        return page;
    }

    private static string Invoke(string name, JsonObject? args, int id = 7) =>
        new JsonObject { ["hutong"] = "invoke", ["id"] = id, ["name"] = name, ["args"] = args?.DeepClone() }.ToJsonString();

    private static JsonObject Answer(string? json) => (JsonObject)JsonNode.Parse(json ?? "null")!;

    [Fact]
    public void AWebLink_OpensInASandboxedFrame_UnderItsHostAndTheAccount()
    {
        var page = Open(Shop + "/pay?item=7");

        var frame = page.Find("iframe.web-frame");
        Assert.Equal("https://shop.example.com/pay?item=7", frame.GetAttribute("src"));
        Assert.Equal(
            ["allow-forms", "allow-popups", "allow-popups-to-escape-sandbox", "allow-same-origin", "allow-scripts"],
            frame.GetAttribute("sandbox")!.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal("Web page: shop.example.com", frame.GetAttribute("title"));
        Assert.Equal("shop.example.com", page.Find("h1").TextContent);
        Assert.Equal("Page by shop.example.com · Tea House", page.Find(".web-host").TextContent);
        var open = page.Find("a#web-open");
        Assert.Equal(("https://shop.example.com/pay?item=7", "_blank", S.WebView.OpenInBrowser), (open.GetAttribute("href"), open.GetAttribute("target"), open.GetAttribute("aria-label")));
        Assert.Contains("noopener", open.GetAttribute("rel")!.Split(' '));
        Assert.Equal(S.WebView.ClosePage, page.Find("button#web-close").GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(document.cookie)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://shop.example.com/menu.pdf")]
    [InlineData("shop.example.com/pay")]
    [InlineData("")]
    public void OnlyHttpAndHttps_Open(string url)
    {
        var page = Open(url, accountId: null);

        Assert.Empty(page.FindAll("iframe"));
        Assert.Empty(page.FindAll("a#web-open"));
        Assert.Equal(S.WebView.CannotOpen, page.Find("[role=alert] h2").TextContent);
    }

    [Fact]
    public void ALinkToTheNodeItself_OpensTheClientsOwnPage()
    {
        Open("http://localhost/a/01a2b3c4", accountId: null);

        Assert.Equal("http://localhost/articles/01a2b3c4", Nav.Uri);
    }

    [Fact]
    public async Task AMessageFromAnotherWindow_IsIgnored()
    {
        var page = Open(Shop + "/pay");

        var invoke = await page.InvokeAsync(() => page.Instance.OnMessage(false, Shop, Invoke("getBrandWCPayRequest", PayArgs)));
        var hello = await page.InvokeAsync(() => page.Instance.OnMessage(false, Shop, """{"hutong":"hello","title":"Not the page"}"""));
        var authorize = await page.InvokeAsync(() => page.Instance.OnMessage(false, "http://localhost",
            """{"hutong":"authorize","appId":"wx1","redirectUri":"https://shop.example.com/","scope":"snsapi_base","responseType":"code"}"""));

        Assert.Equal((null, null, null), (invoke, hello, authorize));
        Assert.Empty(page.FindAll("[role=dialog]"));
        Assert.Equal("shop.example.com", page.Find("h1").TextContent);
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePagesHello_IsAnsweredReady_AndItsTitleShows()
    {
        var page = Open(Shop + "/pay");

        var ready = await page.InvokeAsync(() => page.Instance.OnMessage(true, Shop, """{"hutong":"hello","title":"  Tea Shop  ","url":"https://shop.example.com/pay?session=1"}"""));
        var opaque = await page.InvokeAsync(() => page.Instance.OnMessage(true, "null", """{"hutong":"hello","title":"Sandboxed"}"""));

        Assert.Equal("ready", (string?)Answer(ready)["hutong"]);
        Assert.Null(opaque);
        Assert.Equal("Tea Shop", page.Find("h1").TextContent);
        Assert.Equal("Web page: Tea Shop", page.Find("iframe").GetAttribute("title"));
        Assert.Equal("https://shop.example.com/pay?session=1", page.Find("a#web-open").GetAttribute("href"));

        // Another page loads in the frame: what this one said about itself no longer holds.
        await page.InvokeAsync(() => page.Instance.OnLoaded());
        Assert.Equal("shop.example.com", page.Find("h1").TextContent);
        Assert.Equal("https://shop.example.com/pay", page.Find("a#web-open").GetAttribute("href"));
    }

    [Fact]
    public async Task GetBrandWCPayRequest_OpensTheCashier_AndAnswersOkOncePaid()
    {
        var page = Open(Shop + "/pay");

        var answer = page.InvokeAsync(() => page.Instance.OnMessage(true, Shop, Invoke("getBrandWCPayRequest", PayArgs)));
        page.WaitForAssertion(() => Assert.Equal("Tea House", page.Find(".pay-merchant").TextContent));
        var sent = (JsonObject)JsonNode.Parse(_server.Bodies.Last(b => b.Request == "POST api/v1/payments/preview").Body)!;
        Assert.Equal(("wx0123456789abcdef", "1767225600", "prepay_id=wx2026031812000012345678", "c2lnbmVk"),
            ((string?)sent["appId"], (string?)sent["timeStamp"], (string?)sent["package"], (string?)sent["paySign"]));
        Assert.False(answer.IsCompleted);

        await page.Find("#pay-pin").InputAsync(new ChangeEventArgs { Value = "314159" });
        await page.Find("form").SubmitAsync(new());
        await page.FindAll("button").Single(b => b.TextContent == S.Payments.Done).ClickAsync(new());

        var result = Answer(await answer);
        Assert.Equal(("result", 7), ((string?)result["hutong"], (int?)result["id"]));
        Assert.Equal("get_brand_wcpay_request:ok", (string?)result["res"]!["err_msg"]);
        Assert.Empty(page.FindAll("[role=dialog]"));
    }

    [Fact]
    public async Task GetBrandWCPayRequest_ClosedWithoutPaying_AnswersCancel_AndARefusalAnswersFail()
    {
        var page = Open(Shop + "/pay");

        var cancelled = page.InvokeAsync(() => page.Instance.OnMessage(true, Shop, Invoke("getBrandWCPayRequest", PayArgs)));
        page.WaitForAssertion(() => page.Find("#pay-pin"));
        await page.Find("[role=dialog]").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });
        Assert.Equal("get_brand_wcpay_request:cancel", (string?)Answer(await cancelled)["res"]!["err_msg"]);

        _server.Answer(HttpMethod.Post, "api/v1/payments/preview", () => RecordingHandler.Problem(HttpStatusCode.BadRequest, ErrorCodes.BadPaySign));
        var refused = page.InvokeAsync(() => page.Instance.OnMessage(true, Shop, Invoke("getBrandWCPayRequest", PayArgs, id: 8)));
        page.WaitForAssertion(() => page.Find("[data-testid=cashier-refused]"));
        await page.FindAll("button").Single(b => b.TextContent == S.Close && b.ClassList.Contains("primary")).ClickAsync(new());
        var res = Answer(await refused)["res"]!;
        Assert.Equal(("get_brand_wcpay_request:fail", ErrorCodes.BadPaySign), ((string?)res["err_msg"], (string?)res["err_desc"]));
    }

    [Fact]
    public async Task AnInvokeHutongDoesNotHave_AnswersFunctionNotExist_AndArgumentsThatAreNoObjectFail()
    {
        var page = Open(Shop + "/pay");

        var share = Answer(await page.InvokeAsync(() => page.Instance.OnMessage(true, Shop, Invoke("shareTimeline", new JsonObject()))));
        var noArgs = Answer(await page.InvokeAsync(() => page.Instance.OnMessage(true, Shop, Invoke("getBrandWCPayRequest", null))));

        Assert.Equal("system:function_not_exist", (string?)share["res"]!["err_msg"]);
        Assert.Equal("get_brand_wcpay_request:fail", (string?)noArgs["res"]!["err_msg"]);
        Assert.Empty(page.FindAll("[role=dialog]"));
    }

    [Fact]
    public async Task TheNodesAuthorizePage_GetsThePersonAuthorized_AndNoOtherOriginDoes()
    {
        _server.Answer(HttpMethod.Post, "api/v1/official-accounts/oauth/authorize", () => RecordingHandler.Json(
            new WebAuthorizeResponse("https://shop.example.com/pay?code=C0DE&state=s1"), HutongJsonContext.Default.WebAuthorizeResponse));
        var page = Open(Shop + "/pay");
        const string Asked = """{"hutong":"authorize","appId":"wx0123456789abcdef","redirectUri":"https://shop.example.com/pay","responseType":"code","scope":"snsapi_base","state":"s1"}""";

        var fromShop = await page.InvokeAsync(() => page.Instance.OnMessage(true, Shop, Asked));
        Assert.Null(fromShop);
        Assert.DoesNotContain("POST api/v1/official-accounts/oauth/authorize", _server.Requests);

        var redirect = Answer(await page.InvokeAsync(() => page.Instance.OnMessage(true, "http://localhost", Asked)));

        Assert.Equal(("redirect", "https://shop.example.com/pay?code=C0DE&state=s1"), ((string?)redirect["hutong"], (string?)redirect["url"]));
        var sent = (JsonObject)JsonNode.Parse(_server.Bodies.Single(b => b.Request == "POST api/v1/official-accounts/oauth/authorize").Body)!;
        Assert.Equal(("wx0123456789abcdef", "https://shop.example.com/pay", "snsapi_base", "s1", "code"),
            ((string?)sent["appId"], (string?)sent["redirectUri"], (string?)sent["scope"], (string?)sent["state"], (string?)sent["responseType"]));
    }

    [Fact]
    public async Task AnAuthorizationTheNodeRefuses_TellsTheAuthorizePageWhyInThePersonsLanguage()
    {
        _server.Answer(HttpMethod.Post, "api/v1/official-accounts/oauth/authorize", () => RecordingHandler.Problem(HttpStatusCode.Forbidden, ErrorCodes.RedirectUriMismatch));
        var page = Open(Shop + "/pay");

        var error = Answer(await page.InvokeAsync(() => page.Instance.OnMessage(true, "http://localhost",
            """{"hutong":"authorize","appId":"wx1","redirectUri":"https://elsewhere.example/","responseType":"code","scope":"snsapi_base"}""")));

        Assert.Equal(("error", S.Error(ErrorCodes.RedirectUriMismatch)), ((string?)error["hutong"], (string?)error["message"]));
    }

    [Fact]
    public async Task Close_GoesBackToTheAccountsThread()
    {
        var page = Open(Shop + "/pay");

        await page.Find("button#web-close").ClickAsync(new());

        Assert.Equal($"http://localhost/oa/{AccountId}/thread", Nav.Uri);
    }

    [Theory]
    [InlineData("chats/c-1", null, "chats/c-1")]
    [InlineData("articles/a1?x=1", "oa-1", "articles/a1?x=1")]
    [InlineData("https://evil.example/", "oa-1", "oa/oa-1/thread")]
    [InlineData("//evil.example/", null, "chats")]
    [InlineData("javascript:alert(1)", null, "chats")]
    [InlineData(null, null, "chats")]
    public void Back_IsAPathOfTheClient_NeverAnotherSite(string? back, string? accountId, string expected) =>
        Assert.Equal(expected, WebLinks.Back(back, accountId));
}
