using System.Text.RegularExpressions;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Official accounts in the browser against a real server. Lin makes a subscription account in the studio and sees
/// its secret once; Mei finds it by search and follows it; Lin's broadcast reaches Mei's Subscriptions row live and she
/// reads it in the thread, and a second broadcast that day is refused. Mei messages an account and Lin answers from the
/// studio while the window is open, and is told why not once it closes. A service account waits for an operator, then
/// shows among Mei's chats with a count of its own; Mei reports it, and the operator reads why and dismisses the report.
/// </summary>
public sealed class OfficialAccountTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OwnerMakesASubscriptionAccount_FollowerFindsIt_AndABroadcastReachesSubscriptionsLive_OncePerDay_AndStaysOnItsPage()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(), $"olin{run}", "Lin");
        var mei = new Person(await NewPageAsync(), $"omei{run}", "Mei");
        await lin.SignUpAsync();
        await mei.SignUpAsync();
        var accountName = $"Tea Notes {run}";

        // Lin: Me → My official accounts → create a subscription account; its secret shows once.
        await lin.Section("Me").ClickAsync();
        await lin.Link("My official accounts").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Heading, new() { Name = "Account studio", Exact = true })).ToBeVisibleAsync();
        await lin.Button("Create an account").First.ClickAsync();
        var create = lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "Create an account" });
        await Expect(lin.Field("Name")).ToBeFocusedAsync();
        await lin.Field("Name").FillAsync(accountName);
        await Expect(create.GetByRole(AriaRole.Radio, new() { Name = "Subscription account" })).ToBeCheckedAsync();
        await lin.Field("Description").FillAsync("Notes on the teas of the season.");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        var secretDialog = lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "App secret" });
        await Expect(secretDialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("This is the only time Hutong shows this secret");
        var secret = await secretDialog.GetByRole(AriaRole.Textbox, new() { Name = "App secret" }).InputValueAsync();
        Assert.Matches("^[0-9a-f]{32}$", secret);
        await lin.ScreenshotAsync("oa-studio-secret");
        await lin.ExpectAccessibleAsync("the app secret, shown once");
        await secretDialog.GetByRole(AriaRole.Button, new() { Name = "I have kept it" }).ClickAsync();
        await Expect(secretDialog).ToHaveCountAsync(0);
        await Expect(lin.Page.Locator("body")).Not.ToContainTextAsync(secret);
        await Expect(lin.Page.Locator(".pane-title")).ToContainTextAsync(accountName);
        await lin.ExpectAccessibleAsync("the studio's profile tab");

        // Mei: Discover → Official accounts → search, open, follow.
        await mei.Section("Discover").ClickAsync();
        await mei.Link("Official accounts").ClickAsync();
        await mei.Field("Search official accounts").FillAsync($"Notes {run}");
        await mei.Button("Search").ClickAsync();
        await mei.Page.Locator(".list-col .row", new() { HasTextString = accountName }).ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex(@"/oa/[0-9a-f-]+\?from=search$"));
        await Expect(mei.Page.Locator(".profile-name")).ToHaveTextAsync(accountName);
        await Expect(mei.Page.Locator(".oa-description")).ToHaveTextAsync("Notes on the teas of the season.");
        await mei.Button("Follow").ClickAsync();
        await Expect(mei.Link("Send message")).ToBeVisibleAsync();
        await Expect(mei.Page.Locator(".oa-followers")).ToHaveTextAsync("1 follower");
        await Expect(mei.Page.Locator(".pane-col img.qr")).ToBeVisibleAsync();
        await mei.ScreenshotAsync("oa-profile");
        await mei.ExpectAccessibleAsync("an account's page");

        // Lin sees where Mei came from, then broadcasts: a double click sends once.
        await lin.Link("Followers").ClickAsync();
        await Expect(lin.Page.Locator(".follower-meta").First).ToContainTextAsync("from search");
        await mei.Section("Chats").ClickAsync();
        await Expect(mei.ChatRow("Subscriptions")).ToContainTextAsync($"{accountName}");
        await lin.Link("Broadcast").ClickAsync();
        await Expect(lin.Page.Locator("#broadcast-quota")).ToContainTextAsync("1 of 1 broadcast left today.");
        await lin.Field("Broadcast text").FillAsync("Spring tea has arrived");
        await lin.Button("Send broadcast").DblClickAsync();
        await Expect(lin.Page.Locator(".broadcast-status")).ToHaveTextAsync("Sent to 1 follower.");
        await Expect(lin.Page.Locator("#broadcast-quota")).ToContainTextAsync("0 of 1 broadcast left today.");
        await Expect(lin.Page.Locator(".broadcasts .follower")).ToHaveCountAsync(1);
        await lin.ScreenshotAsync("oa-studio-broadcast");
        await lin.ExpectAccessibleAsync("the studio's broadcast tab");
        var owner = await SignInOverApiAsync(lin.Handle);
        var account = (await owner.GetMyOfficialAccountsAsync(Ct)).Accounts.Single();
        Assert.Single((await owner.GetBroadcastsAsync(account.Id, Ct)).Broadcasts);

        // Mei's Subscriptions row takes it live, with a dot and no count; she reads it in the thread.
        var row = mei.ChatRow("Subscriptions");
        await Expect(row.Locator(".row-preview")).ToHaveTextAsync($"{accountName}: Spring tea has arrived");
        await Expect(row.GetByRole(AriaRole.Img, new() { Name = "New in Subscriptions" })).ToBeVisibleAsync();
        await Expect(row.Locator(".badge")).ToHaveCountAsync(0);
        await Expect(mei.Section("Chats").Locator(".badge")).ToHaveCountAsync(0);
        await row.ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Subscriptions", Exact = true })).ToBeVisibleAsync();
        var subscription = mei.Page.Locator(".pane-list .row", new() { HasTextString = accountName });
        await Expect(subscription).ToContainTextAsync("Spring tea has arrived");
        await mei.ScreenshotAsync("oa-subscriptions");
        await mei.ExpectAccessibleAsync("Subscriptions");
        await subscription.ClickAsync();
        await Expect(mei.Page.Locator(".pane-title")).ToHaveTextAsync(accountName);
        await Expect(mei.Messages.Locator("article.message.theirs", new() { HasTextString = "Spring tea has arrived" })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Img, new() { Name = "New in Subscriptions" })).ToHaveCountAsync(0);
        await mei.ScreenshotAsync("oa-thread");
        await mei.ExpectAccessibleAsync("a thread with an account");

        // A second broadcast the same day is refused with the quota's words, and nothing is sent.
        await lin.Field("Broadcast text").FillAsync("More tea tomorrow");
        await lin.Button("Send broadcast").ClickAsync();
        await Expect(lin.Page.Locator(".broadcast-error")).ToContainTextAsync("No broadcasts are left for now");
        Assert.Single((await owner.GetBroadcastsAsync(account.Id, Ct)).Broadcasts);

        // The account's page shows its broadcasts to all followers to whoever opens it, Lin (who does not follow) too.
        await lin.Page.GotoAsync($"/oa/{account.Id}");
        var history = lin.Page.GetByRole(AriaRole.Region, new() { Name = "Broadcasts" });
        await Expect(history.Locator("article.message")).ToHaveCountAsync(1);
        await Expect(history.Locator("article.message")).ToContainTextAsync("Spring tea has arrived");
        await lin.ExpectAccessibleAsync("an account's page with its broadcasts");
    }

    [Fact]
    public async Task InChinese_AFollowerOnAPhoneFollows_TheStudioBroadcastsWithinItsQuota_AndSubscriptionsTakeItLive()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(locale: "zh-CN"), $"zlin{run}", "Lin");
        var mei = new Person(await NewPageAsync(locale: "zh-CN", width: 390, height: 844), $"zmei{run}", "Mei");
        await lin.SignUpInChineseAsync();
        await mei.SignUpInChineseAsync();
        var owner = await SignInOverApiAsync(lin.Handle);
        var accountName = $"茶话 {run}";
        var account = (await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(accountName, OfficialAccountKinds.Subscription, "每周一杯好茶。"), Ct)).Account;

        // Mei opens the account's page on her phone and follows it.
        await mei.Page.GotoAsync($"/oa/{account.Id}");
        await Expect(mei.Page.Locator(".profile-name")).ToHaveTextAsync(accountName);
        await Expect(mei.Page.GetByRole(AriaRole.Region, new() { Name = "历史消息" })).ToContainTextAsync("还没有群发过消息。");
        await mei.Button("关注").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "已关注" })).ToHaveTextAsync("已关注，它的消息会显示在聊天中。");
        await Expect(mei.Link("发消息")).ToBeVisibleAsync();
        await mei.ExpectAccessibleAsync("an account's page in Chinese at phone width");
        // Back to the chats, where the account waits behind the 订阅号消息 row. (Section's whole-word match is ASCII's;
        // Chinese names have no word boundary to find.)
        await mei.Link("返回").ClickAsync();
        await mei.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^聊天") }).ClickAsync();
        var row = mei.ChatRow("订阅号消息");
        await Expect(row.Locator(".row-preview")).ToHaveTextAsync(accountName);

        // Lin broadcasts from the studio's 群发 tab; the quota speaks Chinese, before and after.
        await lin.Page.GotoAsync($"/studio/{account.Id}");
        await lin.Link("群发").ClickAsync();
        await Expect(lin.Page.Locator("#broadcast-quota")).ToContainTextAsync("今天还可群发 1 次（共 1 次）。");
        await lin.Field("群发内容").FillAsync("新茶到了");
        await lin.Button("群发").ClickAsync();
        await Expect(lin.Page.Locator(".broadcast-status")).ToHaveTextAsync("已发送给 1 位粉丝。");
        await Expect(lin.Page.Locator("#broadcast-quota")).ToContainTextAsync("今天还可群发 0 次（共 1 次）。");
        await lin.ExpectAccessibleAsync("the studio's broadcast tab in Chinese");

        // Mei's 订阅号消息 row takes it live, with a dot and no count.
        await Expect(row.Locator(".row-preview")).ToHaveTextAsync($"{accountName}: 新茶到了");
        await Expect(row.GetByRole(AriaRole.Img, new() { Name = "订阅号有新消息" })).ToBeVisibleAsync();
        await Expect(row.Locator(".badge")).ToHaveCountAsync(0);
        await mei.ScreenshotAsync("phone-oa-subscriptions-zh");
        await mei.ExpectAccessibleAsync("the chats with Subscriptions in Chinese at phone width");
    }

    [Fact]
    public async Task FollowerMessagesTheAccount_OnAPhone_AndTheOwnerAnswersFromTheStudio_UntilTheWindowCloses()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(), $"wlin{run}", "Lin");
        var mei = new Person(await NewPageAsync(width: 390, height: 844), $"wmei{run}", "Mei");
        await lin.SignUpAsync();
        await mei.SignUpAsync();
        var owner = await SignInOverApiAsync(lin.Handle);
        var accountName = $"Oolong {run}";
        var account = (await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(accountName, OfficialAccountKinds.Subscription, "Teas from Anxi."), Ct)).Account;

        // Mei opens the account's link (as a scanned code would) and follows it; then messages it.
        await mei.Page.GotoAsync($"/oa/{account.Id}");
        await mei.Button("Follow").ClickAsync();
        await mei.Link("Send message").ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/oa/{account.Id}/thread$"));
        await Expect(mei.Page.Locator(".pane-title")).ToHaveTextAsync(accountName);
        await mei.SayAsync("Do you sell oolong?");
        await Expect(mei.Messages.Locator("article.message.mine:not(.outgoing)", new() { HasTextString = "Do you sell oolong?" })).ToBeVisibleAsync();

        // Lin reads it in the studio's Messages tab and answers; Mei sees the answer live.
        await lin.Page.GotoAsync($"/studio/{account.Id}/messages");
        var follower = (await owner.GetFollowersAsync(account.Id, cancellationToken: Ct)).Followers.Single();
        await lin.Page.Locator(".inbox-list .row", new() { HasTextString = follower.OpenId }).ClickAsync();
        await Expect(lin.Page.Locator(".studio-thread article.message.theirs")).ToContainTextAsync("Do you sell oolong?");
        await lin.Field($"Reply to {follower.OpenId}").FillAsync("Yes: Tieguanyin, from Anxi.");
        await lin.Button("Send").ClickAsync();
        await Expect(lin.Page.Locator(".studio-thread article.message.mine")).ToContainTextAsync("Yes: Tieguanyin, from Anxi.");
        await lin.ScreenshotAsync("oa-studio-messages");
        await lin.ExpectAccessibleAsync("the studio's messages tab");
        await Expect(mei.Messages.Locator("article.message.theirs", new() { HasTextString = "Yes: Tieguanyin, from Anxi." })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("phone-oa-thread");
        await mei.ExpectAccessibleAsync("a thread at phone width");

        // The window holds 5 answers to her message and 3 after her follow: once they are used, the studio says why.
        for (var i = 0; i < 7; i++)
        {
            await owner.ReplyToFollowerAsync(account.Id, follower.OpenId, new AccountReplyRequest(new TextContent($"Note {i}")), Ct);
        }

        await lin.Field($"Reply to {follower.OpenId}").FillAsync("One more thing");
        await lin.Button("Send").ClickAsync();
        await Expect(lin.Page.Locator(".window-closed")).ToContainTextAsync("You can message this follower only for a while after they message you");
        await Expect(lin.Field($"Reply to {follower.OpenId}")).ToHaveValueAsync("One more thing");

        // On the phone, back from the thread is Subscriptions, where the account is read.
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true }).ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Subscriptions", Exact = true })).ToBeVisibleAsync();
        await Expect(mei.Page.Locator(".pane-list .row", new() { HasTextString = accountName })).ToContainTextAsync("Note 6");
        await mei.ScreenshotAsync("phone-oa-subscriptions");
        await mei.ExpectAccessibleAsync("Subscriptions at phone width");
    }

    [Fact]
    public async Task ServiceAccount_WaitsForAnOperator_ThenShowsAmongTheChatsWithItsOwnCount_AndAReportReachesTheOperator()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(), $"slin{run}", "Lin");
        var mei = new Person(await NewPageAsync(), $"smei{run}", "Mei");
        var op = new Person(await NewPageAsync(), ServerProcess.Operator, "Operator");
        await lin.SignUpAsync();
        await mei.SignUpAsync();
        await op.SignUpAsync();
        var accountName = $"Tea House {run}";

        // Lin asks for a service account; it waits, and nobody else may follow it yet. Lin is no operator.
        await lin.Page.GotoAsync("/studio");
        await lin.Button("Create an account").First.ClickAsync();
        await lin.Field("Name").FillAsync(accountName);
        await lin.Page.GetByRole(AriaRole.Radio, new() { Name = "Service account" }).CheckAsync();
        await lin.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "App secret" }).GetByRole(AriaRole.Button, new() { Name = "I have kept it" }).ClickAsync();
        await Expect(lin.Page.Locator(".state-note")).ToContainTextAsync("Waiting for an operator's review");
        await Expect(ReviewLink(lin)).ToHaveCountAsync(0);

        // The operator approves it from the review page.
        await op.Page.GotoAsync("/studio");
        await Expect(ReviewLink(op)).ToContainTextAsync("1");
        await ReviewLink(op).ClickAsync();
        var waiting = op.Page.Locator(".review-item", new() { HasTextString = accountName });
        await op.ExpectAccessibleAsync("the review page");
        await waiting.GetByRole(AriaRole.Button, new() { Name = $"Approve {accountName}" }).ClickAsync();
        await Expect(op.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "is approved" })).ToBeVisibleAsync();
        await Expect(waiting).ToHaveCountAsync(0);
        // The approved account's buttons are gone: the keyboard carries on from the list's heading.
        await Expect(op.Page.Locator("#pending-title")).ToBeFocusedAsync();

        // Mei follows it; its broadcast shows as a chat of its own, with a count on the row and the Chats tab.
        var owner = await SignInOverApiAsync(lin.Handle);
        var account = (await owner.GetMyOfficialAccountsAsync(Ct)).Accounts.Single();
        await mei.Page.GotoAsync($"/oa/{account.Id}");
        await mei.Button("Follow").ClickAsync();
        await Expect(mei.Link("Send message")).ToBeVisibleAsync();
        await mei.Section("Chats").ClickAsync();
        await Expect(mei.ChatRow(accountName)).ToBeVisibleAsync();
        await owner.BroadcastAsync(account.Id, new BroadcastRequest(Guid.NewGuid().ToString("N"), new TextContent("Open until ten tonight")), Ct);
        var row = mei.ChatRow(accountName);
        await Expect(row.Locator(".row-preview")).ToHaveTextAsync("Open until ten tonight");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("1");
        await Expect(mei.Section("Chats").Locator(".badge")).ToHaveTextAsync("1");
        await Expect(mei.ChatRow("Subscriptions")).ToHaveCountAsync(0);
        await mei.ExpectAccessibleAsync("the chats with a service account");
        await row.ClickAsync();
        await Expect(mei.Messages.Locator("article.message.theirs", new() { HasTextString = "Open until ten tonight" })).ToBeVisibleAsync();
        await Expect(mei.Section("Chats").Locator(".badge")).ToHaveCountAsync(0);

        // Mei reports it from its page.
        await mei.Page.GotoAsync($"/oa/{account.Id}");
        await mei.Button("Report").ClickAsync();
        var report = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = $"Report {accountName}" });
        await report.GetByRole(AriaRole.Radio, new() { Name = "Fraud or a scam" }).CheckAsync();
        await report.GetByLabel("Details (optional)").FillAsync("Asks for a deposit");
        await report.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Reported. Thank you" })).ToBeVisibleAsync();

        // The operator's review row counts it; the review page shows what Mei said, never that it was Mei, and the
        // reports are dismissed from the keyboard.
        await op.Page.GotoAsync("/studio");
        await Expect(ReviewLink(op)).ToContainTextAsync("1");
        await ReviewLink(op).ClickAsync();
        var reported = op.Page.Locator(".report-item", new() { HasTextString = accountName });
        await Expect(reported).ToContainTextAsync("Fraud or a scam: Asks for a deposit");
        await Expect(reported).ToContainTextAsync("reported by 1 person");
        await Expect(reported).Not.ToContainTextAsync("Mei");
        await Expect(reported.GetByRole(AriaRole.Link, new() { Name = accountName })).ToHaveAttributeAsync("href", $"oa/{account.Id}");
        await op.ScreenshotAsync("oa-review-reports");
        await op.ExpectAccessibleAsync("the review page with a reported account");
        await reported.GetByRole(AriaRole.Button, new() { Name = $"Dismiss the reports of {accountName}" }).FocusAsync();
        await op.Page.Keyboard.PressAsync("Enter");
        await Expect(op.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "are dismissed" })).ToBeVisibleAsync();
        await Expect(reported).ToHaveCountAsync(0);
        await Expect(op.Page.GetByText("No account has open reports.")).ToBeVisibleAsync();
        await Expect(op.Page.Locator("#reports-title")).ToBeFocusedAsync();
        await Expect(ReviewLink(op).Locator(".badge")).ToHaveCountAsync(0);
    }

    /// <summary>The studio's link to the review page; its name grows with the count of what waits.</summary>
    private static ILocator ReviewLink(Person person) =>
        person.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Review\b") });

    [Fact]
    public async Task OwnerSetsUpDeveloperMode_OnAPhone_AWrongTokenFailsVerification_TheRightOnePasses()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(width: 390, height: 844), $"dlin{run}", "Lin");
        await lin.SignUpAsync();
        var owner = await SignInOverApiAsync(lin.Handle);
        var created = await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest($"Bot Tea {run}", OfficialAccountKinds.Subscription), Ct);
        await using var bot = DeveloperServer.Start("browsertoken");

        await lin.Page.GotoAsync($"/studio/{created.Account.Id}");
        await lin.Link("Developer").ClickAsync();
        await Expect(lin.Page.Locator("#developer-state")).ToHaveTextAsync("Off");
        await Expect(lin.Page.Locator(".facts").First).ToContainTextAsync(created.Account.Admin!.AppId);
        await lin.Field("Server URL").FillAsync(bot.Url);
        await lin.Field("Token").FillAsync("wrongtoken");
        await lin.Button("Generate").ClickAsync();
        await Expect(lin.Field("EncodingAESKey")).ToHaveValueAsync(new Regex("^[A-Za-z0-9]{43}$"));
        await lin.Page.GetByRole(AriaRole.Radio, new() { Name = "Safe (recommended)" }).CheckAsync();

        // The wrong token: the server does not echo, nothing is saved, and the page says why.
        await lin.Button("Save").ClickAsync();
        var failure = lin.Page.Locator(".form-error[role=alert]");
        await Expect(failure).ToContainTextAsync("The server URL did not pass verification");
        await Expect(lin.Page.Locator("#developer-state")).ToHaveTextAsync("Off");
        await lin.ScreenshotAsync("oa-developer-failed");
        await lin.ExpectAccessibleAsync("developer settings that failed verification");

        // The right one: saved, verified, and verified again on demand.
        await lin.Field("Token").FillAsync("browsertoken");
        await lin.Button("Save").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your server answered the check: the settings are saved");
        await Expect(lin.Page.Locator("#developer-state")).ToContainTextAsync("On, server verified");
        Assert.Equal(DeveloperModes.Safe, (await owner.GetDeveloperSettingsAsync(created.Account.Id, Ct))!.Mode);
        await lin.Button("Verify").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your server answered the check.");
        await lin.ScreenshotAsync("oa-developer-verified");
        await lin.ExpectAccessibleAsync("developer settings, verified");

        // Turned off from the keyboard: the dialog's Cancel has the focus, Tab reaches Turn off.
        await lin.Button("Turn developer mode off").ClickAsync();
        var dialog = lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "Turn developer mode off?" });
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await lin.Page.Keyboard.PressAsync("Tab");
        await lin.Page.Keyboard.PressAsync("Enter");
        await Expect(lin.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Developer mode is off.");
        Assert.Null(await owner.GetDeveloperSettingsAsync(created.Account.Id, Ct));
        Assert.True(bot.Checks >= 3);
    }
}
