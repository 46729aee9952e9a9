using System.Text.Json;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// What takes a person's attention, in the browser against a real server: a paste over the node's limit is kept and
/// counted, not cut; the tab's title counts what is unread; a hidden tab notifies, only once the person has said yes.
/// </summary>
public sealed class ComposerAndNotificationTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Stands in for the browser's <c>Notification</c>, recording what would be shown (permission stays the browser's
    /// own), and lets the test hide the tab as switching to another one does.
    /// </summary>
    private const string NotificationsAndVisibility = """
        (() => {
          const Real = window.Notification;
          window.__shown = [];
          window.Notification = class {
            constructor(title, options) { this.title = title; this.body = options.body; this.tag = options.tag; window.__shown.push(this); }
            close() { this.closed = true; }
            static get permission() { return Real.permission; }
            static requestPermission() { return Real.requestPermission(); }
          };
          let hidden = false;
          Object.defineProperty(document, 'visibilityState', { get: () => hidden ? 'hidden' : 'visible' });
          Object.defineProperty(document, 'hidden', { get: () => hidden });
          window.__setHidden = value => { hidden = value; document.dispatchEvent(new Event('visibilitychange')); };
        })();
        """;

    [Fact]
    public async Task Composer_APasteOverTheLimit_IsKeptCountedAndSentOnceTheExcessIsDeleted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"kmei{run}", "Mei");
        await mei.SignUpAsync();
        var (lin, chatId) = await FriendOverApiAsync($"klin{run}", "Lin", mei.Handle);
        await mei.OpenChatAsync("Lin");

        // 8,050 characters pasted: all of them stay, the counter says how many to remove, and nothing can send them.
        var fits = "Dear Lin, " + new string('茶', 7_986) + " end";
        var pasted = fits + new string('x', 50);
        await mei.Composer.FocusAsync();
        await mei.Page.Keyboard.InsertTextAsync(pasted);
        await Expect(mei.Composer).ToHaveValueAsync(pasted);
        var counter = mei.Page.Locator("#composer-count");
        await Expect(counter).ToHaveTextAsync("8,050 / 8,000 Too long to send: remove 50 characters.");
        var send = mei.Button("Send");
        await Expect(send).ToBeDisabledAsync();
        await Expect(send).ToHaveAccessibleDescriptionAsync("8,050 / 8,000 Too long to send: remove 50 characters.");
        await mei.Page.Keyboard.PressAsync("Enter");
        await Expect(mei.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Too long to send" })).ToHaveCountAsync(1);
        await Expect(mei.Composer).ToHaveValueAsync(pasted);
        await mei.ScreenshotAsync("composer-limit");
        await mei.ExpectAccessibleAsync("composer over the limit");

        // Mei selects the excess and deletes it; what is left goes.
        await mei.Composer.EvaluateAsync("(el, from) => el.setSelectionRange(from, el.value.length)", fits.Length);
        await mei.Page.Keyboard.PressAsync("Backspace");
        await Expect(counter).ToHaveTextAsync("8,000 / 8,000");
        await send.ClickAsync();
        await Expect(mei.Composer).ToHaveValueAsync("");
        await Expect(mei.Message("Dear Lin,")).ToBeVisibleAsync();
        var received = await lin.GetMessagesAsync(chatId, beforeSeq: long.MaxValue, limit: 1, cancellationToken: cancellationToken);
        Assert.Equal(fits, Assert.IsType<TextContent>(Assert.Single(received.Messages).Content).Text);
    }

    [Fact]
    public async Task Attention_TheTitleCountsUnread_AndAHiddenTabNotifiesOnceAllowed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var run = Guid.NewGuid().ToString("N")[..6];
        var page = await NewPageAsync();
        await page.Context.GrantPermissionsAsync(["notifications"]);
        await page.Context.AddInitScriptAsync(NotificationsAndVisibility);
        var mei = new Person(page, $"nmei{run}", "Mei");
        await mei.SignUpAsync();
        var (lin, linChat) = await FriendOverApiAsync($"nlin{run}", "Lin", mei.Handle);
        var (yun, yunChat) = await FriendOverApiAsync($"nyun{run}", "Yun", mei.Handle);
        var meiPhone = await SignInOverApiAsync(mei.Handle);

        // Nothing is asked until Mei turns notifications on in her settings.
        await mei.Section("Me").ClickAsync();
        await mei.Link("Settings").ClickAsync();
        var desktop = mei.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Desktop notifications" });
        await Expect(desktop).Not.ToBeCheckedAsync();
        await desktop.CheckAsync();
        await Expect(desktop).ToBeCheckedAsync();
        await mei.ScreenshotAsync("settings-notifications");
        await mei.ExpectAccessibleAsync("settings");

        // A message in another chat counts in the title; the tab is visible, so nothing pops up.
        await mei.OpenChatAsync("Lin");
        await Expect(mei.Page).ToHaveTitleAsync("Lin · Hutong");
        await yun.SendTextAsync(yunChat, "are you coming?", cancellationToken);
        await Expect(mei.Page).ToHaveTitleAsync("(1) Lin · Hutong");
        Assert.Empty(await ShownAsync(mei));

        // Hidden, the open chat's new message stays unread and notifies, with what it says; Mei's own from her phone does not.
        await mei.Page.EvaluateAsync("window.__setHidden(true)");
        await lin.SendTextAsync(linChat, "tea at four?", cancellationToken);
        await Expect(mei.Page).ToHaveTitleAsync("(2) Lin · Hutong");
        await meiPhone.SendTextAsync(yunChat, "on my way", cancellationToken);
        await yun.SendTextAsync(yunChat, "great", cancellationToken);
        await mei.Page.WaitForFunctionAsync("() => window.__shown.length >= 2");
        Assert.Equal([("Lin", "tea at four?", linChat), ("Yun", "great", yunChat)], await ShownAsync(mei));

        // With previews hidden, a notification says neither who nor what; a click on it opens its chat.
        await mei.Section("Me").ClickAsync();
        await mei.Link("Settings").ClickAsync();
        await mei.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Hide message previews" }).CheckAsync();
        await lin.SendTextAsync(linChat, "the secret recipe", cancellationToken);
        await mei.Page.WaitForFunctionAsync("() => window.__shown.length >= 3");
        Assert.Equal(("Hutong", "New message", linChat), (await ShownAsync(mei))[2]);
        await mei.Page.EvaluateAsync("window.__shown[2].onclick()");
        await Expect(mei.Page.Locator(".pane-title")).ToContainTextAsync("Lin");
        await Expect(mei.Message("the secret recipe")).ToBeVisibleAsync();
    }

    private static async Task<List<(string Title, string Body, string Tag)>> ShownAsync(Person person)
    {
        var shown = await person.Page.EvaluateAsync<JsonElement>("() => window.__shown.map(n => [n.title, n.body, n.tag])");
        return [.. shown.EnumerateArray().Select(n => (n[0].GetString()!, n[1].GetString()!, n[2].GetString()!))];
    }

    /// <summary>Someone set up over the API who asked to be Mei's friend and whom she accepted; their direct chat's id.</summary>
    private async Task<(HutongClient Client, string ChatId)> FriendOverApiAsync(string handle, string name, string meiHandle)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var client = await SignUpOverApiAsync(handle, name);
        var mei = await SignInOverApiAsync(meiHandle);
        var meiProfile = await client.GetUserByHandleAsync(meiHandle, cancellationToken);
        var request = await client.SendFriendRequestAsync(meiProfile.UserId, "hi", cancellationToken);
        await mei.AcceptFriendRequestAsync(request.RequestId, cancellationToken);
        var chat = (await client.GetConversationsAsync(cancellationToken)).Conversations.Single();
        return (client, chat.ConversationId);
    }
}
