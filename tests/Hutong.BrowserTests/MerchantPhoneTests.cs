using Hutong.Contracts.Wallet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>A merchant's screens on a phone: every tab in sight, nothing scrolls sideways, and each passes axe.</summary>
public sealed class MerchantPhoneTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AtPhoneWidth_EveryMerchantTab_FitsTheScreen()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var operatorApi = await SignUpOverApiAsync(ServerProcess.Operator, "Operator");
        var linApi = await SignUpOverApiAsync($"plin{run}", "Lin");
        var merchant = await linApi.CreateMerchantAsync(new CreateMerchantRequest($"Tea House of the Long Lane {run} Ltd", "Tea House", "Tea"), Ct);
        await operatorApi.ApproveMerchantAsync(merchant.MerchantId, Ct);
        var lin = new Person(await NewPageAsync(width: 390, height: 844), $"plin{run}", "Lin");
        await lin.Page.GotoAsync("/signin");
        await lin.Field("Handle").FillAsync(lin.Handle);
        await lin.Field("Password").FillAsync(Person.Password);
        await lin.Button("Sign in").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync();

        await lin.Page.GotoAsync("merchants");
        await Expect(lin.Page.GetByRole(AriaRole.List, new() { Name = "My merchants" }).GetByRole(AriaRole.Link)).ToContainTextAsync(merchant.MchId);
        await ExpectFitsAsync(lin, "the merchants list");
        foreach (var (tab, name) in new[] { ("overview", "Overview"), ("developer", "Developer settings"), ("money", "Money"), ("orders", "Orders") })
        {
            await lin.Page.GotoAsync($"merchants/{merchant.MerchantId}/{tab}");
            await Expect(lin.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            await ExpectFitsAsync(lin, $"the merchant's {name}");
        }

        await lin.ScreenshotAsync("phone-merchant-orders");
    }

    private static async Task ExpectFitsAsync(Person person, string what)
    {
        var widths = await person.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{what} is {widths[0]} px wide on a {widths[1]} px screen");
        var hidden = await person.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.tabs .tab')].filter(t => { const r = t.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; }).map(t => t.textContent.trim())");
        Assert.True(hidden.Length == 0, $"{what}: the tabs {string.Join(", ", hidden)} are past the edge of the screen");
        await person.ExpectAccessibleAsync($"{what} at phone width");
    }
}
