using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// The booking sample (samples/booking) end to end, as its README runs it: the developer makes the app and uploads,
/// submits and releases the mini-program with the <c>hutong</c> tool, the operator approves it, the sample's backend
/// runs as its own process, taking deposits for the developer's merchant (set up over the node's API as the README
/// does); Mei shares the app into her chat with Lin, and Lin opens it from the card, is signed in by the backend
/// (wx.login, then /sns/jscode2session), books a slot, pays its deposit in the cashier with her PIN and finds it under
/// My bookings with the deposit paid, and the reminder in her service notices.
/// </summary>
public sealed partial class BookingSampleTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string Pin = "314159";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app's page in view: the sandboxed frame of the page on top.</summary>
    private static IFrameLocator View(IPage page) => page.FrameLocator("iframe.hmp-view:not([hidden])");

    [Fact]
    public async Task TheSample_ReleasedWithTheCli_IsOpenedFromACardInAChat_AndLinBooksASlotThroughItsBackend()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var appName = $"Lotus Massage {run}";
        var server = Fixture.Server.BaseAddress;
        var ops = await OperatorAsync();
        var dev = await SignUpOverApiAsync($"bdev{run}", "Lotus Studio");
        await using var backend = BookingBackendProcess.OnFreePort();
        var project = CopySample();
        var keys = Directory.CreateTempSubdirectory("hutong-booking-merchant-").FullName;
        try
        {
            // The developer's terminal: the app made for the sample's folder, pointed at the backend, and released.
            File.WriteAllText(Path.Combine(project, "utils", "config.js"), $"module.exports = {{ backend: '{backend.Origin}' }};\n");
            var cli = new CliProcess(server, dev.Token!, project);
            var created = await cli.RunAsync("mp", "new", appName, "--dir", project, "--domain", backend.Origin);
            Assert.True(created.ExitCode == 0, created.Output);
            var appId = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(project, "project.config.json")))!["appid"]!;
            Assert.StartsWith("wx", appId, StringComparison.Ordinal);
            var secret = AppSecret().Match(created.Output) is { Success: true } found
                ? found.Groups[1].Value
                : throw new InvalidOperationException($"hutong mp new showed no secret:\n{created.Output}");

            var uploaded = await cli.RunAsync("mp", "upload", "--version", "1.0.0", "--note", "First version");
            Assert.True(uploaded.ExitCode == 0, uploaded.Output);
            var submitted = await cli.RunAsync("mp", "submit", "--version", "1.0.0");
            Assert.True(submitted.ExitCode == 0, submitted.Output);
            var waiting = (await ops.GetMiniProgramReviewsAsync(Ct)).Waiting.Single(w => w.App.AppId == appId);
            Assert.Equal("1.0.0", waiting.Version.Version);
            await ops.ApproveMiniProgramVersionAsync(waiting.Version.Id, Ct);
            var released = await cli.RunAsync("mp", "release");
            Assert.True(released.ExitCode == 0, released.Output);

            // The developer's studio takes deposits: the merchant applied for, approved and keyed over the API.
            var merchant = await MerchantAsync(dev, ops, appId, keys);
            await backend.StartAsync(server, appId, secret, new Dictionary<string, string>(merchant)
            {
                ["WeChatPay:Server"] = server.ToString(),
                ["WeChatPay:NotifyUrl"] = backend.Origin + "/wechatpay/notify",
            });

            var mei = new Person(await NewPageAsync(), $"bmei{run}", "Mei");
            var lin = new Person(await NewPageAsync(), $"blin{run}", "Lin");
            await mei.SignUpAsync();
            await lin.SignUpAsync();
            var meiApi = await SignInOverApiAsync(mei.Handle);
            var linApi = await SignInOverApiAsync(lin.Handle);
            await linApi.SetPinAsync(Pin, cancellationToken: Ct);
            await linApi.TopUpAsync("seed", 10_000, Ct);
            var request = await meiApi.SendFriendRequestAsync((await meiApi.GetUserByHandleAsync(lin.Handle, Ct)).UserId, "hi", Ct);
            await linApi.AcceptFriendRequestAsync(request.RequestId, Ct);
            await Expect(mei.ChatRow("Lin")).ToBeVisibleAsync();

            // Mei opens the app (its first page signs her in with the backend and lists the treatments), and shares it.
            await mei.Page.GotoAsync($"mp/{appId}");
            await Expect(Service(mei.Page, "Foot massage")).ToContainTextAsync("¥168");
            await mei.Button("More").ClickAsync();
            await mei.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Share to a chat" }).ClickAsync();
            var share = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share to a chat" });
            await Expect(share).ToContainTextAsync(appName);
            await share.GetByRole(AriaRole.Button, new() { Name = "Send to Lin" }).ClickAsync();
            await Expect(share).ToHaveCountAsync(0);
            await Expect(mei.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Shared to Lin." })).ToBeVisibleAsync();

            // Lin: one tap on the card opens the app, which signs her in with its backend.
            await lin.OpenChatAsync("Mei");
            var card = lin.Messages.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(appName)) });
            await Expect(card).ToContainTextAsync("Mini Program");
            await card.ClickAsync();
            await Expect(lin.Page).ToHaveURLAsync(new Regex($"/mp/{appId}"));
            var view = View(lin.Page);
            await Expect(Service(lin.Page, "Foot massage")).ToContainTextAsync("60 min");
            await Expect(Service(lin.Page, "Back and shoulders")).ToContainTextAsync("¥128");
            await Expect(Service(lin.Page, "Full body")).ToContainTextAsync("¥238");
            await lin.ScreenshotAsync("booking-services");
            await lin.ExpectAccessibleAsync("the booking sample's services");

            // Tomorrow, so that there are free slots whatever the time of the run.
            await Service(lin.Page, "Foot massage").ClickAsync();
            await Expect(view.Locator(".header .name")).ToHaveTextAsync("Foot massage");
            await view.Locator(".day").Nth(1).ClickAsync();
            await Expect(view.Locator(".day.selected")).ToContainTextAsync("Tomorrow");
            var slot = view.Locator(".slot:not(.taken)").First;
            await Expect(slot).ToBeVisibleAsync();
            var time = (await slot.TextContentAsync())!.Trim();
            await lin.ScreenshotAsync("booking-slots");
            await slot.ClickAsync();

            await Expect(view.Locator(".summary .name")).ToHaveTextAsync("Foot massage");
            await Expect(view.Locator(".summary")).ToContainTextAsync(time);
            await Expect(view.Locator(".summary .row").Filter(new() { HasTextString = "Deposit now" })).ToContainTextAsync("¥20");
            await view.Locator("#name").FillAsync("Lin");
            await view.Locator("#book").ClickAsync();
            var consent = lin.Page.GetByRole(AriaRole.Dialog).Filter(new() { HasTextString = "Booking reminder" });
            await Expect(consent).ToBeVisibleAsync();
            await lin.ExpectAccessibleAsync("the booking sample asking for a reminder");
            await consent.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

            // Booked; the backend ordered the deposit, and wx.requestPayment opens the cashier with its parameters.
            var cashier = lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "Payment" });
            await Expect(cashier.Locator(".pay-merchant")).ToHaveTextAsync("Lotus Massage");
            await Expect(cashier.Locator(".pay-what")).ToContainTextAsync("Deposit: Foot massage, ");
            await Expect(cashier.Locator(".pay-what")).ToContainTextAsync(time);
            await Expect(cashier.Locator(".pay-amount")).ToContainTextAsync("¥20.00");
            await lin.ScreenshotAsync("booking-deposit");
            await lin.ExpectAccessibleAsync("the cashier over the booking sample");
            await cashier.GetByLabel("Payment PIN").FillAsync(Pin);
            await cashier.GetByRole(AriaRole.Button, new() { Name = "Pay ¥20.00" }).ClickAsync();
            await cashier.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

            // The app shows the deposit paid once its backend says so (the node's notification, or its query), and
            // switches to My bookings, where the booking is, with the deposit paid and the reminder sent.
            await Expect(lin.Page.GetByRole(AriaRole.Tab, new() { Name = "My bookings" })).ToHaveAttributeAsync("aria-selected", "true");
            var booking = view.Locator(".booking").Filter(new() { HasTextString = time });
            await Expect(booking).ToContainTextAsync("Foot massage");
            await Expect(booking).ToContainTextAsync("For Lin");
            await Expect(booking).ToContainTextAsync("Deposit paid");
            await Expect(booking).ToContainTextAsync("Reminder sent");
            Assert.Equal(8_000, (await linApi.GetWalletAsync(Ct)).Balance);
            await lin.ScreenshotAsync("booking-done");

            // Through the tab bar: Services, then My bookings again, loaded afresh from the backend.
            await lin.Page.GetByRole(AriaRole.Tab, new() { Name = "Services" }).ClickAsync();
            await Expect(Service(lin.Page, "Foot massage")).ToBeVisibleAsync();
            await lin.Page.GetByRole(AriaRole.Tab, new() { Name = "My bookings" }).ClickAsync();
            await Expect(view.Locator(".booking")).ToHaveCountAsync(1);
            await Expect(view.Locator(".booking")).ToContainTextAsync(time);
            await Expect(view.Locator(".booking")).ToContainTextAsync("Reminder sent");
            await Expect(view.Locator(".booking")).ToContainTextAsync("Deposit paid");
            // The list on its own, once the app's "Booked" toast has timed out.
            await Expect(lin.Page.Locator(".hmp-toast")).ToHaveCountAsync(0);
            await lin.ScreenshotAsync("booking-mine");
            await lin.ExpectAccessibleAsync("the booking sample's bookings");

            // The reminder is in Lin's service notices.
            await lin.Button("Close mini-program").ClickAsync();
            await lin.Section("Discover").ClickAsync();
            await lin.Link("Mini Programs").ClickAsync();
            var notices = lin.Page.GetByRole(AriaRole.List, new() { Name = "Service notices" });
            var notice = notices.Locator(".mp-notice").Filter(new() { HasTextString = appName });
            await Expect(notice).ToContainTextAsync("Booking reminder");
            await Expect(notice).ToContainTextAsync("Foot massage");
            await Expect(notice).ToContainTextAsync(time);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- booking backend ---\n{backend.Output}", e);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
            Directory.Delete(keys, recursive: true);
        }
    }

    /// <summary>
    /// The developer's merchant, set up as the sample's README does it over the node's API: applied for, approved by
    /// the operator, an API v3 key set, a fresh RSA public key uploaded (its private half into a PEM file under
    /// <paramref name="folder"/>) and the app bound. The backend's WeChatPay settings for it.
    /// </summary>
    private static async Task<Dictionary<string, string>> MerchantAsync(HutongClient developer, HutongClient ops, string appId, string folder)
    {
        var merchant = await developer.CreateMerchantAsync(new CreateMerchantRequest("Lotus Massage Studio Ltd", "Lotus Massage", "Health and beauty"), Ct);
        await ops.ApproveMerchantAsync(merchant.MerchantId, Ct);
        var apiV3Key = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
        await developer.SetMerchantApiV3KeyAsync(merchant.MerchantId, apiV3Key, Ct);
        using var key = RSA.Create(2048);
        var uploaded = await developer.AddMerchantKeyAsync(merchant.MerchantId, key.ExportSubjectPublicKeyInfoPem(), Ct);
        await developer.BindMerchantAppAsync(merchant.MerchantId, appId, Ct);
        var path = Path.Combine(folder, "merchant_key.pem");
        await File.WriteAllTextAsync(path, key.ExportPkcs8PrivateKeyPem(), Ct);
        return new Dictionary<string, string>
        {
            ["WeChatPay:MchId"] = merchant.MchId,
            ["WeChatPay:SerialNo"] = uploaded.SerialNo,
            ["WeChatPay:PrivateKeyPath"] = path,
            ["WeChatPay:ApiV3Key"] = apiV3Key,
        };
    }

    /// <summary>A treatment on the services page in view.</summary>
    private static ILocator Service(IPage page, string name) => View(page).Locator(".service").Filter(new() { HasTextString = name });

    /// <summary>The sample's mini-program folder, copied: <c>hutong mp new</c> writes the app id into it.</summary>
    private static string CopySample()
    {
        var copy = Directory.CreateTempSubdirectory("hutong-booking-mp-").FullName;
        foreach (var file in Directory.EnumerateFiles(TestPaths.BookingMiniProgram, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(TestPaths.BookingMiniProgram, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
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

    [GeneratedRegex(@"App secret:\s*(\S+)")]
    private static partial Regex AppSecret();
}
