using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hutong.Contracts.OfficialAccounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Parameter QR codes in the browser: the owner makes one in the studio; Mei scans its image, lands on the account's
/// page, follows, and the account's app API sees which code brought her; scanning it again as a follower opens the
/// thread.
/// </summary>
public sealed class OfficialAccountQrTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACodeMadeInTheStudio_ScannedFromAnImage_FollowsWithItsScene_AndAFollowerIsTakenToTheThread()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var lin = new Person(await NewPageAsync(), $"qlin{run}", "Lin");
        var mei = new Person(await NewPageAsync(width: 390, height: 844), $"qmei{run}", "Mei");
        await lin.SignUpAsync();
        await mei.SignUpAsync();
        var owner = await SignInOverApiAsync(lin.Handle);
        var created = await owner.CreateOfficialAccountAsync(new CreateOfficialAccountRequest($"Dim Sum {run}", OfficialAccountKinds.Subscription), Ct);
        var account = created.Account;

        // Lin makes a code for the poster in the window: temporary, a day, a text scene.
        await lin.Page.GotoAsync($"/studio/{account.Id}");
        await lin.Link("QR codes").ClickAsync();
        await lin.Field("Scene").FillAsync("window-poster");
        await lin.Button("Make code").ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Code for window-poster made.");
        var image = lin.Page.GetByRole(AriaRole.Img, new() { Name = "QR code for window-poster" });
        await Expect(image).ToBeVisibleAsync();
        await lin.Page.WaitForFunctionAsync("() => [...document.images].some(i => i.alt === 'QR code for window-poster' && i.complete && i.naturalWidth > 0)");
        await lin.ScreenshotAsync("oa-studio-qr-codes");
        await lin.ExpectAccessibleAsync("the studio's QR codes tab");
        var code = Assert.Single((await owner.GetQrCodesAsync(account.Id, cancellationToken: Ct)).Codes);
        Assert.Equal("window-poster", code.SceneStr);
        var png = await owner.GetQrCodeImageAsync(code.Ticket, Ct);

        // Mei scans the poster from a photo of it: the account's page, then Follow.
        await mei.Page.GotoAsync("/scan");
        await mei.Field("Choose an image").SetInputFilesAsync(new FilePayload { Name = "poster.png", MimeType = "image/png", Buffer = png });
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/oa/{account.Id}\\?ticket={code.Ticket}$"));
        await Expect(mei.Page.Locator(".profile-name")).ToHaveTextAsync(account.Name);
        await mei.ExpectAccessibleAsync("an account's page opened by its parameter code");
        await mei.Button("Follow").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Following. Its messages show in your chats.");

        // The account's developer learns which code it was, over the app API.
        using var http = new HttpClient { BaseAddress = Fixture.Server.BaseAddress };
        var token = (string)(await http.GetFromJsonAsync<JsonObject>(
            $"cgi-bin/token?grant_type=client_credential&appid={account.Admin!.AppId}&secret={created.AppSecret}", Ct))!["access_token"]!;
        var follower = Assert.Single((await owner.GetFollowersAsync(account.Id, cancellationToken: Ct)).Followers);
        var info = (await http.GetFromJsonAsync<JsonObject>($"cgi-bin/user/info?access_token={token}&openid={follower.OpenId}", Ct))!;
        Assert.Equal(("ADD_SCENE_QR_CODE", "window-poster"), ((string)info["subscribe_scene"]!, (string)info["qr_scene_str"]!));

        // Scanned again, now that she follows: straight to the thread.
        await mei.Page.GotoAsync("/scan");
        await mei.Field("Choose an image").SetInputFilesAsync(new FilePayload { Name = "poster.png", MimeType = "image/png", Buffer = png });
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/oa/{account.Id}/thread$"));
        Assert.Equal((2, 1), (await owner.GetQrCodesAsync(account.Id, cancellationToken: Ct)).Codes.Select(c => (c.Scans, c.Follows)).Single());
    }
}
