using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// A receive code (收款码) in the real client against a real node: Mei shows hers, Lin scans the very image the page
/// shows (from a file), pays ¥12.34 with a note and his PIN, and Mei is told at once: a notice, the line on her code's
/// page, and the money in her wallet with Lin's name.
/// </summary>
public sealed class ReceiveCodeTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string Pin = "314159";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mei_ShowsHerReceiveCode_LinScansItAndPays_AndMeiIsToldAndHasTheMoney()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"rmei{run}", "Mei");
        await mei.SignUpAsync();
        var lin = new Person(await NewPageAsync(), $"rlin{run}", "Lin");
        await lin.SignUpAsync();
        var linApi = await SignInOverApiAsync(lin.Handle);
        await linApi.SetPinAsync(Pin, cancellationToken: Ct);
        await linApi.TopUpAsync("seed", 10_000, Ct);

        // Mei: Me → Wallet → Receive money, her code as the node draws it.
        await mei.Section("Me").ClickAsync();
        await mei.Link("Wallet").ClickAsync();
        await mei.Link("Receive money").ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex("/me/receive$"));
        var code = mei.Page.GetByRole(AriaRole.Img, new() { Name = "Mei's receive code" });
        await Expect(code).ToHaveJSPropertyAsync("complete", true);
        await Expect(code).ToHaveJSPropertyAsync("tagName", "IMG");
        var image = await code.ScreenshotAsync();
        await mei.ScreenshotAsync("receive-code");
        await mei.ExpectAccessibleAsync("my receive code");

        // Lin scans the picture of it, and pays.
        await lin.Section("Discover").ClickAsync();
        await lin.Link("Scan").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Heading, new() { Name = "Scan", Exact = true })).ToBeVisibleAsync();
        await lin.Field("Choose an image").SetInputFilesAsync(new FilePayload { Name = "mei.png", MimeType = "image/png", Buffer = image });

        await Expect(lin.Page).ToHaveURLAsync(new Regex("/pay-person/[A-Za-z0-9_-]+$"));
        await Expect(lin.Page.GetByTestId("payee-name")).ToHaveTextAsync("Mei");
        await Expect(lin.Field("Amount (CNY)")).ToBeFocusedAsync();
        await lin.Field("Amount (CNY)").FillAsync("12.34");
        await lin.Field("Note (optional)").FillAsync("dumplings");
        await lin.ExpectAccessibleAsync("paying a person's receive code");
        await lin.Button("Next").ClickAsync();
        await Expect(lin.Field("Payment PIN")).ToBeFocusedAsync();
        await Expect(lin.Page.GetByText("Pay Mei", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(lin.Page.GetByText("Note: dumplings")).ToBeVisibleAsync();
        await lin.Field("Payment PIN").FillAsync(Pin);
        await lin.ScreenshotAsync("pay-person-pin");
        await lin.Button("Pay ¥12.34").ClickAsync();
        await Expect(lin.Page.Locator(".pay-done-title")).ToHaveTextAsync("Paid");
        await Expect(lin.Page.GetByText("You paid Mei.")).ToBeVisibleAsync();
        await lin.ScreenshotAsync("pay-person-paid");

        // Mei is told where she is, and her code's page lists it.
        var notice = mei.Page.Locator(".money-notice");
        await Expect(notice.Locator(".money-notice-title")).ToHaveTextAsync("Lin paid you ¥12.34");
        await Expect(notice.Locator(".money-notice-note")).ToHaveTextAsync("Note: dumplings");
        await Expect(mei.Page.Locator(".received-entry")).ToContainTextAsync("Lin paid you ¥12.34");
        await mei.ScreenshotAsync("money-received");
        await mei.ExpectAccessibleAsync("my receive code, with money received");

        // The notice leads to the wallet: the money is there, with Lin's name.
        await notice.GetByRole(AriaRole.Link, new() { Name = "See it in your wallet" }).ClickAsync();
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥12.34");
        var newest = mei.Page.Locator(".entry").First;
        await Expect(newest.Locator(".entry-kind")).ToHaveTextAsync("Received from Lin by code");
        await Expect(newest.Locator(".entry-amount")).ToHaveTextAsync("+¥12.34");
        await Expect(notice).ToHaveCountAsync(0);
        Assert.Equal(10_000 - 1_234, (await linApi.GetWalletAsync(Ct)).Balance);
    }
}
