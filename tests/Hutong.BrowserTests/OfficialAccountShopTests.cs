using System.Text.RegularExpressions;
using Hutong.Contracts.OfficialAccounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// An official account's shop in the real client against a real node, with the shop sample (samples/oa-shop) as the
/// merchant's server: Lin gives the account its shop's host in the studio; Mei, on a phone, opens the account's menu link; the page opens in the web view, learns her
/// openid by web authorization on its own, and pays with WeixinJSBridge's getBrandWCPayRequest, which opens the
/// cashier; the page hears ok and shows paid once the shop has the notification. Closing the cashier answers cancel,
/// by the JS-SDK's wx.chooseWXPay too; outside Hutong the bridge does nothing and the authorize page says where to go.
/// </summary>
public sealed class OfficialAccountShopTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string Pin = "314159";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFollower_OpensTheAccountsShopFromItsMenu_IsKnownByWebAuthorization_AndPaysInTheCashier()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(), $"slin{run}", "Lin");
        await lin.SignUpAsync();
        var owner = await SignInOverApiAsync(lin.Handle);
        var accountName = $"Tea Notes {run}";
        var created = await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(accountName, OfficialAccountKinds.Subscription), Ct);
        var account = created.Account;
        var appId = account.Admin!.AppId;

        // Lin gives the account its shop's host in the studio: a host name, not an address.
        await lin.Page.GotoAsync($"/studio/{account.Id}");
        await lin.Link("Developer").ClickAsync();
        await lin.Field("Web authorization domains").FillAsync("http://127.0.0.1/");
        await lin.Button("Save domains").ClickAsync();
        await Expect(lin.Page.Locator("#web-domains-hint")).ToContainTextAsync("is not a host name");
        await Expect(lin.Field("Web authorization domains")).ToHaveAttributeAsync("aria-invalid", "true");
        await lin.Field("Web authorization domains").FillAsync("127.0.0.1");
        await lin.Button("Save domains").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Web authorization domains saved." })).ToBeVisibleAsync();
        await Expect(lin.Page.GetByText("/js/jweixin-1.6.0.js")).ToBeVisibleAsync();
        await lin.ScreenshotAsync("oa-studio-web-pages");
        await lin.ExpectAccessibleAsync("the studio's web pages settings");
        Assert.Equal(["127.0.0.1"], (await owner.GetWebAuthDomainsAsync(account.Id, Ct)).Domains);
        using var merchant = await TestMerchant.CreateAsync(Fixture.Server, (await owner.GetMeAsync(Ct)).UserId, appId);
        await using var shop = OaShopProcess.OnFreePort();
        await shop.StartAsync(Fixture.Server.BaseAddress, appId, created.AppSecret, merchant);
        await owner.SaveAccountMenuAsync(account.Id, new AccountMenu([new MenuButton("Shop", MenuButtonKinds.View, Url: shop.Origin + "/")]), Ct);

        var mei = new Person(await NewPageAsync(width: 390, height: 844), $"smei{run}", "Mei");
        await mei.SignUpAsync();
        var meiApi = await SignInOverApiAsync(mei.Handle);
        await meiApi.FollowAsync(account.Id, cancellationToken: Ct);
        await meiApi.SetPinAsync(Pin, cancellationToken: Ct);
        await meiApi.TopUpAsync("seed", 10_000, Ct);

        // The menu's link opens in the web view; the shop sends her through web authorization and back by itself.
        await mei.Page.GotoAsync($"/oa/{account.Id}/thread");
        var menu = mei.Page.GetByRole(AriaRole.Menubar, new() { Name = $"Menu of {accountName}" });
        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "Shop" }).ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex(@"/web\?url="));
        var page = mei.Page.FrameLocator("iframe.web-frame");
        var pay = page.GetByRole(AriaRole.Button, new() { Name = "Pay ¥12.50" });
        await Expect(pay).ToBeEnabledAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Ready to pay.");
        // The header: the page's own title, whose page it is, and the account.
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Tea Shop", Level = 1 })).ToBeVisibleAsync();
        await Expect(mei.Page.Locator(".web-host")).ToHaveTextAsync($"Page by 127.0.0.1 · {accountName}");
        await Expect(mei.Page.GetByRole(AriaRole.Link, new() { Name = "Open in browser" })).ToHaveAttributeAsync("href", new Regex("^http://127\\.0\\.0\\.1:\\d+/shop#session="));
        await mei.ScreenshotAsync("phone-oa-web-view");
        await mei.ExpectAccessibleAsync("the web view at phone width");

        await pay.ClickAsync();
        var cashier = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Payment" });
        await Expect(cashier.Locator(".pay-merchant")).ToHaveTextAsync("Tea House");
        await Expect(cashier.Locator(".pay-what")).ToHaveTextAsync("A pot of oolong");
        await Expect(cashier.Locator(".pay-amount")).ToContainTextAsync("¥12.50");
        await mei.ScreenshotAsync("phone-oa-web-view-cashier");
        await cashier.GetByLabel("Payment PIN").FillAsync(Pin);
        await cashier.GetByRole(AriaRole.Button, new() { Name = "Pay ¥12.50" }).ClickAsync();
        await cashier.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        // WeChat's answer to the page, then the shop's word, which only the notification gives.
        await Expect(page.Locator("#result")).ToHaveTextAsync("get_brand_wcpay_request:ok");
        await Expect(page.Locator("#paid")).ToBeVisibleAsync();
        Assert.Contains("told by the notification", shop.Output, StringComparison.Ordinal);
        Assert.Equal(10_000 - 1_250, (await meiApi.GetWalletAsync(Ct)).Balance);
        await mei.ScreenshotAsync("phone-oa-web-view-paid");

        // Another order, and Mei closes the cashier: the page hears cancel, and nothing more is paid.
        await pay.ClickAsync();
        await Expect(cashier.GetByLabel("Payment PIN")).ToBeFocusedAsync();
        await mei.Page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#result")).ToHaveTextAsync("get_brand_wcpay_request:cancel");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Not paid.");
        Assert.Equal(10_000 - 1_250, (await meiApi.GetWalletAsync(Ct)).Balance);

        // The JS-SDK's way to the same cashier: wx.chooseWXPay with the lowercase timestamp, its appId wx.config's.
        var shopFrame = mei.Page.Frames.Single(f => f.Url.StartsWith(shop.Origin + "/shop", StringComparison.Ordinal));
        await shopFrame.EvaluateAsync("""
            async () => {
              const session = new URLSearchParams(location.hash.slice(1)).get('session');
              const order = await (await fetch('/api/orders', { method: 'POST', headers: { Authorization: 'Bearer ' + session } })).json();
              wx.config({ appId: order.pay.appId, timestamp: 0, nonceStr: 'n', signature: 'not checked', jsApiList: ['chooseWXPay'] });
              wx.ready(() => wx.chooseWXPay({
                timestamp: order.pay.timeStamp, nonceStr: order.pay.nonceStr, package: order.pay.package,
                signType: order.pay.signType, paySign: order.pay.paySign,
                success: (res) => { document.getElementById('result').textContent = res.errMsg; },
                cancel: (res) => { document.getElementById('result').textContent = res.errMsg; },
              }));
            }
            """);
        await Expect(cashier.Locator(".pay-what")).ToHaveTextAsync("A pot of oolong");
        await Expect(cashier.GetByLabel("Payment PIN")).ToBeFocusedAsync();
        await mei.Page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#result")).ToHaveTextAsync("chooseWXPay:cancel");

        // Close goes back to the thread the link came from.
        await mei.Button("Close page").ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/oa/{account.Id}/thread$"));
    }

    [Fact]
    public async Task OutsideHutong_TheAuthorizePageSaysToOpenTheLinkInHutong_AndTheBridgeDoesNothing()
    {
        var page = await NewPageAsync();

        // A page with the bridge in no Hutong client: no WeixinJSBridge, no ready event, and wx fails.
        await page.GotoAsync("/healthz");
        var outside = await page.EvaluateAsync<string>($$"""
            () => new Promise((resolve) => {
              let fired = false;
              document.addEventListener('WeixinJSBridgeReady', () => { fired = true; });
              const script = document.createElement('script');
              script.src = '{{Fixture.Server.BaseAddress}}js/jweixin-1.6.0.js';
              script.onload = () => wx.chooseWXPay({
                timestamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's',
                fail: (res) => resolve(typeof WeixinJSBridge + ' ' + fired + ' ' + res.errMsg),
              });
              document.head.appendChild(script);
            })
            """);
        Assert.Equal("undefined false chooseWXPay:fail", outside);

        await page.GotoAsync("/connect/oauth2/authorize?appid=wx0000000000000000&redirect_uri=https%3A%2F%2Fshop.example.com%2F&response_type=code&scope=snsapi_base&state=1#wechat_redirect");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open this link in Hutong 请在 Hutong 中打开此链接" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open in Hutong 在 Hutong 中打开" })).ToHaveAttributeAsync("href", new Regex("^/web\\?url=http"));
        // Nobody signed it in: it stays where it is, and the redirect_uri got nothing.
        Assert.StartsWith(Fixture.Server.BaseAddress + "connect/oauth2/authorize?", page.Url, StringComparison.Ordinal);
    }
}
