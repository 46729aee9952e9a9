using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// The tap game sample (samples/tap-game), released with the developer tool as its README says, and played in the
/// real client: Mei pops bubbles with the mouse (pointer events on the game's canvas, as a finger's would be) until the
/// round ends and the game stores her score; her friend Lin sees it on the board the game's open data context draws, a
/// stranger does not, and once Lin removes her as a friend she is gone from his board. What the board shows is read
/// where a screen reader reads it: the host's live region, which the open data context fills and no part of the game
/// can read.
/// </summary>
public sealed class GameTests(BrowserFixture fixture) : GameTest(fixture), IClassFixture<BrowserFixture>
{
    // Where the sample draws its buttons, as fractions of the stage (samples/tap-game/game.js).
    private const double Start = 0.62;
    private const double BoardButton = 0.74;
    private const double ShareButton = 0.86;

    [Fact]
    public async Task Mei_PlaysTheTapGameWithTouches_AndHerScoreIsOnHerFriendsBoard_NotOnAStrangers_AndGoneOnceHeUnfriendsHer()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var appId = await ReleaseTapGameWithCliAsync($"Bubble Tap {run}");
        var mei = new Person(await NewPageAsync(width: 480, height: 800), $"gmei{run}", "Mei");
        var lin = new Person(await NewPageAsync(width: 480, height: 800), $"glin{run}", "Lin");
        var kai = new Person(await NewPageAsync(width: 480, height: 800), $"gkai{run}", "Kai");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        await kai.SignUpAsync();
        var meiApi = await SignInOverApiAsync(mei.Handle);
        var linApi = await SignInOverApiAsync(lin.Handle);
        var request = await meiApi.SendFriendRequestAsync((await meiApi.GetUserByHandleAsync(lin.Handle, Ct)).UserId, "a game?", Ct);
        await linApi.AcceptFriendRequestAsync(request.RequestId, Ct);

        // A five-second round (the sample's ?round=), opened as a card's path would open it.
        await mei.Page.GotoAsync($"mp/{appId}?path={Uri.EscapeDataString("?round=5")}");
        await ExpectRunningAsync(mei.Page);
        var stored = mei.Page.WaitForRequestAsync(
            r => r.Method == "PUT" && r.Url.EndsWith($"/mini-programs/{appId}/cloud-storage", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await TapAtAsync(mei.Page, 0.5, Start);
        await PopBubblesUntilAsync(mei.Page, stored);
        var score = ScoreOf((await stored).PostData!);
        Assert.True(score > 0, "no bubble was popped");

        // The round's end opens her own board, her best on it.
        await Expect(Board(mei.Page)).ToContainTextAsync($"Friends: 1. Mei {score}");
        await mei.ScreenshotAsync("mini-game-board");
        await mei.ExpectAccessibleAsync("a mini-game with its board open");

        await lin.Page.GotoAsync($"mp/{appId}");
        await ExpectRunningAsync(lin.Page);
        await TapAtAsync(lin.Page, 0.5, BoardButton);
        await Expect(Board(lin.Page)).ToContainTextAsync($"Mei {score}");

        // Kai is nobody's friend here: his board answers, without Mei.
        await kai.Page.GotoAsync($"mp/{appId}");
        await ExpectRunningAsync(kai.Page);
        await TapAtAsync(kai.Page, 0.5, BoardButton);
        await Expect(Board(kai.Page)).ToHaveTextAsync("Friends: no scores yet");

        // Lin removes Mei as a friend: the next board he opens has no Mei.
        await linApi.RemoveFriendAsync((await linApi.GetUserByHandleAsync(mei.Handle, Ct)).UserId, Ct);
        await TapAtAsync(lin.Page, 0.5, BoardButton);
        await Expect(Board(lin.Page)).ToHaveTextAsync("");
        await TapAtAsync(lin.Page, 0.5, BoardButton);
        await Expect(Board(lin.Page)).ToHaveTextAsync("Friends: no scores yet");
    }

    [Fact]
    public async Task Mei_SharesTheGameIntoAGroup_AndOneTapOnTheCardOpensItForLin_WithTheGroupsBoard()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var appId = await ReleaseGameAsync($"Bubble Tap {run}", Folder(TestPaths.TapGame));
        var mei = new Person(await NewPageAsync(width: 480, height: 800), $"hmei{run}", "Mei");
        var lin = new Person(await NewPageAsync(width: 480, height: 800), $"hlin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        var meiApi = await SignInOverApiAsync(mei.Handle);
        var linApi = await SignInOverApiAsync(lin.Handle);
        var linId = (await meiApi.GetUserByHandleAsync(lin.Handle, Ct)).UserId;
        var request = await meiApi.SendFriendRequestAsync(linId, "a game?", Ct);
        await linApi.AcceptFriendRequestAsync(request.RequestId, Ct);
        await meiApi.CreateGroupAsync($"Tea club {run}", [linId], Ct);

        await mei.Page.GotoAsync($"mp/{appId}?path={Uri.EscapeDataString("?round=5")}");
        await ExpectRunningAsync(mei.Page);
        var stored = mei.Page.WaitForRequestAsync(
            r => r.Method == "PUT" && r.Url.EndsWith($"/mini-programs/{appId}/cloud-storage", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await TapAtAsync(mei.Page, 0.5, Start);
        await PopBubblesUntilAsync(mei.Page, stored);
        var score = ScoreOf((await stored).PostData!);
        await Expect(Board(mei.Page)).ToContainTextAsync($"Mei {score}");

        // The game's own Share button: wx.shareAppMessage, and the person picks the chat.
        await TapAtAsync(mei.Page, 0.5, ShareButton);
        var share = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share to a chat" });
        await Expect(share).ToContainTextAsync($"I popped {score} bubbles");
        await share.GetByRole(AriaRole.Button, new() { Name = $"Send to Tea club {run}" }).ClickAsync();
        await Expect(share).ToHaveCountAsync(0);

        await lin.OpenChatAsync($"Tea club {run}");
        var card = lin.Messages.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"I popped {score} bubbles") });
        var ticket = lin.Page.WaitForResponseAsync(r => r.Url.EndsWith($"/mini-programs/{appId}/share-tickets", StringComparison.Ordinal));
        await card.ClickAsync();
        Assert.True((await ticket).Ok);
        await ExpectRunningAsync(lin.Page);
        // Opened from the group's card, the board is the group's: its members who play.
        await TapAtAsync(lin.Page, 0.5, BoardButton);
        await Expect(Board(lin.Page)).ToHaveTextAsync($"This group: 1. Mei {score}");
    }

    [Fact]
    public async Task AGame_DrawsAPackageImageIn2DAndWebGL_ItsTouchesReachTheOpenDataContext_ItsFramesStopWhileHidden_AndTheCapsulesShareAsksItForItsCard()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var files = Texts(
            ("game.json", """{ "deviceOrientation": "landscape", "openDataContext": "openDataContext" }"""),
            ("openDataContext/index.js", """
                wx.onTouchStart((event) => {
                  const touch = event.changedTouches[0];
                  wx.setAccessibleText('touched at ' + Math.round(touch.clientX) + ',' + Math.round(touch.clientY));
                });
                """),
            ("game.js", """
                const canvas = wx.createCanvas();
                const ctx = canvas.getContext('2d');
                const gl = wx.createCanvas().getContext('webgl');
                const image = wx.createImage();
                image.onload = () => {
                  ctx.drawImage(image, 0, 0);
                  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
                  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
                  console.log('DRAWN ' + image.width + 'x' + image.height + (ctx.getImageData(32, 32, 1, 1).data[3] > 0 ? ' painted' : ' blank') + ' glError=' + gl.getError());
                };
                image.src = 'images/bubble.png';
                let frames = 0;
                let shown = 0;
                let hidden = 0;
                wx.onShow(() => { shown++; });
                wx.onHide(() => { hidden++; console.log('HIDDEN at ' + frames); setTimeout(() => console.log('STILL HIDDEN at ' + frames), 500); });
                wx.onShareAppMessage(() => ({ title: 'Frames ' + frames + ', hidden ' + hidden + ', shown ' + shown }));
                const info = wx.getSystemInfoSync();
                console.log('STAGE ' + info.windowWidth + 'x' + info.windowHeight);
                requestAnimationFrame(function frame() { frames++; ctx.fillRect(0, 0, 10, 10); requestAnimationFrame(frame); });
                """));
        files["images/bubble.png"] = File.ReadAllBytes(Path.Combine(TestPaths.TapGame, "images", "bubble.png"));
        var appId = await ReleaseGameAsync($"Frames {run}", files);
        var mei = new Person(await NewPageAsync(width: 480, height: 800), $"fmei{run}", "Mei");
        await mei.SignUpAsync();

        var stage = ConsoleAsync(mei.Page, "STAGE ");
        var drawn = ConsoleAsync(mei.Page, "DRAWN ");
        await mei.Page.GotoAsync($"mp/{appId}");
        await ExpectRunningAsync(mei.Page);
        // The package's 64x64 image, painted where it was drawn (and readable: the game's own image taints nothing),
        // and WebGL took it as a texture with no error.
        Assert.Equal("64x64 painted glError=0", await drawn);
        // A landscape game in a portrait window gets a landscape stage.
        var size = (await stage).Split('x').Select(int.Parse).ToArray();
        Assert.True(size[0] > size[1], $"{size[0]}x{size[1]}");

        // The open data context lies over the game and takes no pointer: it hears the game frame's touches from the host.
        await Canvas(mei.Page).ClickAsync(new() { Position = new() { X = 100, Y = 50 } });
        await Expect(Board(mei.Page)).ToHaveTextAsync("touched at 100,50");

        var hiddenAt = ConsoleAsync(mei.Page, "HIDDEN at ");
        var stillHiddenAt = ConsoleAsync(mei.Page, "STILL HIDDEN at ");
        await mei.Page.EvaluateAsync("() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");
        Assert.Equal(await hiddenAt, await stillHiddenAt);
        await mei.Page.EvaluateAsync("() => { Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }");

        await mei.Button("More").ClickAsync();
        await mei.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Share to a chat" }).ClickAsync();
        var share = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share to a chat" });
        await Expect(share).ToContainTextAsync(new Regex(@"Frames \d+, hidden 1, shown 1"));
    }

    private static async Task ExpectRunningAsync(IPage page) =>
        await Expect(page.Locator(".hmg[data-state=running]")).ToBeVisibleAsync(new() { Timeout = 20_000 });

    /// <summary>
    /// Taps a grid over the top half of the stage, where bubbles rise through and no button is, until the game stores a
    /// score (or 30 s pass).
    /// </summary>
    private static async Task PopBubblesUntilAsync(IPage page, Task<Microsoft.Playwright.IRequest> stored)
    {
        var box = (await Canvas(page).BoundingBoxAsync())!;
        var watch = Stopwatch.StartNew();
        while (!stored.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            for (var y = 60f; y < box.Height * 0.5f && !stored.IsCompleted; y += 40)
            {
                for (var x = 30f; x < box.Width && !stored.IsCompleted; x += 40)
                {
                    await page.Mouse.ClickAsync(box.X + x, box.Y + y);
                }
            }
        }
    }

    /// <summary>The score in the game's <c>wx.setUserCloudStorage</c> call: WeChat's <c>{"wxgame":{"score":N}}</c>.</summary>
    private static int ScoreOf(string body)
    {
        var item = JsonNode.Parse(body)!["KVDataList"]!.AsArray().Single()!;
        Assert.Equal("wxgame", item["key"]!.GetValue<string>());
        return JsonNode.Parse(item["value"]!.GetValue<string>())!["wxgame"]!["score"]!.GetValue<int>();
    }

    /// <summary>What follows <paramref name="prefix"/> in the next console message (the game's worker's too) that starts with it.</summary>
    private static async Task<string> ConsoleAsync(IPage page, string prefix) =>
        (await page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.StartsWith(prefix, StringComparison.Ordinal), Timeout = 20_000 })).Text[prefix.Length..];
}
