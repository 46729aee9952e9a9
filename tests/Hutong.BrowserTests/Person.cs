using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>Someone using Hutong in their own browser, doing what a person does: click, type, look.</summary>
public sealed class Person(IPage page, string handle, string name)
{
    public const string Password = "tea-house-42";

    public IPage Page { get; } = page;

    public string Handle { get; } = handle;

    public string Name { get; } = name;

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Link(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    /// <summary>The chats list's row for a chat.</summary>
    public ILocator ChatRow(string chatName) => Page.Locator(".list-col .row", new() { Has = Page.Locator(".row-name", new() { HasTextString = chatName }) });

    public ILocator Messages => Page.Locator(".messages");

    public ILocator Composer => Field("Message");

    public async Task SignUpAsync()
    {
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/signin"));
        await Link("Create account").ClickAsync();
        await Field("Name").FillAsync(Name);
        await Field("Handle").FillAsync(Handle);
        await Field("Password").FillAsync(Password);
        await Button("Create account").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Signs up on a page whose browser speaks Chinese: the client shows Chinese from the first screen.</summary>
    public async Task SignUpInChineseAsync()
    {
        await Page.GotoAsync("/signup");
        await Field("名字").FillAsync(Name);
        await Field("账号").FillAsync(Handle);
        await Field("密码").FillAsync(Password);
        await Button("注册账号").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "聊天", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>
    /// A section of the navigation; its name grows with a badge ("Chats 2 unread messages"), so the name is matched at the
    /// start and as a whole word ("Me" is not the "me" in "messages").
    /// </summary>
    public ILocator Section(string name) =>
        Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { NameRegex = new Regex($@"^{Regex.Escape(name)}\b") });

    public async Task OpenChatAsync(string chatName)
    {
        await Section("Chats").ClickAsync();
        await ChatRow(chatName).ClickAsync();
        await Expect(Page.Locator(".pane-title")).ToContainTextAsync(chatName);
    }

    /// <summary>Types into the open chat and presses Enter.</summary>
    public async Task SayAsync(string text)
    {
        await Composer.FillAsync(text);
        await Composer.PressAsync("Enter");
        await Expect(Composer).ToHaveValueAsync("");
    }

    /// <summary>A message in the open chat, once it is durable (not an echo still on its way).</summary>
    public ILocator Message(string text) => Messages.Locator("article.message:not(.outgoing)", new() { HasTextString = text });

    /// <summary>A system notice in the open chat (joined, recalled, ...).</summary>
    public ILocator Notice(string text) => Messages.Locator(".notice", new() { HasTextString = text });

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(TestPaths.Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, name + ".png") });
    }

    public async Task ExpectAccessibleAsync(string screen)
    {
        var violations = await Axe.SeriousViolationsAsync(Page);
        Assert.True(violations.Count == 0, $"{screen}: {string.Join("\n", violations)}");
    }
}
