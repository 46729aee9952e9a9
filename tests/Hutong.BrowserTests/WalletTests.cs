using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>The wallet screen: a PIN typed twice, money in and out, and the history, in the browser against a real server.</summary>
public sealed class WalletTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task APerson_SetsAPinTwice_TopsUpAndWithdraws_AndSeesTheHistory()
    {
        var mei = new Person(await NewPageAsync(), "w" + Guid.NewGuid().ToString("N")[..8], "Mei");
        await mei.SignUpAsync();
        await mei.Section("Me").ClickAsync();
        await mei.Link("Wallet").ClickAsync();
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥0.00");

        // The PIN is typed twice; one too easy to guess, or two that differ, never reach the server.
        await mei.Button("Set payment PIN").ClickAsync();
        await mei.Field("New PIN").FillAsync("123456");
        await mei.Field("Confirm the PIN").FillAsync("123456");
        await mei.Button("Save").ClickAsync();
        await Expect(mei.Page.GetByText("Too easy to guess", new() { Exact = false })).ToBeVisibleAsync();
        await mei.Field("New PIN").FillAsync("314159");
        await mei.Field("Confirm the PIN").FillAsync("314158");
        await mei.Button("Save").ClickAsync();
        await Expect(mei.Page.GetByText("The two PINs are not the same.")).ToBeVisibleAsync();
        await mei.Field("Confirm the PIN").FillAsync("314159");
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
