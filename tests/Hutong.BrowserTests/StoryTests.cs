using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Story games in the real client: a story written from a template in the studio, an error shown at its line and
/// fixed, published in one step and shared to a friend's chat; the friend opens it from the card, plays, and resumes
/// on another device to an ending, which their friends' board of endings found shows.
/// </summary>
public sealed class StoryTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    /// <summary>An 8x4 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAKUlEQVR4nGM4EWADR3JIiOFEig0cySEhhhMVNnAkh4QYTvTYwJEcEgIA7n4joSV5JG0AAAAASUVORK5CYII=");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The story player's sandboxed frame.</summary>
    private static IFrameLocator Player(IPage page, string within = "") => page.FrameLocator(within + " iframe.hst-frame");

    [Fact]
    public async Task AStoryFromATemplate_IsFixedPublishedShared_AndPlayedToAnEndingAcrossTwoDevices()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"wmei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"wlin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        var meiApi = await SignInOverApiAsync(mei.Handle);
        var linApi = await SignInOverApiAsync(lin.Handle);
        var request = await meiApi.SendFriendRequestAsync((await meiApi.GetUserByHandleAsync(lin.Handle, Ct)).UserId, "hi", Ct);
        await linApi.AcceptFriendRequestAsync(request.RequestId, Ct);
        await Expect(mei.ChatRow("Lin")).ToBeVisibleAsync();

        // Discover → Create → a template: the studio opens with its text, and the preview plays it.
        await mei.Section("Discover").ClickAsync();
        await mei.Link("Create").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Create", Exact = true })).ToBeVisibleAsync();
        await mei.Button("Choose your tea").ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex("/stories/[0-9a-f-]{36}$"));
        var editor = mei.Field("Story text, in Ink");
        await Expect(editor).ToHaveValueAsync(new Regex("=== menu ==="));
        var preview = Player(mei.Page, ".studio-preview");
        await Expect(preview.Locator("main")).ToContainTextAsync("The teahouse is quiet this afternoon.");
        await Expect(mei.Page.Locator("#story-problems")).ToContainTextAsync("No errors.");
        await Expect(mei.Page.Locator(".studio-map svg")).ToBeVisibleAsync();

        // A mistyped divert: the error names its line, a click on it selects that line, and fixing it clears it.
        var source = await editor.InputValueAsync();
        var broken = source.Replace("-> company", "-> compnay", StringComparison.Ordinal);
        var line = broken[..broken.IndexOf("-> compnay", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        await editor.FillAsync(broken);
        var problem = mei.Page.Locator("#story-problems").GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Error · Line {line}: .*compnay") });
        await Expect(problem).ToBeVisibleAsync();
        await Expect(mei.Page.Locator($".studio-highlight .ln:nth-child({line})")).ToHaveClassAsync(new Regex("ln-error"));
        await mei.ScreenshotAsync("story-studio-error");
        await problem.ClickAsync();
        Assert.Equal(broken.Split('\n')[line - 1], await mei.Page.EvaluateAsync<string>(
            "() => { const t = document.getElementById('story-source'); return t.value.slice(t.selectionStart, t.selectionEnd); }"));
        await editor.FillAsync(source);
        await Expect(mei.Page.Locator("#story-problems")).ToContainTextAsync("No errors.");

        // An image from the device, by its name, at the end of the story's first line; the preview shows it.
        await mei.Page.EvaluateAsync("() => { const t = document.getElementById('story-source'); const at = t.value.indexOf('choose.') + 7; t.setSelectionRange(at, at); }");
        await mei.Page.Locator("#insert-image-file").SetInputFilesAsync(new FilePayload { Name = "teapot.png", MimeType = "image/png", Buffer = Png });
        await Expect(editor).ToHaveValueAsync(new Regex("waits for you to choose\\. # image: teapot\n"));
        await Expect(preview.Locator("main figure img[alt=teapot]")).ToBeVisibleAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Saved" })).ToBeVisibleAsync();
        await mei.ExpectAccessibleAsync("the story studio");

        // Publish in one step, then share the story to Lin.
        await mei.Button("Publish").ClickAsync();
        var publish = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Publish your story" });
        await publish.GetByLabel("Description", new() { Exact = true }).FillAsync("An afternoon in a teahouse");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(publish).ToContainTextAsync("Your story is published.");
        await mei.ScreenshotAsync("story-published");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Share it", Exact = true }).ClickAsync();
        var share = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share to a chat" });
        await share.GetByRole(AriaRole.Button, new() { Name = "Send to Lin" }).ClickAsync();
        await Expect(share).ToHaveCountAsync(0);

        // Lin opens it from the card and makes a choice; the story's state goes to the node.
        await lin.OpenChatAsync("Mei");
        var card = lin.Messages.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Choose your tea") });
        await Expect(card).ToBeVisibleAsync();
        await card.ClickAsync();
        await Expect(lin.Page).ToHaveURLAsync(new Regex("/mp/wx[0-9a-f]{16}"));
        var player = Player(lin.Page);
        await Expect(player.Locator("main")).ToContainTextAsync("The teahouse is quiet this afternoon.");
        // The image comes from the story's own code address, loaded.
        await Expect(player.Locator("main figure img[alt=teapot]")).ToHaveJSPropertyAsync("naturalWidth", 8);
        await lin.ScreenshotAsync("story-player");
        var saved = lin.Page.WaitForResponseAsync(r => r.Url.EndsWith("/storage", StringComparison.Ordinal) && r.Request.Method == "PUT");
        await player.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Green tea") }).ClickAsync();
        await Expect(player.Locator("main")).ToContainTextAsync("Pale leaves unfold");
        Assert.True((await saved).Ok);
        await lin.ExpectAccessibleAsync("a story, open");
        await lin.Button("More").ClickAsync();
        await lin.Page.GetByRole(AriaRole.Menuitem, new() { Name = "About" }).ClickAsync();
        var about = lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "About" });
        await about.GetByLabel("Something wrong with it? Tell the operators what").FillAsync("Too much tea");
        await about.GetByRole(AriaRole.Button, new() { Name = "Report" }).ClickAsync();
        await Expect(lin.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Reported." })).ToBeVisibleAsync();

        // On another device Lin finds the story where it was, and plays on to an ending.
        var linElsewhere = new Person(await NewPageAsync(), lin.Handle, lin.Name);
        await linElsewhere.Page.GotoAsync("/");
        await linElsewhere.Field("Handle").FillAsync(lin.Handle);
        await linElsewhere.Field("Password").FillAsync(Person.Password);
        await linElsewhere.Button("Sign in").ClickAsync();
        await Expect(linElsewhere.Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeVisibleAsync();
        await linElsewhere.Page.GotoAsync(lin.Page.Url);
        var resumed = Player(linElsewhere.Page);
        await Expect(resumed.Locator("main")).ToContainTextAsync("Pale leaves unfold");
        var endingKept = linElsewhere.Page.WaitForResponseAsync(r => r.Url.EndsWith("/cloud-storage", StringComparison.Ordinal) && r.Request.Method == "PUT");
        await resumed.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Offer them a cup") }).ClickAsync();
        await Expect(resumed.Locator(".hs-ending")).ToContainTextAsync("Ending: A new friend");
        Assert.True((await endingKept).Ok);
        await Expect(resumed.GetByRole(AriaRole.Button, new() { Name = "Share this ending" })).ToBeVisibleAsync();

        // The friends' board counts the endings found.
        await linElsewhere.Button("Endings found").ClickAsync();
        var board = linElsewhere.Page.GetByRole(AriaRole.Region, new() { Name = "Endings found" });
        await Expect(board.Locator("li", new() { HasTextString = "Lin" })).ToContainTextAsync("1 / 2");
        await linElsewhere.ScreenshotAsync("story-ending-board");

        // Lin shares the ending to Moments (a link to the story) and to Mei, who opens it to Lin's challenge.
        await resumed.GetByRole(AriaRole.Button, new() { Name = "Share this ending" }).ClickAsync();
        var shareEnding = linElsewhere.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share to a chat" });
        await Expect(shareEnding).ToContainTextAsync("Choose your tea · A new friend");
        await shareEnding.GetByRole(AriaRole.Button, new() { Name = "Share to Moments" }).ClickAsync();
        await Expect(linElsewhere.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Shared to Moments." })).ToBeVisibleAsync();
        var post = Assert.Single((await linApi.GetTimelineAsync(cancellationToken: Ct)).Posts, p => p.Card is Hutong.Contracts.Social.LinkCard);
        Assert.Contains("?path=%3Fending%3DA%2520new%2520friend", ((Hutong.Contracts.Social.LinkCard)post.Card!).Url, StringComparison.Ordinal);
        await resumed.GetByRole(AriaRole.Button, new() { Name = "Share this ending" }).ClickAsync();
        await linElsewhere.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share to a chat" }).GetByRole(AriaRole.Button, new() { Name = "Send to Mei" }).ClickAsync();
        await mei.OpenChatAsync("Lin");
        var endingCard = mei.Messages.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("A new friend") });
        await endingCard.ClickAsync();
        await Expect(Player(mei.Page).Locator(".hs-shared")).ToContainTextAsync("reached the ending “A new friend”");
    }

    [Fact]
    public async Task InChinese_AStoryIsWrittenWithTheInsertButtons_AndASecondTabsSaveIsNeverOverwrittenUnawares()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync("zh-CN"), $"zmei{run}", "小梅");
        await mei.SignUpInChineseAsync();

        await mei.Page.GotoAsync("discover");
        await mei.Link("创作").ClickAsync();
        await mei.Button("选一壶茶").ClickAsync();
        var editor = mei.Field("故事正文（Ink）");
        await Expect(editor).ToHaveValueAsync(new Regex("午后的茶馆很安静"));
        await Expect(Player(mei.Page, ".studio-preview").Locator("main")).ToContainTextAsync("午后的茶馆很安静");

        // A knot and a choice from the buttons, the choice's words typed as an input method commits them; nothing leads
        // to the new knot yet, which the studio says at its line.
        await editor.FocusAsync();
        await mei.Page.Keyboard.PressAsync("Control+End");
        await mei.Button("+ 段落结").ClickAsync();
        await Expect(editor).ToHaveValueAsync(new Regex("=== scene_1 ===\n这里发生了什么。\n-> END\n$"));
        await mei.Page.Keyboard.PressAsync("End");
        await mei.Page.Keyboard.PressAsync("ArrowDown");
        await mei.Page.Keyboard.PressAsync("End");
        await mei.Button("+ 选项").ClickAsync();
        var savedHere = mei.Page.WaitForResponseAsync(r => SavesSource(r, "去看看新的地方"));
        await mei.Page.Keyboard.InsertTextAsync("去看看新的地方");
        await Expect(editor).ToHaveValueAsync(new Regex("=== scene_1 ===\n这里发生了什么。\n\\* \\[去看看新的地方\\] -> menu\n-> END\n$"));
        var lost = mei.Page.Locator("#story-problems").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^警告 · 第 \\d+ 行: .*“scene_1”") });
        await Expect(lost).ToBeVisibleAsync();
        Assert.True((await savedHere).Ok);
        await Expect(mei.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "已保存" })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("story-studio-chinese");
        await mei.ExpectAccessibleAsync("the story studio, in Chinese");

        // The same draft in a second tab saves first; the first tab is told and loads it again, losing nothing unawares.
        var second = await mei.Page.Context.NewPageAsync();
        await second.GotoAsync(mei.Page.Url);
        var secondEditor = second.GetByLabel("故事正文（Ink）", new() { Exact = true });
        await Expect(secondEditor).ToHaveValueAsync(new Regex("去看看新的地方"));
        var secondSaved = second.WaitForResponseAsync(r => SavesSource(r, "第二个标签页"));
        await secondEditor.FillAsync((await secondEditor.InputValueAsync()) + "\n// 第二个标签页");
        Assert.True((await secondSaved).Ok);
        await editor.FillAsync((await editor.InputValueAsync()) + "\n// 第一个标签页");
        var conflict = mei.Page.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "另一个标签页" });
        await Expect(conflict).ToBeVisibleAsync();
        await conflict.GetByRole(AriaRole.Button, new() { Name = "重新载入" }).ClickAsync();
        await Expect(editor).ToHaveValueAsync(new Regex("// 第二个标签页$"));
        await Expect(conflict).ToHaveCountAsync(0);
        await second.CloseAsync();

        // Deleted, the draft leaves the list.
        await mei.Button("删除草稿").ClickAsync();
        await mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "删除草稿" }).GetByRole(AriaRole.Button, new() { Name = "删除草稿" }).ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex("/stories$"));
        await Expect(mei.Page.GetByText("还没有故事。")).ToBeVisibleAsync();
    }

    /// <summary>An autosave of the draft whose text has <paramref name="text"/>.</summary>
    private static bool SavesSource(IResponse response, string text) =>
        response.Request.Method == "PUT" && response.Url.Contains("/api/v1/stories/", StringComparison.Ordinal)
        && response.Request.PostData is { } body
        && System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("source").GetString()!.Contains(text, StringComparison.Ordinal);
}
