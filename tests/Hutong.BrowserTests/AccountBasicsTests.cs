using Hutong.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// A person's own account in the browser: a photo cropped and shown to a friend at once, a new name that reaches the
/// friend's chat list and header without a reload, a new password that signs the other devices out, and deleting
/// the account.
/// </summary>
public sealed class AccountBasicsTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    /// <summary>An 8x4 PNG: wider than tall, so the crop has something to do.</summary>
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAKUlEQVR4nGM4EWADR3JIiOFEig0cySEhhhMVNnAkh4QYTvTYwJEcEgIA7n4joSV5JG0AAAAASUVORK5CYII=");

    [Fact]
    public async Task APhotoAndANewName_ReachAFriendAtOnce_AndThePasswordSignsOtherDevicesOut()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"amei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"alin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        var meiApi = await SignInOverApiAsync(mei.Handle);
        var linApi = await SignInOverApiAsync(lin.Handle);
        var request = await meiApi.SendFriendRequestAsync((await meiApi.GetUserByHandleAsync(lin.Handle, cancellationToken)).UserId, "hi", cancellationToken);
        await linApi.AcceptFriendRequestAsync(request.RequestId, cancellationToken);
        await Expect(lin.ChatRow("Mei")).ToBeVisibleAsync();
        await lin.OpenChatAsync("Mei");

        // Mei chooses a picture, places it and saves it.
        await mei.Page.GotoAsync("me/profile");
        await mei.Page.Locator("#avatar-file").SetInputFilesAsync(new FilePayload { Name = "tea.png", MimeType = "image/png", Buffer = Photo });
        var square = mei.Page.GetByRole(AriaRole.Img, new() { Name = "Your photo as others will see it" });
        await Expect(square).ToBeVisibleAsync();
        await square.FocusAsync();
        await square.PressAsync("ArrowRight");
        await mei.ExpectAccessibleAsync("photo crop");
        await mei.ScreenshotAsync("avatar-crop");
        await mei.Button("Use this photo").ClickAsync();
        await Expect(mei.Page.GetByText("Photo saved. Your friends see it at once.")).ToBeVisibleAsync();
        await Expect(mei.Page.Locator(".profile-row img.avatar-photo")).ToBeVisibleAsync();

        // Lin, with the chat open, sees the photo in the list without reloading; then Mei's new name, in the list and the header.
        await Expect(lin.ChatRow("Mei").Locator("img.avatar-photo")).ToBeVisibleAsync();
        await mei.Field("Name").FillAsync("Mei Lan");
        await mei.Button("Save").ClickAsync();
        await Expect(lin.ChatRow("Mei Lan")).ToBeVisibleAsync();
        await Expect(lin.Page.Locator(".pane-title")).ToContainTextAsync("Mei Lan");

        // A new password, with every other device signed out: the API device's token stops working.
        await mei.Page.GotoAsync("me/account");
        await mei.ExpectAccessibleAsync("account and security");
        await mei.Field("Current password").FillAsync(Person.Password);
        await mei.Field("New password (at least 8 characters)").FillAsync("bamboo-lantern-9");
        await mei.Button("Change password").ClickAsync();
        await Expect(mei.Page.GetByText("Password changed. Your other devices were signed out.")).ToBeVisibleAsync();
        await mei.ScreenshotAsync("account-security");
        var signedOut = await Assert.ThrowsAsync<HutongApiException>(() => meiApi.GetMeAsync(cancellationToken));
        Assert.Equal(401, signedOut.Status);
    }

    [Fact]
    public async Task DeletingAnAccount_NeedsItsPassword_AndEndsAtTheSignInScreen()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var zoe = new Person(await NewPageAsync(), $"azoe{run}", "Zoe");
        await zoe.SignUpAsync();

        await zoe.Page.GotoAsync("me/account");
        await zoe.Button("Delete account").ClickAsync();
        await zoe.Field("Enter your password to delete your account. This cannot be undone.").FillAsync("not-my-password");
        await zoe.Button("Delete my account").ClickAsync();
        await Expect(zoe.Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await zoe.Field("Enter your password to delete your account. This cannot be undone.").FillAsync(Person.Password);
        await zoe.Button("Delete my account").ClickAsync();

        await Expect(zoe.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await zoe.Field("Handle").FillAsync(zoe.Handle);
        await zoe.Field("Password").FillAsync(Person.Password);
        await zoe.Button("Sign in").ClickAsync();
        await Expect(zoe.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong handle or password.");
    }
}
