using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>Signing up and in: clear messages for mistakes, the browser's language by default, and accessible screens.</summary>
public sealed class AccountScreenTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignUp_WithMistakes_NamesEachOneAndKeepsWhatWasTyped()
    {
        var person = new Person(await NewPageAsync(), "x", "Mei");
        await person.Page.GotoAsync("signup");
        await Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "Create account" })).ToBeVisibleAsync();
        await person.ExpectAccessibleAsync("sign-up");
        await person.ScreenshotAsync("sign-up");

        await person.Field("Handle").FillAsync("ab");
        await person.Field("Password").FillAsync("short");
        await person.Button("Create account").ClickAsync();

        await Expect(person.Page.GetByText("Enter a name.")).ToBeVisibleAsync();
        await Expect(person.Page.GetByText("A handle is 3 to 32 characters.")).ToBeVisibleAsync();
        await Expect(person.Page.GetByText("A password has at least 8 characters.")).ToBeVisibleAsync();
        await Expect(person.Field("Handle")).ToHaveValueAsync("ab");
        await Expect(person.Field("Handle")).ToHaveAttributeAsync("aria-invalid", "true");
        await person.ExpectAccessibleAsync("sign-up with errors");
    }

    [Fact]
    public async Task SignUp_WithATakenHandle_SaysSoAtTheField()
    {
        var handle = "taken" + Guid.NewGuid().ToString("N")[..6];
        var first = new Person(await NewPageAsync(), handle, "First");
        await first.SignUpAsync();

        var second = new Person(await NewPageAsync(), handle, "Second");
        await second.Page.GotoAsync("signup");
        await second.Field("Name").FillAsync("Second");
        await second.Field("Handle").FillAsync(handle);
        await second.Field("Password").FillAsync(Person.Password);
        await second.Button("Create account").ClickAsync();
        await Expect(second.Page.GetByText("That handle is taken; try another.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoAndSignsInWithTheRightOne()
    {
        var handle = "pw" + Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), handle, "Mei");
        await mei.SignUpAsync();

        var elsewhere = new Person(await NewPageAsync(), handle, "Mei");
        await elsewhere.Page.GotoAsync("/");
        await elsewhere.Field("Handle").FillAsync(handle);
        await elsewhere.Field("Password").FillAsync("not-the-password");
        await elsewhere.Button("Sign in").ClickAsync();
        await Expect(elsewhere.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong handle or password.");
        await elsewhere.ExpectAccessibleAsync("sign-in with an error");

        await elsewhere.Field("Password").FillAsync(Person.Password);
        await elsewhere.Button("Sign in").ClickAsync();
        await Expect(elsewhere.Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeVisibleAsync();

        // Two devices now: the first sees the second in its device list and can sign it out.
        await mei.Page.GotoAsync("me/devices");
        await Expect(mei.Page.Locator(".device")).ToHaveCountAsync(2);
        await mei.ExpectAccessibleAsync("devices");
        await mei.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out Web browser" }).ClickAsync();
        await Expect(elsewhere.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    [Fact]
    public async Task AChineseBrowser_GetsChinese_AndCanSwitchToEnglish()
    {
        var page = await NewPageAsync(locale: "zh-CN");
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "sign-in-zh.png") });

        await page.GetByLabel("语言").SelectOptionAsync("en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AtPhoneWidth_TheChatTakesTheWholeScreen()
    {
        var handle = "ph" + Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(width: 390, height: 780), handle, "Mei");
        await mei.SignUpAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync();
        await mei.Page.GotoAsync("me/profile");
        await Expect(mei.Page.Locator("img.qr")).ToHaveJSPropertyAsync("complete", true);
        await Expect(mei.Page.GetByRole(AriaRole.Img, new() { Name = "My QR code" })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("phone-profile");
        await mei.ExpectAccessibleAsync("profile at phone width");

        // A friend writes; at phone width the chat replaces the list and its tab bar, and Back returns to them.
        var lin = await SignUpOverApiAsync("l" + handle, "Lin");
        var cancellationToken = TestContext.Current.CancellationToken;
        var meiProfile = await lin.GetUserByHandleAsync(handle, cancellationToken);
        await lin.SendFriendRequestAsync(meiProfile.UserId, "hi", cancellationToken);
        await mei.Link("Back").ClickAsync();
        await mei.Section("Contacts").ClickAsync();
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "New friends" }).ClickAsync();
        await mei.Button("Accept Lin").ClickAsync();
        await Expect(mei.Page.Locator(".request", new() { HasTextString = "Lin" })).ToContainTextAsync("Accepted");
        var chat = (await lin.GetConversationsAsync(cancellationToken)).Conversations.Single();
        await lin.SendTextAsync(chat.ConversationId, "on the bus, five minutes", cancellationToken);

        await mei.Page.GotoAsync("");
        await mei.ChatRow("Lin").ClickAsync();
        await Expect(mei.Message("on the bus, five minutes")).ToBeVisibleAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Navigation)).ToBeHiddenAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeHiddenAsync();
        await mei.SayAsync("see you");
        await mei.ScreenshotAsync("phone-chat");
        await mei.ExpectAccessibleAsync("chat at phone width");
        await mei.Link("Back").ClickAsync();
        await Expect(mei.ChatRow("Lin")).ToContainTextAsync("see you");
        await Expect(mei.Page.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync();
    }
}
