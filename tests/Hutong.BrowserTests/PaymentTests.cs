using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Microsoft.Playwright;
using QRCoder;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Paying merchants in the real client against a real node: Mei scans a merchant's native code from an image and pays
/// it with her PIN in the cashier, and her wallet then says whom she paid (a refund is told at once, the payment the
/// cashier showed is not told again); a mini-program's wx.requestPayment opens the
/// same cashier and hears WeChat's answers: ok once paid, fail cancel when Mei closes it, the node's code when the
/// parameters are not the merchant's.
/// </summary>
public sealed class PaymentTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string Pin = "314159";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app's page in view: the sandboxed frame of the page on top.</summary>
    private static IFrameLocator View(IPage page) => page.FrameLocator("iframe.hmp-view:not([hidden])");

    private static ILocator Cashier(Person person) => person.Page.GetByRole(AriaRole.Dialog, new() { Name = "Payment" });

    [Fact]
    public async Task Mei_ScansAMerchantsCodeFromAnImage_PaysWithHerPin_AndHerWalletSaysWhomShePaid()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var owner = await SignUpOverApiAsync($"qown{run}", "Owner");
        using var merchant = await TestMerchant.CreateAsync(Fixture.Server, (await owner.GetMeAsync(Ct)).UserId, "wx" + run + "0000000000");
        var codeUrl = await merchant.NativeOrderAsync($"table4-{run}", 2_800, "Oolong, a pot");
        var mei = new Person(await NewPageAsync(), $"qmei{run}", "Mei");
        await mei.SignUpAsync();
        await WalletWithMoneyAsync(mei, 10_000);

        await mei.Section("Discover").ClickAsync();
        await mei.Link("Scan").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Scan", Exact = true })).ToBeVisibleAsync();
        await mei.Field("Choose an image").SetInputFilesAsync(new FilePayload { Name = "table4.png", MimeType = "image/png", Buffer = QrOf(codeUrl) });

        var code = codeUrl["hutong://pay/".Length..];
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/pay/{code}$"));
        var cashier = Cashier(mei);
        await Expect(cashier.Locator(".pay-merchant")).ToHaveTextAsync("Tea House");
        await Expect(cashier.Locator(".pay-what")).ToHaveTextAsync("Oolong, a pot");
        await Expect(cashier.Locator(".pay-amount")).ToContainTextAsync("¥28.00");
        await Expect(cashier.GetByText("Paid from your wallet (¥100.00 available).")).ToBeVisibleAsync();
        await Expect(cashier.GetByLabel("Payment PIN")).ToBeFocusedAsync();
        await mei.ScreenshotAsync("cashier");
        await mei.ExpectAccessibleAsync("the cashier of a scanned payment code");

        await cashier.GetByLabel("Payment PIN").FillAsync("000000");
        await cashier.GetByRole(AriaRole.Button, new() { Name = "Pay ¥28.00" }).ClickAsync();
        await Expect(cashier.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong payment PIN. 4 attempts left before payments lock.");
        await cashier.GetByLabel("Payment PIN").FillAsync(Pin);
        await cashier.GetByRole(AriaRole.Button, new() { Name = "Pay ¥28.00" }).ClickAsync();
        await Expect(cashier.Locator(".pay-done-title")).ToHaveTextAsync("Paid");
        await Expect(cashier.GetByText("You paid Tea House.")).ToBeVisibleAsync();
        await mei.ScreenshotAsync("cashier-paid");
        await cashier.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(cashier).ToHaveCountAsync(0);

        await mei.Link("See it in your wallet").ClickAsync();
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥72.00");
        var newest = mei.Page.Locator(".entry").First;
        await Expect(newest.Locator(".entry-kind")).ToHaveTextAsync("Payment to Tea House");
        await Expect(newest.Locator(".entry-amount")).ToHaveTextAsync("-¥28.00");
        await mei.ScreenshotAsync("wallet-payment");
        await mei.ExpectAccessibleAsync("the wallet with a merchant payment");

        // A refund is told at once. The payment's own notice, which came before it, was not: the cashier said it.
        await merchant.RefundAsync($"table4-{run}", $"refund4-{run}", 1_000, 2_800);
        var notice = mei.Page.Locator(".money-notice");
        await Expect(notice.Locator(".money-notice-title")).ToHaveTextAsync("Refund from Tea House: ¥10.00");
        await Expect(notice).ToHaveCountAsync(1);
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥82.00");
    }

    [Fact]
    public async Task AMiniProgramsRequestPayment_OpensTheCashier_AndHearsOkOncePaid()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (app, merchant, mei) = await ShopAsync(run);
        using (merchant)
        {
            var prepayId = await merchant.JsApiOrderAsync($"mp-{run}-1", 1_250, "Jasmine tea", await OpenIdAsync(app, mei));

            await OpenShopAsync(mei, app, merchant.PayParameters(prepayId));
            await View(mei.Page).Locator("#pay").ClickAsync();

            var cashier = Cashier(mei);
            await Expect(cashier.Locator(".pay-merchant")).ToHaveTextAsync("Tea House");
            await Expect(cashier.Locator(".pay-what")).ToHaveTextAsync("Jasmine tea");
            await Expect(cashier.Locator(".pay-amount")).ToContainTextAsync("¥12.50");
            await mei.ScreenshotAsync("mini-program-cashier");
            await mei.ExpectAccessibleAsync("the cashier over a mini-program");
            await cashier.GetByLabel("Payment PIN").FillAsync(Pin);
            await cashier.GetByRole(AriaRole.Button, new() { Name = "Pay ¥12.50" }).ClickAsync();
            await cashier.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

            await Expect(View(mei.Page).Locator("#result")).ToHaveTextAsync("requestPayment:ok");
            await Expect(cashier).ToHaveCountAsync(0);
            var meiApi = await SignInOverApiAsync(mei.Handle);
            Assert.Equal(10_000 - 1_250, (await meiApi.GetWalletAsync(Ct)).Balance);
        }
    }

    [Fact]
    public async Task AMiniProgramsRequestPayment_ClosedWithoutPaying_HearsFailCancel_AndForgedParametersShowNoAmount()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (app, merchant, mei) = await ShopAsync(run);
        using (merchant)
        {
            var prepayId = await merchant.JsApiOrderAsync($"mp-{run}-2", 1_250, "Jasmine tea", await OpenIdAsync(app, mei));

            await OpenShopAsync(mei, app, merchant.PayParameters(prepayId));
            await View(mei.Page).Locator("#pay").ClickAsync();
            var cashier = Cashier(mei);
            await Expect(cashier.GetByLabel("Payment PIN")).ToBeFocusedAsync();
            await mei.Page.Keyboard.PressAsync("Escape");

            await Expect(View(mei.Page).Locator("#result")).ToHaveTextAsync("requestPayment:fail cancel");
            await Expect(cashier).ToHaveCountAsync(0);

            // The same order, its parameters signed by someone else: the reason, and no amount to pay.
            var forged = new Dictionary<string, string>(merchant.PayParameters(prepayId)) { ["paySign"] = merchant.PayParameters("wx-another-order")["paySign"] };
            await OpenShopAsync(mei, app, forged);
            await View(mei.Page).Locator("#pay").ClickAsync();
            await Expect(cashier.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This payment request could not be verified, so nothing was paid.");
            await Expect(cashier.Locator(".pay-amount")).ToHaveCountAsync(0);
            await Expect(cashier.GetByLabel("Payment PIN")).ToHaveCountAsync(0);
            await cashier.Locator(".dialog-actions").GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

            await Expect(View(mei.Page).Locator("#result")).ToHaveTextAsync("requestPayment:fail bad_pay_sign");
            var meiApi = await SignInOverApiAsync(mei.Handle);
            Assert.Equal(10_000, (await meiApi.GetWalletAsync(Ct)).Balance);
        }
    }

    private sealed record ReleasedApp(string AppId, string Secret);

    /// <summary>A released tea shop app, its merchant ("Tea House"), and Mei signed in with ¥100.00 and a PIN.</summary>
    private async Task<(ReleasedApp App, TestMerchant Merchant, Person Mei)> ShopAsync(string run)
    {
        var app = await ReleaseAsync($"Tea shop {run}");
        var owner = await SignUpOverApiAsync($"mown{run}", "Owner");
        var merchant = await TestMerchant.CreateAsync(Fixture.Server, (await owner.GetMeAsync(Ct)).UserId, app.AppId);
        var mei = new Person(await NewPageAsync(), $"mmei{run}", "Mei");
        await mei.SignUpAsync();
        await WalletWithMoneyAsync(mei, 10_000);
        return (app, merchant, mei);
    }

    /// <summary>The shop's page with the order's parameters in its query, as its server would have handed them over.</summary>
    private static async Task OpenShopAsync(Person person, ReleasedApp app, IReadOnlyDictionary<string, string> parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        await person.Page.GotoAsync($"mp/{app.AppId}?path={Uri.EscapeDataString("pages/index/index?" + query)}");
        await Expect(View(person.Page).Locator("#pay")).ToBeVisibleAsync();
    }

    private async Task WalletWithMoneyAsync(Person person, long amount)
    {
        var api = await SignInOverApiAsync(person.Handle);
        await api.SetPinAsync(Pin, cancellationToken: Ct);
        await api.TopUpAsync("seed", amount, Ct);
    }

    /// <summary>Mei's openid at the app, as the app's server learns it: a login code exchanged with the app's secret.</summary>
    private async Task<string> OpenIdAsync(ReleasedApp app, Person person)
    {
        var api = await SignInOverApiAsync(person.Handle);
        var code = (await api.GetMiniProgramLoginCodeAsync(app.AppId, Ct)).Code;
        using var http = new HttpClient { BaseAddress = Fixture.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        var session = (await http.GetFromJsonAsync<JsonObject>(
            $"sns/jscode2session?appid={app.AppId}&secret={app.Secret}&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code", Ct))!;
        return (string)session["openid"]!;
    }

    /// <summary>A new developer's tea shop app, reviewed by the operator and released.</summary>
    private async Task<ReleasedApp> ReleaseAsync(string name)
    {
        var ops = await OperatorAsync();
        var dev = await SignUpOverApiAsync($"dev{Guid.NewGuid():N}"[..16], "Dev");
        await dev.RegisterDeveloperAsync("Tea Studio", Ct);
        var created = await dev.CreateMiniProgramAsync(new CreateMiniProgramRequest(name, "Sells tea."), Ct);
        var appId = created.App.AppId;
        var version = await dev.UploadMiniProgramAsync(appId, ShopPackage(), "1.0.0", cancellationToken: Ct);
        await dev.MoveMiniProgramVersionAsync(appId, version.Id, "submit", Ct);
        await ops.ApproveMiniProgramVersionAsync(version.Id, Ct);
        await dev.MoveMiniProgramVersionAsync(appId, version.Id, "release", Ct);
        return new ReleasedApp(appId, created.AppSecret);
    }

    /// <summary>The node's operator over the API: signed up by the first test of the class that needs them.</summary>
    private async Task<HutongClient> OperatorAsync()
    {
        try
        {
            return await SignUpOverApiAsync(ServerProcess.Operator, "Operator");
        }
        catch (HutongApiException e) when (e.Code == ErrorCodes.HandleTaken)
        {
            return await SignInOverApiAsync(ServerProcess.Operator);
        }
    }

    private static byte[] QrOf(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    /// <summary>The tea shop: one page that pays with the parameters of its query and shows what WeChat answered.</summary>
    private static MemoryStream ShopPackage()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in new[]
            {
                ("app.json", """{ "pages": ["pages/index/index"], "window": { "navigationBarTitleText": "Tea shop" } }"""),
                ("app.js", "App({});"),
                ("pages/index/index.wxml", """
                    <view class="page">
                      <button id="pay" bindtap="pay">Pay for the tea</button>
                      <view id="result">{{result}}</view>
                    </view>
                    """),
                ("pages/index/index.js", """
                    Page({
                      data: { result: '' },
                      onLoad(query) { this.order = query; },
                      pay() {
                        const o = this.order;
                        wx.requestPayment({
                          timeStamp: o.timeStamp, nonceStr: o.nonceStr, package: o.package, signType: o.signType, paySign: o.paySign,
                          success: (res) => this.setData({ result: res.errMsg }),
                          fail: (e) => this.setData({ result: e.errMsg }),
                        });
                      },
                    });
                    """),
            })
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        zip.Position = 0;
        return zip;
    }
}
