using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>The wallet screen: a PIN, money in and out, and the history, in the browser against a real server.</summary>
public sealed class WalletTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task APerson_SetsAPin_TopsUpAndWithdraws_AndSeesTheHistory()
    {
        var mei = new Person(await NewPageAsync(), "w" + Guid.NewGuid().ToString("N")[..8], "Mei");
        await mei.SignUpAsync();
        await mei.Section("Me").ClickAsync();
        await mei.Link("Wallet").ClickAsync();
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥0.00");

        await mei.Button("Set payment PIN").ClickAsync();
        await mei.Field("New PIN").FillAsync("314159");
        await mei.Button("Save").ClickAsync();
        await Expect(mei.Page.GetByText("Payment PIN saved.")).ToBeVisibleAsync();

        await mei.Button("Top up").ClickAsync();
        await mei.Field("Amount (CNY)").FillAsync("100.50");
        await mei.Button("Confirm").ClickAsync();
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥100.50");

        await mei.Button("Withdraw").ClickAsync();
        await mei.Field("Amount (CNY)").FillAsync("20");
        await mei.Field("Payment PIN").FillAsync("000000");
        await mei.Button("Confirm").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong payment PIN. 4 attempts left before payments lock.");
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥100.50");

        await mei.Field("Payment PIN").FillAsync("314159");
        await mei.Button("Confirm").ClickAsync();
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥80.50");
        await Expect(mei.Page.Locator(".entry")).ToHaveCountAsync(2);
        await Expect(mei.Page.Locator(".entry").First).ToContainTextAsync("-¥20.00");
        await mei.ScreenshotAsync("wallet");
        await mei.ExpectAccessibleAsync("wallet");
    }
}
