using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QRCoder;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Scan in the browser against a real server, with the QR codes the server makes: Mei scans Lin's code from an image
/// and from the (fake) camera and lands on his profile to add him, scans a group's code and joins it on a phone, and
/// sees what an image without a code, or with someone else's code, says.
/// </summary>
public sealed class ScanTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImageOfAPersonsCode_OpensTheirProfile_WhereMeiAddsThem()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"smei{run}", "Mei");
        var fetched = new ConcurrentQueue<string>();
        mei.Page.Request += (_, request) => fetched.Enqueue(request.Url);
        await mei.SignUpAsync();
        var lin = await SignUpOverApiAsync($"slin{run}", "Lin");
        var linId = (await lin.GetMeAsync(Ct)).UserId;
        var linCode = await lin.GetUserQrAsync(linId, cancellationToken: Ct);

        // Discover → Scan: the camera starts at once (the shared browser's fake camera shows a test pattern, no code).
        await mei.Section("Discover").ClickAsync();
        Assert.DoesNotContain(fetched, url => url.Contains("qr-scanner", StringComparison.Ordinal) || url.Contains("/scan.", StringComparison.Ordinal));
        await mei.Link("Scan").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Scan", Exact = true })).ToBeVisibleAsync();
        await Expect(mei.Page.Locator(".scan-hint")).ToHaveTextAsync("Point the camera at a QR code: it is read as soon as it is in view.");
        await mei.Page.WaitForFunctionAsync("() => document.querySelector('video.scan-preview')?.readyState >= 2");
        // The decoder came with Scan, not with the app.
        Assert.Contains(fetched, url => url.Contains("/lib/qr-scanner/qr-scanner.min.", StringComparison.Ordinal));
        await mei.ScreenshotAsync("scan");
        await mei.ExpectAccessibleAsync("Scan");

        await mei.Field("Choose an image").SetInputFilesAsync(new FilePayload { Name = "lin.png", MimeType = "image/png", Buffer = linCode });

        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/contacts/add\\?user={linId}$"));
        await Expect(mei.Page.Locator(".profile-name")).ToHaveTextAsync("Lin");
        await Expect(mei.Page.Locator(".profile-handle")).ToHaveTextAsync($"@slin{run}");
        await mei.ExpectAccessibleAsync("a scanned person's profile");
        await mei.Button("Send request").ClickAsync();
        await Expect(mei.Page.GetByText("Request sent")).ToBeVisibleAsync();
        var asked = await lin.GetFriendRequestsAsync("incoming", cancellationToken: Ct);
        Assert.Contains(asked.Requests, r => r.From.Handle == mei.Handle);
    }

    [Fact]
    public async Task ImageOfAGroupsCode_OnAPhone_OpensTheJoinScreen_AndJoiningOpensTheChat()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(width: 390, height: 844), $"gmei{run}", "Mei");
        await mei.SignUpAsync();
        var lin = await SignUpOverApiAsync($"glin{run}", "Lin");
        var yun = await SignUpOverApiAsync($"gyun{run}", "Yun");
        var yunProfile = await lin.GetUserByHandleAsync($"gyun{run}", Ct);
        var request = await lin.SendFriendRequestAsync(yunProfile.UserId, "hi", Ct);
        await yun.AcceptFriendRequestAsync(request.RequestId, Ct);
        var group = await lin.CreateGroupAsync("Tea house", [yunProfile.UserId], Ct);
        var groupCode = await lin.GetGroupQrAsync(group.ConversationId, cancellationToken: Ct);

        // The chats list's "+" opens with the keyboard and closes with Escape; then Scan from it.
        var more = mei.Button("More actions");
        await more.FocusAsync();
        await mei.Page.Keyboard.PressAsync("Enter");
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "true");
        await mei.Page.Keyboard.PressAsync("Escape");
        await Expect(mei.Link("Scan")).ToHaveCountAsync(0);
        await Expect(more).ToBeFocusedAsync();
        await more.ClickAsync();
        await mei.Link("Scan").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Scan", Exact = true })).ToBeVisibleAsync();
        await Expect(mei.Page.Locator(".scan-hint")).ToHaveTextAsync("Point the camera at a QR code: it is read as soon as it is in view.");
        await mei.ScreenshotAsync("phone-scan");
        await mei.ExpectAccessibleAsync("Scan at phone width");

        await mei.Field("Choose an image").SetInputFilesAsync(new FilePayload { Name = "group.png", MimeType = "image/png", Buffer = groupCode });

        await Expect(mei.Page).ToHaveURLAsync(new Regex("/discover\\?join=[A-Za-z0-9_-]+$"));
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Join this group?" })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("phone-scan-join");
        await mei.ExpectAccessibleAsync("joining a scanned group");
        await mei.Button("Join").ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/chats/{group.ConversationId}$"));
        await Expect(mei.Page.Locator(".pane-title")).ToContainTextAsync("Tea house");
    }

    [Fact]
    public async Task InChinese_ImageWithoutACode_SaysSo_AndOneWithAWebLink_ShowsItWithoutOpeningIt()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(locale: "zh-CN"), $"zmei{run}", "Mei");
        await mei.SignUpInChineseAsync();
        await mei.Page.GotoAsync("/scan");
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "扫一扫", Exact = true })).ToBeVisibleAsync();

        // Picked with the keyboard: the focused "Choose an image" opens the file chooser on Enter, as a button does.
        // The wait starts first: Playwright turns on catching choosers when it starts, and a chooser the browser opens
        // before that is done is lost (waiting and pressing together lost about one in two here).
        var choosing = mei.Page.WaitForFileChooserAsync();
        await mei.Field("选择图片").FocusAsync();
        await mei.Page.Keyboard.PressAsync("Enter");
        var chooser = await choosing;
        await chooser.SetFilesAsync(new FilePayload { Name = "colours.png", MimeType = "image/png", Buffer = Qr.None() });
        await Expect(mei.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("这张图片中没有找到二维码。请换一张清晰、完整显示二维码的图片。");
        await Expect(mei.Page).ToHaveURLAsync(new Regex("/scan$"));

        await mei.Field("选择图片").SetInputFilesAsync(new FilePayload { Name = "menu.png", MimeType = "image/png", Buffer = Qr.Of("茶单 Tea menu: https://tea.example/menu") });
        var result = mei.Page.Locator(".scan-result");
        await Expect(result.GetByRole(AriaRole.Heading)).ToHaveTextAsync("不是胡同二维码");
        await Expect(result.GetByRole(AriaRole.Heading)).ToBeFocusedAsync();
        await Expect(result.Locator(".scan-text")).ToHaveTextAsync("茶单 Tea menu: https://tea.example/menu");
        await Expect(result.GetByRole(AriaRole.Link, new() { Name = "https://tea.example/menu" })).ToHaveAttributeAsync("href", "https://tea.example/menu");
        await Expect(mei.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        Assert.Single(mei.Page.Context.Pages);
        await Expect(mei.Page).ToHaveURLAsync(new Regex("/scan$"));
        await mei.ScreenshotAsync("scan-not-hutong-zh");
        await mei.ExpectAccessibleAsync("a code that is not Hutong's");
    }

    [Fact]
    public async Task CameraPointedAtAPersonsCode_OpensTheirProfile()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = await SignUpOverApiAsync($"clin{run}", "Lin");
        var linId = (await lin.GetMeAsync(Ct)).UserId;
        var folder = Directory.CreateTempSubdirectory("hutong-scan-camera-");
        try
        {
            var png = Path.Combine(folder.FullName, "lin.png");
            await File.WriteAllBytesAsync(png, await lin.GetUserQrAsync(linId, cancellationToken: Ct), Ct);
            var browser = await Fixture.LaunchWithCameraAsync(await CameraVideoAsync(png));
            var mei = new Person(await NewPageAsync(browser: browser), $"cmei{run}", "Mei");
            await mei.SignUpAsync();

            await mei.Section("Discover").ClickAsync();
            await mei.Link("Scan").ClickAsync();

            await Expect(mei.Page).ToHaveURLAsync(new Regex($"/contacts/add\\?user={linId}$"));
            await Expect(mei.Page.Locator(".profile-name")).ToHaveTextAsync("Lin");
            await Expect(mei.Button("Send request")).ToBeVisibleAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The picture as Chromium's fake camera plays it: a few frames of Y4M, the code centred on white.</summary>
    private static async Task<string> CameraVideoAsync(string png)
    {
        var video = Path.ChangeExtension(png, ".y4m");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-v", "error", "-nostdin", "-loop", "1", "-i", png,
            "-vf", "scale=400:400:flags=neighbor,pad=640:480:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p",
            "-frames:v", "5", "-y", video,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(start)!;
        var errors = ffmpeg.StandardError.ReadToEndAsync(Ct);
        await ffmpeg.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg could not make the camera's video: {await errors}");
        return video;
    }

    /// <summary>QR codes of other things than Hutong's, made here as a phone's camera app would find them.</summary>
    private static class Qr
    {
        public static byte[] Of(string text)
        {
            using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
            return new PngByteQRCode(data).GetGraphic(8);
        }

        /// <summary>An 8x4 picture of a few colours, with no code in it.</summary>
        public static byte[] None() => Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAKUlEQVR4nGM4EWADR3JIiOFEig0cySEhhhMVNnAkh4QYTvTYwJEcEgIA7n4joSV5JG0AAAAASUVORK5CYII=");
    }
}
