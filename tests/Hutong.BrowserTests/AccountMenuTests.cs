using Hutong.Contracts.OfficialAccounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// An account's own answers in the browser, on phones. Lin builds a keyword rule and a menu in the studio (the menu's
/// rules said beside the field that breaks them); Mei uses the menu under the thread with a tap and with the keys,
/// opens its link inside the client, and sends the keyword: the replies come into her thread.
/// </summary>
public sealed class AccountMenuTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OwnerBuildsAMenuAndAKeywordRule_AndAFollowerOnAPhoneUsesThem()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(width: 390, height: 844), $"mlin{run}", "Lin");
        var mei = new Person(await NewPageAsync(width: 390, height: 844), $"mmei{run}", "Mei");
        await lin.SignUpAsync();
        await mei.SignUpAsync();
        var owner = await SignInOverApiAsync(lin.Handle);
        var accountName = $"Tea Menu {run}";
        var account = (await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(accountName, OfficialAccountKinds.Subscription), Ct)).Account;
        await (await SignInOverApiAsync(mei.Handle)).FollowAsync(account.Id, cancellationToken: Ct);
        var site = new Uri(Fixture.Server.BaseAddress, "discover").ToString();

        // Lin writes a keyword rule in the studio's Auto-replies tab.
        await lin.Page.GotoAsync($"/studio/{account.Id}/auto-replies");
        await lin.Button("Add rule").ClickAsync();
        await lin.Field("Rule name").FillAsync("Hours");
        await lin.Field("Keyword 1").FillAsync("hours");
        await lin.Field("How keyword 1 matches").SelectOptionAsync("contains");
        await lin.Field("Reply").FillAsync("We open at 9 every day.");
        await lin.Button("Save").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Saved." })).ToBeVisibleAsync();
        await lin.ScreenshotAsync("phone-oa-studio-auto-replies");
        await lin.ExpectAccessibleAsync("the studio's auto-replies tab at phone width");

        // Then the menu: a click button with a reply, and a button of items holding a link.
        await lin.Link("Menu").ClickAsync();
        await lin.Button("Add button").ClickAsync();
        await lin.Field("Name").FillAsync("Today");
        await lin.Field("Key").FillAsync("TODAY");
        await lin.Field("Reply when clicked (without developer mode)").FillAsync("Oolong and buns today.");
        await lin.Button("Add button").ClickAsync();
        await lin.Page.Locator("#menu-buttons-1-name").FillAsync("More");
        await lin.Button("Add item: More").ClickAsync();
        await lin.Page.Locator("#menu-buttons-1-subButtons-0-name").FillAsync("Our site");
        await lin.Page.Locator("#menu-buttons-1-subButtons-0-kind").SelectOptionAsync("view");
        await lin.Page.Locator("#menu-buttons-1-subButtons-0-url").FillAsync("ftp://tea.example.com/");
        await lin.Button("Save").ClickAsync();
        await Expect(lin.Page.Locator("#menu-buttons-1-subButtons-0-url-error")).ToHaveTextAsync("A link is an http or https address, up to 1,024 bytes.");
        await Expect(lin.Page.Locator("#menu-buttons-1-subButtons-0-url")).ToHaveAttributeAsync("aria-invalid", "true");
        await lin.Page.Locator("#menu-buttons-1-subButtons-0-url").FillAsync(site);
        await lin.Button("Save").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Saved." })).ToBeVisibleAsync();
        await lin.ScreenshotAsync("phone-oa-studio-menu");
        await lin.ExpectAccessibleAsync("the studio's menu tab at phone width");
        Assert.Equal(["Today", "More"], (await owner.GetAccountMenuAsync(account.Id, Ct)).Buttons.Select(b => b.Name));

        // Mei taps Today under the thread; the item's reply comes into it.
        await mei.Page.GotoAsync($"/oa/{account.Id}/thread");
        var menu = mei.Page.GetByRole(AriaRole.Menubar, new() { Name = $"Menu of {accountName}" });
        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "Today" }).ClickAsync();
        await Expect(mei.Messages.Locator("article.message.theirs", new() { HasTextString = "Oolong and buns today." })).ToBeVisibleAsync();

        // The keys of a menu bar: right to More, down into its items, Escape back out.
        await menu.GetByRole(AriaRole.Menuitem, new() { Name = "Today" }).FocusAsync();
        await mei.Page.Keyboard.PressAsync("ArrowRight");
        var more = menu.GetByRole(AriaRole.Menuitem, new() { Name = "More" });
        await Expect(more).ToBeFocusedAsync();
        await mei.Page.Keyboard.PressAsync("ArrowDown");
        var items = mei.Page.GetByRole(AriaRole.Menu, new() { Name = "More" });
        await Expect(items.GetByRole(AriaRole.Menuitem, new() { Name = "Our site" })).ToBeFocusedAsync();
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "true");
        await mei.ScreenshotAsync("phone-oa-menu");
        await mei.ExpectAccessibleAsync("an account's menu at phone width");
        await mei.Page.Keyboard.PressAsync("Escape");
        await Expect(items).ToHaveCountAsync(0);
        await Expect(more).ToBeFocusedAsync();

        // The link opens inside the client: a link to the node's own page is that page of the client, not a frame of it.
        await more.ClickAsync();
        await items.GetByRole(AriaRole.Menuitem, new() { Name = "Our site" }).ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(site);
        await Expect(mei.Page.Locator("iframe")).ToHaveCountAsync(0);
        await mei.Page.GotoAsync($"/oa/{account.Id}/thread");

        // The keyword: the rule answers.
        await mei.SayAsync("What are your hours?");
        await Expect(mei.Messages.Locator("article.message.theirs", new() { HasTextString = "We open at 9 every day." })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("phone-oa-keyword-reply");
    }
}
