using Microsoft.Playwright;

namespace Hutong.MiniPrograms.Tests;

/// <summary>The page stack, lifecycle order and tab bar, as the host runs them.</summary>
[Collection(RuntimeBrowser.Name)]
public sealed class RuntimeNavigationTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task NavigateToAndBack_RunLifecyclesInWeChatsOrder()
    {
        var page = await fixture.OpenAsync("lab", "Home page");

        await RuntimeFixture.View(page).Locator("#go").ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#detail-title")).ToHaveTextAsync("Detail 1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Back" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#shows")).ToHaveTextAsync("shows 2");
        await RuntimeFixture.View(page).Locator("#show-log").ClickAsync();

        await Assertions.Expect(RuntimeFixture.View(page).Locator("#log")).ToHaveTextAsync(
            "app:onLaunch,home:onLoad,home:onShow,home:onReady,home:onHide,detail:onLoad,detail:onShow,detail:onReady,detail:onUnload,home:onShow");
        Assert.Equal(1, await page.Locator("iframe.hmp-view").CountAsync());
    }

    [Fact]
    public async Task NavigateTo_EleventhPage_IsRefused()
    {
        var page = await fixture.OpenAsync("lab", "Home page");

        await RuntimeFixture.View(page).Locator("#deep").ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#detail-title")).ToHaveTextAsync("Detail 9");
        await RuntimeFixture.View(page).Locator("#check").ClickAsync();

        await Assertions.Expect(RuntimeFixture.View(page).Locator("#deep-result")).ToHaveTextAsync("navigateTo:fail webview count limit exceed");
        Assert.Equal(10, await page.EvaluateAsync<int>("() => window.mp.routes.length"));
        Assert.Equal(10, await page.Locator("iframe.hmp-view").CountAsync());
    }

    [Fact]
    public async Task SwitchTab_KeepsTabPagesAlive()
    {
        var page = await fixture.OpenAsync("lab", "Home page");
        var otherTab = page.GetByRole(AriaRole.Tab, new() { Name = "Other" });
        var homeTab = page.GetByRole(AriaRole.Tab, new() { Name = "Home" });
        await Assertions.Expect(homeTab).ToHaveAttributeAsync("aria-selected", "true");

        await otherTab.ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#other-title")).ToBeVisibleAsync();
        await RuntimeFixture.View(page).Locator("#inc").ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#counter")).ToHaveTextAsync("count 1");
        await Assertions.Expect(otherTab).ToHaveAttributeAsync("aria-selected", "true");

        await homeTab.ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#shows")).ToHaveTextAsync("shows 2");
        await otherTab.ClickAsync();

        await Assertions.Expect(RuntimeFixture.View(page).Locator("#counter")).ToHaveTextAsync("count 1");
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#loads")).ToHaveTextAsync("loads 1");
        Assert.Equal(2, await page.Locator("iframe.hmp-view").CountAsync());
    }

    [Fact]
    public async Task Requests_AtMostTenInFlight_TheRestWaitTheirTurn_NoneRefused()
    {
        var page = await fixture.OpenAsync("lab", "Fifteen requests", "pages/net/net");

        await RuntimeFixture.View(page).Locator("#burst").ClickAsync();
        await page.WaitForFunctionAsync("() => (window.requestsHeld || []).length === 10");
        // The first answer lets exactly one more through: the eleventh arrives only then, never before.
        Assert.Equal(10, await page.EvaluateAsync<int>("() => window.requestsInFlight"));
        await page.EvaluateAsync("() => window.requestsHeld[0]()");
        await page.WaitForFunctionAsync("() => window.requestsHeld.length === 11");
        Assert.Equal(10, await page.EvaluateAsync<int>("() => window.requestsInFlight"));
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#answered")).ToHaveTextAsync("answered 1");

        for (var i = 1; i < 15; i++)
        {
            await page.WaitForFunctionAsync($"() => window.requestsHeld.length > {i}");
            await page.EvaluateAsync($"() => window.requestsHeld[{i}]()");
        }

        await Assertions.Expect(RuntimeFixture.View(page).Locator("#answered")).ToHaveTextAsync("answered 15");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.requestsInFlight"));
    }
}
