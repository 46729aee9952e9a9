using System.Text.RegularExpressions;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// The README's promise, in a real browser against a real server: people sign up, become friends, chat in real time,
/// make a group with a third, recall, reload, and keep going through a server restart.
/// </summary>
public sealed class ChatFlowTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TwoPeople_SignUpBefriendAndChat_InRealTimeThroughRecallReloadAndRestart()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"mei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"lin{run}", "Lin");

        // Sign up.
        await mei.SignUpAsync();
        await mei.ScreenshotAsync("chats-empty");
        await mei.ExpectAccessibleAsync("chats list");
        await lin.SignUpAsync();

        // Mei finds Lin by handle and asks; Lin sees the request arrive and accepts.
        await mei.Section("Contacts").ClickAsync();
        await mei.Link("Add friend").ClickAsync();
        await mei.Field("Their handle").FillAsync(lin.Handle);
        await mei.Button("Find").ClickAsync();
        await mei.Field("Greeting").FillAsync("Hi Lin, it's Mei from the tea house");
        await mei.Button("Send request").ClickAsync();
        await Expect(mei.Page.GetByText("Request sent")).ToBeVisibleAsync();

        var contacts = lin.Section("Contacts");
        await Expect(contacts).ToContainTextAsync("1");
        await contacts.ClickAsync();
        await lin.Link("New friends 1 waiting").ClickAsync();
        await Expect(lin.Page.GetByText("Hi Lin, it's Mei from the tea house")).ToBeVisibleAsync();
        await lin.ScreenshotAsync("friend-request");
        await lin.ExpectAccessibleAsync("friend requests");
        await lin.Button("Accept Mei").ClickAsync();

        // Their direct chat appears on both sides without a reload; Mei writes in three actions: pick, type, Enter.
        await mei.Section("Chats").ClickAsync();
        await mei.ChatRow("Lin").ClickAsync();
        await Expect(mei.Composer).ToBeFocusedAsync();
        await mei.Page.Keyboard.TypeAsync("tea at four?");
        await mei.Page.Keyboard.PressAsync("Enter");
        await Expect(mei.Message("tea at four?")).ToBeVisibleAsync();

        await lin.Section("Chats").ClickAsync();
        await Expect(lin.ChatRow("Mei").Locator(".badge")).ToHaveTextAsync("1");
        await Expect(lin.ChatRow("Mei")).ToContainTextAsync("tea at four?");
        await lin.OpenChatAsync("Mei");
        await Expect(lin.Message("tea at four?")).ToBeVisibleAsync();
        await Expect(lin.ChatRow("Mei").Locator(".badge")).ToHaveCountAsync(0);
        await lin.SayAsync("yes! 四点见");
        await Expect(mei.Message("四点见")).ToBeVisibleAsync();
        await mei.ScreenshotAsync("chat");
        await mei.ExpectAccessibleAsync("chat");

        // Mei recalls a slip within two minutes; Lin sees it go.
        await mei.SayAsync("oops, wrong chat");
        await Expect(lin.Message("oops, wrong chat")).ToBeVisibleAsync();
        var slip = mei.Message("oops, wrong chat");
        await slip.HoverAsync();
        await slip.GetByRole(AriaRole.Button, new() { Name = "Recall" }).ClickAsync();
        await Expect(lin.Notice("Mei recalled a message")).ToBeVisibleAsync();
        await Expect(lin.Messages).Not.ToContainTextAsync("oops, wrong chat");
        await Expect(mei.Notice("You recalled a message")).ToBeVisibleAsync();

        // A reload keeps the session and the history, the recall included.
        await lin.Page.ReloadAsync();
        await Expect(lin.Message("tea at four?")).ToBeVisibleAsync();
        await Expect(lin.Message("四点见")).ToBeVisibleAsync();
        await Expect(lin.Notice("Mei recalled a message")).ToBeVisibleAsync();

        // The server restarts. Both see the connection drop; what Mei sends meanwhile waits and arrives once.
        await Fixture.Server.StopAsync();
        await Expect(mei.Page.Locator(".connection")).ToContainTextAsync(new Regex("Offline|Connecting"));
        await mei.SayAsync("still there?");
        await Expect(mei.Messages.Locator("article.outgoing", new() { HasTextString = "still there?" })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("offline");
        await Fixture.Server.StartAsync(TestContext.Current.CancellationToken);
        await Expect(lin.Message("still there?")).ToBeVisibleAsync(new() { Timeout = 40_000 });
        await Expect(mei.Message("still there?")).ToBeVisibleAsync();
        await Expect(lin.Message("still there?")).ToHaveCountAsync(1);
        await Expect(mei.Page.Locator(".connection")).ToHaveAttributeAsync("data-state", "online");
        await lin.SayAsync("still here");
        await Expect(mei.Message("still here")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ASendMadeOffline_SurvivesAReload_AndGoesOutOnceWhenTheConnectionIsBack()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var page = await NewPageAsync();
        // The gateway's socket goes to the server while online; offline, each attempt is closed at once, so the
        // client keeps retrying with its backoff until the connection is back.
        var online = true;
        IWebSocketRoute? live = null;
        await page.RouteWebSocketAsync(new Regex("/ws"), socket =>
        {
            if (online)
            {
                live = socket;
                socket.ConnectToServer();
            }
            else
            {
                _ = socket.CloseAsync();
            }
        });
        var mei = new Person(page, $"omei{run}", "Mei");
        await mei.SignUpAsync();
        var lin = await NewFriendOverApiAsync($"olin{run}", "Lin", mei.Handle);
        await mei.OpenChatAsync("Lin");

        online = false;
        await live!.CloseAsync();
        await Expect(page.Locator(".connection")).ToContainTextAsync(new Regex("Offline|Connecting"));
        await mei.SayAsync("written offline");
        var echo = mei.Messages.Locator("article.outgoing", new() { HasTextString = "written offline" });
        await Expect(echo).ToBeVisibleAsync();

        // Reloaded while still offline: the send is still there, waiting.
        await page.ReloadAsync();
        await mei.OpenChatAsync("Lin");
        await Expect(echo).ToBeVisibleAsync();
        await Expect(page.Locator(".connection")).ToContainTextAsync(new Regex("Offline|Connecting"));

        // Back online: it goes out and turns into the real message, stored once.
        online = true;
        await Expect(mei.Message("written offline")).ToBeVisibleAsync(new() { Timeout = 40_000 });
        await Expect(echo).ToHaveCountAsync(0);
        var cancellationToken = TestContext.Current.CancellationToken;
        var chat = Assert.Single((await lin.GetConversationsAsync(cancellationToken)).Conversations);
        var stored = await lin.GetMessagesAsync(chat.ConversationId, afterSeq: 0, cancellationToken: cancellationToken);
        Assert.Single(stored.Messages, m => m.Content is TextContent { Text: "written offline" });
    }

    [Fact]
    public async Task AGroupWithAThird_MentionsAndRealTime_ReachEveryone()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"gmei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"glin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        // The third person only needs to exist and be Mei's friend: set up through the API.
        var yun = await NewFriendOverApiAsync($"gyun{run}", "Yun", mei.Handle);
        await BefriendInBrowsersAsync(mei, lin);

        await mei.Button("More actions").ClickAsync();
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "New group" }).ClickAsync();
        await mei.Field("Group name").FillAsync("Tea house");
        await mei.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Lin" }).CheckAsync();
        await mei.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Yun" }).CheckAsync();
        await mei.Button("Create group").ClickAsync();
        await Expect(mei.Page.Locator(".pane-title")).ToContainTextAsync("Tea house");
        await Expect(mei.Notice("You created the group")).ToBeVisibleAsync();

        // Lin sees the group appear and opens it.
        await Expect(lin.ChatRow("Tea house")).ToBeVisibleAsync();
        await lin.OpenChatAsync("Tea house");

        // Mei mentions Lin through the picker: "@", a letter, Enter picks, Enter sends.
        await mei.Composer.FocusAsync();
        await mei.Page.Keyboard.TypeAsync("@L");
        await Expect(mei.Page.GetByRole(AriaRole.Option, new() { Name = "Lin" })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("mention-picker");
        await mei.Page.Keyboard.PressAsync("Enter");
        await Expect(mei.Composer).ToHaveValueAsync("@Lin ");
        await mei.Page.Keyboard.TypeAsync("the kettle is on");
        await mei.Page.Keyboard.PressAsync("Enter");

        var mention = lin.Message("the kettle is on");
        await Expect(mention).ToBeVisibleAsync();
        await Expect(mention.Locator(".mention")).ToHaveTextAsync("@Lin");
        await Expect(mention.Locator(".sender")).ToHaveTextAsync("Mei");

        // Yun, on the API, hears it too and answers; both browsers show the answer live.
        var yunSeen = await yun.GetConversationsAsync(TestContext.Current.CancellationToken);
        var group = Assert.Single(yunSeen.Conversations, c => c.Name == "Tea house");
        await yun.SendTextAsync(group.ConversationId, "coming!", TestContext.Current.CancellationToken);
        await Expect(lin.Message("coming!")).ToBeVisibleAsync();
        await Expect(mei.Message("coming!")).ToBeVisibleAsync();
        await lin.ScreenshotAsync("group");
        await lin.ExpectAccessibleAsync("group chat");

        // Group info: members with roles, and the group's QR code.
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "Chat info" }).ClickAsync();
        await Expect(mei.Page.Locator(".members .member")).ToHaveCountAsync(3);
        await Expect(mei.Page.Locator(".member", new() { HasTextString = "Owner" })).ToContainTextAsync("Mei");
        await Expect(mei.Page.Locator("img.qr")).ToHaveJSPropertyAsync("complete", true);
        await Expect(mei.Page.GetByRole(AriaRole.Img, new() { Name = "Group QR code" })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("group-info");
        await mei.ExpectAccessibleAsync("group info");
    }

    [Fact]
    public async Task ASecondTab_OfTheSamePerson_StaysInSync()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"tmei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"tlin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        await BefriendInBrowsersAsync(mei, lin);

        // A second tab of Mei's browser shares her session.
        var tab = new Person(await mei.Page.Context.NewPageAsync(), mei.Handle, mei.Name);
        await tab.Page.GotoAsync("/");
        await tab.OpenChatAsync("Lin");
        await mei.OpenChatAsync("Lin");

        await mei.SayAsync("from the first tab");
        await Expect(tab.Message("from the first tab")).ToBeVisibleAsync();
        await Expect(tab.Message("from the first tab")).ToHaveClassAsync(new Regex("mine"));
        await lin.OpenChatAsync("Mei");
        await lin.SayAsync("to both tabs");
        await Expect(mei.Message("to both tabs")).ToBeVisibleAsync();
        await Expect(tab.Message("to both tabs")).ToBeVisibleAsync();

        // Reading in one tab clears the badge in the other; Lin never learns of it.
        await mei.Section("Me").ClickAsync();
        await tab.Section("Me").ClickAsync();
        await lin.SayAsync("unread for now");
        await Expect(mei.Section("Chats").Locator(".badge")).ToHaveTextAsync("1");
        await Expect(tab.Section("Chats").Locator(".badge")).ToHaveTextAsync("1");
        await mei.OpenChatAsync("Lin");
        await Expect(mei.Message("unread for now")).ToBeVisibleAsync();
        await Expect(tab.Section("Chats").Locator(".badge")).ToHaveCountAsync(0);
        await Expect(lin.Messages).Not.ToContainTextAsync(new Regex(@"\b(Read|Seen)\b|已读"));
        await Expect(lin.Message("unread for now").Locator(".message-status")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task History_Images_FilesAndQuotes_WorkInTheBrowser()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"hmei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"hlin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        await BefriendInBrowsersAsync(mei, lin);

        // Lin has written a lot before Mei looks: she sees the newest, and scrolling up brings the rest.
        var linApi = await SignInOverApiAsync(lin.Handle);
        var chat = (await linApi.GetConversationsAsync(cancellationToken)).Conversations.Single();
        for (var i = 1; i <= 120; i++)
        {
            await linApi.SendTextAsync(chat.ConversationId, $"note {i:000}", cancellationToken);
        }

        await mei.OpenChatAsync("Lin");
        await Expect(mei.Message("note 120")).ToBeVisibleAsync();
        await Expect(mei.Message("note 001")).ToHaveCountAsync(0);
        var shown = mei.Messages.Locator("article.message");
        while (await mei.Message("note 001").CountAsync() == 0)
        {
            // Each scroll to the top brings one more page above.
            var before = await shown.CountAsync();
            await mei.Messages.EvaluateAsync("el => el.scrollTop = 0");
            await Expect(shown).Not.ToHaveCountAsync(before);
        }

        await Expect(mei.Message("note 001")).ToBeVisibleAsync();
        await Expect(mei.Page.GetByText("This is the start of the chat.")).ToBeVisibleAsync();

        // An image goes up with its preview and arrives inline; a click opens the viewer, Escape closes it.
        await mei.Page.Locator(".composer input[type=file]").SetInputFilesAsync(new FilePayload { Name = "tea.png", MimeType = "image/png", Buffer = TinyPng });
        await lin.OpenChatAsync("Mei");
        var image = lin.Messages.Locator("article.message img.message-image");
        await Expect(image).ToBeVisibleAsync();
        await lin.Page.GetByRole(AriaRole.Button, new() { Name = "Open image" }).ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "Image" })).ToBeVisibleAsync();
        await lin.Page.Keyboard.PressAsync("Escape");
        await Expect(lin.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        // A file arrives as a named download.
        await mei.Page.Locator(".composer input[type=file]").SetInputFilesAsync(new FilePayload { Name = "menu.txt", MimeType = "text/plain", Buffer = "green tea, oolong"u8.ToArray() });
        await Expect(lin.Page.GetByRole(AriaRole.Button, new() { Name = "Download menu.txt" })).ToBeVisibleAsync();

        // Lin quotes a message in her answer; Mei sees the quote with it.
        var quoted = lin.Message("note 120");
        await quoted.HoverAsync();
        await quoted.GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await Expect(lin.Composer).ToBeFocusedAsync();
        await lin.Page.Keyboard.TypeAsync("this one");
        await lin.Page.Keyboard.PressAsync("Enter");
        var answer = mei.Message("this one");
        await Expect(answer.Locator(".quote")).ToContainTextAsync("note 120");
    }

    [Fact]
    public async Task Contacts_RemarkTagsDeclineMuteAndPin_ShowWhereTheyShould()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"cmei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"clin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        await BefriendInBrowsersAsync(mei, lin);
        var yun = await NewFriendOverApiAsync($"cyun{run}", "Yun", mei.Handle);
        var yunChat = (await yun.GetConversationsAsync(TestContext.Current.CancellationToken)).Conversations.Single();

        // A remark renames Lin for Mei alone; tags show under the name.
        await mei.Section("Contacts").ClickAsync();
        await mei.Page.Locator(".list-col .row", new() { HasTextString = "Lin" }).ClickAsync();
        await mei.Field("Remark").FillAsync("Lin (tea)");
        await mei.Field("Tags").FillAsync("tea, 朋友");
        await mei.Button("Save").ClickAsync();
        await Expect(mei.Page.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(mei.Page.Locator(".list-col .row", new() { HasTextString = "Lin (tea)" })).ToContainTextAsync("tea, 朋友");

        // Under Tags, "tea" is given to Yun too and renamed, in one save; both friends show it.
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "Tags" }).ClickAsync();
        await mei.Page.Locator(".pane-col .row", new() { Has = mei.Page.Locator(".row-name", new() { HasTextString = "tea" }) }).ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Lin (tea)" })).ToBeCheckedAsync();
        await mei.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Yun" }).CheckAsync();
        await mei.Field("Tag name").FillAsync("tea club");
        await mei.Button("Save").ClickAsync();
        await Expect(mei.Page.Locator(".pane-title")).ToHaveTextAsync("tea club");
        await mei.ExpectAccessibleAsync("a friend tag");
        await mei.ScreenshotAsync("friend-tag");
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "Tags" }).ClickAsync();
        await Expect(mei.Page.Locator(".pane-col .row", new() { HasTextString = "tea club" })).ToContainTextAsync("2 friends");
        await Expect(mei.Page.Locator(".list-col .row", new() { HasTextString = "Yun" })).ToContainTextAsync("tea club");
        await mei.Section("Chats").ClickAsync();
        await Expect(mei.ChatRow("Lin (tea)")).ToBeVisibleAsync();

        // Pinned goes first; muted shows a dot, not a count, and leaves the tab's badge alone.
        await mei.OpenChatAsync("Yun");
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "Chat info" }).ClickAsync();
        await mei.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Pin to top" }).CheckAsync();
        await mei.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Mute" }).CheckAsync();
        await Expect(mei.Page.Locator(".list-col .row").First).ToContainTextAsync("Yun");
        await mei.Section("Contacts").ClickAsync();
        await yun.SendTextAsync(yunChat.ConversationId, "quiet news", TestContext.Current.CancellationToken);
        await Expect(mei.Page.Locator(".list-col .row", new() { HasTextString = "New friends" })).ToBeVisibleAsync();
        await mei.Section("Chats").ClickAsync();
        await Expect(mei.ChatRow("Yun")).ToContainTextAsync("quiet news");
        await Expect(mei.ChatRow("Yun").Locator(".dot")).ToBeVisibleAsync();
        await Expect(mei.ChatRow("Yun").Locator(".badge")).ToHaveCountAsync(0);
        await Expect(mei.Section("Chats").Locator(".badge")).ToHaveCountAsync(0);

        // A message typed and left stays as a draft, shown in the list, until Mei comes back to it.
        await mei.ChatRow("Yun").ClickAsync();
        await mei.Composer.FillAsync("half a thought");
        await mei.ChatRow("Lin (tea)").ClickAsync();
        await Expect(mei.ChatRow("Yun")).ToContainTextAsync("[Draft] half a thought");
        await mei.ChatRow("Yun").ClickAsync();
        await Expect(mei.Composer).ToHaveValueAsync("half a thought");
        await mei.Composer.FillAsync("");

        // The keyboard moves between chats: Alt+Down opens the next one, and its composer has the focus.
        await mei.Page.Keyboard.PressAsync("Alt+ArrowDown");
        await Expect(mei.Page.Locator(".pane-title")).ToContainTextAsync("Lin (tea)");
        await Expect(mei.Composer).ToBeFocusedAsync();
        await mei.Page.Keyboard.PressAsync("Control+k");
        await Expect(mei.Field("Search chats")).ToBeFocusedAsync();

        // A request Mei does not want, she declines.
        var stranger = await SignUpOverApiAsync($"cstr{run}", "Stranger");
        var meiProfile = await stranger.GetUserByHandleAsync(mei.Handle, TestContext.Current.CancellationToken);
        await stranger.SendFriendRequestAsync(meiProfile.UserId, "buy my tea", TestContext.Current.CancellationToken);
        await mei.Section("Contacts").ClickAsync();
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "New friends" }).ClickAsync();
        await mei.Button("Decline Stranger").ClickAsync();
        await Expect(mei.Page.Locator(".request", new() { HasTextString = "Stranger" })).ToContainTextAsync("Declined");
        await Expect(mei.Section("Contacts").Locator(".badge")).ToHaveCountAsync(0);
        var outgoing = await stranger.GetFriendRequestsAsync("outgoing", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("declined", Assert.Single(outgoing.Requests).State);
    }

    /// <summary>A 1x1 PNG: the server decides an upload's type from its bytes.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<HutongClient> NewFriendOverApiAsync(string handle, string name, string friendHandle)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var client = await SignUpOverApiAsync(handle, name);
        var friend = await client.GetUserByHandleAsync(friendHandle, cancellationToken);
        var other = await SignInOverApiAsync(friendHandle);
        var request = await client.SendFriendRequestAsync(friend.UserId, "hi", cancellationToken);
        await other.AcceptFriendRequestAsync(request.RequestId, cancellationToken);
        return client;
    }

    /// <summary>
    /// Lin asks Mei over the API while Mei has "New friends" open, so the request must appear there live; Mei accepts
    /// in her browser.
    /// </summary>
    private async Task BefriendInBrowsersAsync(Person mei, Person lin)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await mei.Section("Contacts").ClickAsync();
        await mei.Page.GetByRole(AriaRole.Link, new() { Name = "New friends" }).ClickAsync();
        await Expect(mei.Page.Locator(".pane-title")).ToHaveTextAsync("New friends");
        var linApi = await SignInOverApiAsync(lin.Handle);
        var meiProfile = await linApi.GetUserByHandleAsync(mei.Handle, cancellationToken);
        await linApi.SendFriendRequestAsync(meiProfile.UserId, "hello", cancellationToken);
        await mei.Button("Accept Lin").ClickAsync();
        await mei.Section("Chats").ClickAsync();
        await Expect(mei.ChatRow("Lin")).ToBeVisibleAsync();
        await Expect(lin.ChatRow("Mei")).ToBeVisibleAsync();
    }
}
