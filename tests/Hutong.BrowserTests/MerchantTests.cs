using System.Text.RegularExpressions;
using Hutong.Contracts.OfficialAccounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// A merchant from its application to its first refund, in the real client against a real node: Lin applies from her
/// wallet, the operator approves it on the review page (and rotates the platform key, once sure), Lin sets the API v3
/// key with Generate, pastes a public key made here and binds her official account; her server (written by hand in
/// <see cref="TestMerchant"/>) makes an order over /v3 that Mei pays from her phone; Lin finds it among the orders and
/// refunds part of it. Mei, in the browser, is told of both at once (Pay notices), and her wallet and her service
/// notices show them, with the merchant's short name.
/// </summary>
public sealed class MerchantTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string Pin = "314159";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lin_AppliesTheOperatorApproves_SheSetsItUp_AndRefundsPartOfAnOrderMeiPaid()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var name = $"Tea House {run} Ltd";
        var lin = new Person(await NewPageAsync(), $"klin{run}", "Lin");
        var op = new Person(await NewPageAsync(), ServerProcess.Operator, "Operator");
        await lin.SignUpAsync();
        await op.SignUpAsync();

        // Lin has no merchant: Me → Wallet → Merchant explains what one is, with the form.
        await lin.Section("Me").ClickAsync();
        await lin.Link("Wallet").ClickAsync();
        await lin.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Merchant\\b") }).ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Heading, new() { Name = "Apply for a merchant" })).ToBeVisibleAsync();
        await Expect(lin.Page.Locator(".merchant-intro")).ToContainTextAsync("An operator reviews each application first.");
        await lin.Button("Apply").ClickAsync();
        await Expect(lin.Page.Locator("#merchant-name-hint")).ToHaveTextAsync("Give the business's name.");
        await lin.ExpectAccessibleAsync("applying for a merchant");
        await lin.Field("Name").FillAsync(name);
        await lin.Field("Short name").FillAsync("Tea House");
        await lin.Field("Category").FillAsync("Tea");
        await lin.Button("Apply").ClickAsync();
        await Expect(lin.Page.Locator(".state-note")).ToContainTextAsync("Waiting for review");
        await Expect(lin.Page.Locator(".list-col .state-flag")).ToHaveTextAsync("Waiting for review");
        await Expect(lin.Page.Locator(".tabs")).ToHaveCountAsync(0);
        await lin.ScreenshotAsync("merchant-pending");
        await lin.ExpectAccessibleAsync("a merchant waiting for review");

        // The operator approves it beside the accounts on the review page.
        await op.Page.GotoAsync("/studio");
        await Expect(ReviewLink(op)).ToContainTextAsync("1");
        await ReviewLink(op).ClickAsync();
        var waiting = op.Page.Locator(".merchant-review-item", new() { HasTextString = name });
        await Expect(waiting).ToContainTextAsync("Tea House · Tea");
        await op.ScreenshotAsync("merchant-review");
        await op.ExpectAccessibleAsync("the review page with a merchant waiting");
        await waiting.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }).ClickAsync();
        await Expect(op.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = $"{name} is approved." })).ToBeVisibleAsync();
        await Expect(waiting).ToHaveCountAsync(0);
        await Expect(op.Page.Locator("#merchants-review-title")).ToBeFocusedAsync();

        // The platform payment key, rotated only once the operator confirms.
        await op.Button("Rotate platform payment key").ClickAsync();
        var rotate = op.Page.GetByRole(AriaRole.Dialog, new() { Name = "Rotate the platform payment key?" });
        await Expect(rotate.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await op.ExpectAccessibleAsync("confirming the platform key's rotation");
        await rotate.GetByRole(AriaRole.Button, new() { Name = "Rotate", Exact = true }).ClickAsync();
        await Expect(op.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("^Key [0-9A-F]+ signs from now on\\.$") })).ToBeVisibleAsync();

        // Approved: its mchid, and what to set up before it takes payments.
        await lin.Page.ReloadAsync();
        await Expect(lin.Page.Locator(".pane-subtitle")).ToHaveTextAsync("Approved");
        var mchId = (await lin.Page.Locator("#mch-id").TextContentAsync())!;
        Assert.Matches("^[1-9][0-9]{9}$", mchId);
        await Expect(lin.Page.Locator(".merchant-steps li")).ToHaveCountAsync(3);
        await Expect(lin.Page.Locator(".step-done")).ToHaveCountAsync(0);
        await lin.ExpectAccessibleAsync("an approved merchant's overview");

        // Developer settings: a generated API v3 key, kept before it is saved; a public key made here; an app of hers.
        await lin.Link("Developer settings").ClickAsync();
        await lin.Button("Generate").ClickAsync();
        await Expect(lin.Field("New API v3 key")).ToHaveValueAsync(new Regex("^[A-Za-z0-9]{32}$"));
        await Expect(lin.Page.Locator(".secret-warning")).ToContainTextAsync("Hutong never shows it again");
        await lin.Button("Save key").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "The API v3 key is saved." })).ToBeVisibleAsync();
        await Expect(lin.Field("New API v3 key")).ToHaveValueAsync("");
        await Expect(lin.Page.Locator("#v3-key-state")).ToHaveTextAsync("A key is set. Saving another replaces it.");

        var owner = await SignInOverApiAsync(lin.Handle);
        var account = await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest($"Tea Notes {run}", OfficialAccountKinds.Subscription), Ct);
        var appId = account.Account.Admin!.AppId;
        using var merchant = TestMerchant.ForMerchant(Fixture.Server, mchId, appId);
        await lin.Field("Public key (PEM)").FillAsync(merchant.PublicKeyPem);
        await lin.Button("Add key").ClickAsync();
        await Expect(lin.Page.Locator(".merchant-keys code")).ToHaveTextAsync(merchant.SerialNo);

        await lin.Field("App ID").FillAsync("wx00000000000000ff");
        await lin.Button("Bind").ClickAsync();
        await Expect(lin.Page.Locator("#bind-app-id-hint")).ToHaveTextAsync("You do not run an official account or mini-program with that app ID.");
        await lin.Field("App ID").FillAsync(appId);
        await lin.Button("Bind").ClickAsync();
        await Expect(lin.Page.Locator(".merchant-apps")).ToContainTextAsync($"Tea Notes {run}");
        await lin.Page.Locator("#v3-key-title").ScrollIntoViewIfNeededAsync();
        await lin.ScreenshotAsync("merchant-developer");
        await lin.ExpectAccessibleAsync("a merchant's developer settings");

        // Her server makes an order over /v3; Mei pays it from her phone while her wallet is open in the browser, which
        // is told at once, as her other devices are.
        var codeUrl = await merchant.NativeOrderAsync($"table4-{run}", 2_800, "Oolong, a pot");
        var meiApi = await SignUpOverApiAsync($"kmei{run}", "Mei");
        await meiApi.SetPinAsync(Pin, cancellationToken: Ct);
        await meiApi.TopUpAsync("seed", 10_000, Ct);
        var mei = new Person(await NewPageAsync(), $"kmei{run}", "Mei");
        await SignInAsync(mei);
        await mei.Section("Me").ClickAsync();
        await mei.Link("Wallet").ClickAsync();
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥100.00");
        await meiApi.PayNativeAsync(codeUrl, Pin, Ct);
        var paidNotice = mei.Page.Locator(".money-notice");
        await Expect(paidNotice.Locator(".money-notice-title")).ToHaveTextAsync("Payment to Tea House: ¥28.00");
        await Expect(paidNotice.Locator(".money-notice-note")).ToHaveTextAsync("Oolong, a pot");
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥72.00");
        await paidNotice.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(paidNotice).ToHaveCountAsync(0);
        await mei.Section("Chats").ClickAsync();

        // Lin finds it among the orders and gives ¥5.00 back.
        await lin.Link("Orders").ClickAsync();
        var row = lin.Page.Locator(".order-row", new() { HasTextString = "Oolong, a pot" });
        await Expect(row.Locator(".order-state")).ToHaveTextAsync("Paid");
        await Expect(row.Locator(".order-amount")).ToContainTextAsync("¥28.00");
        await lin.ExpectAccessibleAsync("a merchant's orders");
        await row.ClickAsync();
        await Expect(lin.Page.Locator("#order-title")).ToHaveTextAsync("Oolong, a pot");
        await lin.Field("Amount (CNY)").FillAsync("28.01");
        await lin.Button("Refund").ClickAsync();
        await Expect(lin.Page.Locator("#refund-amount-hint")).ToHaveTextAsync("More than is left to refund: ¥28.00.");
        await lin.Field("Amount (CNY)").FillAsync("5");
        await lin.Field("Reason (optional)").FillAsync("Cold tea");
        await lin.Button("Refund").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "¥5.00 refunded to the payer." })).ToBeVisibleAsync();
        await Expect(lin.Page.GetByTestId("order-state")).ToHaveTextAsync("Partly refunded");
        await Expect(lin.Page.Locator(".merchant-refunds")).ToContainTextAsync("Cold tea");
        await Expect(lin.Page.Locator("#refund-amount-hint")).ToHaveTextAsync("Up to ¥23.00: it goes back to the payer's wallet at once.");
        await lin.ScreenshotAsync("merchant-refund");
        await lin.ExpectAccessibleAsync("an order with a refund");

        // What the order still holds waits to settle.
        await lin.Link("Money").ClickAsync();
        await Expect(lin.Page.GetByTestId("unsettled")).ToHaveTextAsync("¥23.00 still to settle.");
        await Expect(lin.Page.GetByTestId("settled")).ToHaveTextAsync("¥0.00");

        // Set up: the overview ticks off each step.
        await lin.Link("Overview").ClickAsync();
        await Expect(lin.Page.Locator(".step-done")).ToHaveCountAsync(3);
        await lin.ScreenshotAsync("merchant-overview");

        // Mei was told of the refund where she is, and the notice leads to her wallet, which shows it from the
        // merchant's short name.
        var refundNotice = mei.Page.Locator(".money-notice");
        await Expect(refundNotice.Locator(".money-notice-title")).ToHaveTextAsync("Refund from Tea House: ¥5.00");
        await Expect(refundNotice.Locator(".money-notice-note")).ToHaveTextAsync("Oolong, a pot");
        await mei.ScreenshotAsync("pay-notice");
        await mei.ExpectAccessibleAsync("a refund's Pay notice");
        await refundNotice.GetByRole(AriaRole.Link, new() { Name = "See it in your wallet" }).ClickAsync();
        await Expect(mei.Page.GetByTestId("balance")).ToHaveTextAsync("¥77.00");
        var newest = mei.Page.Locator(".entry").First;
        await Expect(newest.Locator(".entry-kind")).ToHaveTextAsync("Refund from Tea House");
        await Expect(newest.Locator(".entry-amount")).ToHaveTextAsync("+¥5.00");
        await Expect(refundNotice).ToHaveCountAsync(0);

        // Both are among her service notices, from Hutong Pay, newest first.
        await mei.Section("Discover").ClickAsync();
        await mei.Link("Mini Programs").ClickAsync();
        var payNotices = mei.Page.GetByRole(AriaRole.List, new() { Name = "Service notices" }).Locator(".pay-notice");
        await Expect(payNotices).ToHaveCountAsync(2);
        await Expect(payNotices.First).ToContainTextAsync("Refund from Tea House: ¥5.00");
        await Expect(payNotices.First).ToContainTextAsync("Hutong Pay");
        await Expect(payNotices.Nth(1)).ToContainTextAsync("Payment to Tea House: ¥28.00");
        await mei.ScreenshotAsync("service-notices-pay");
        await mei.ExpectAccessibleAsync("service notices with Pay notices");
    }

    /// <summary>The studio's link to the review page; its name grows with the count of what waits.</summary>
    private static ILocator ReviewLink(Person person) =>
        person.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Review\b") });

    private static async Task SignInAsync(Person person)
    {
        await person.Page.GotoAsync("/signin");
        await person.Field("Handle").FillAsync(person.Handle);
        await person.Field("Password").FillAsync(Person.Password);
        await person.Button("Sign in").ClickAsync();
        await Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeVisibleAsync();
    }
}
