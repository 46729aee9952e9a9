using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// What a mini-game's code cannot do, tried by small games built here: the game reaching the client's storage, cookies
/// or page, the network outside wx.request, or the pixels of the shared canvas; its open data context reaching the
/// network, the game, or anywhere to send friends' data; and a game that never returns from its code, which the host
/// stops while the client keeps working. Each game reports what happened on its console (the game's) or in the board's
/// text (the open data context's, whose only way out is that text to the host).
/// </summary>
public sealed class GameIsolationTests(BrowserFixture fixture) : GameTest(fixture), IClassFixture<BrowserFixture>
{
    private const string Attempts = """
        const results = {};
        async function attempt(name, run) {
          try {
            const value = await run();
            results[name] = 'allowed: ' + String(value).slice(0, 100);
          } catch (error) {
            results[name] = 'refused: ' + String(error && (error.errMsg || error.message) || error).slice(0, 160);
          }
        }
        """;

    [Fact]
    public async Task TheGamesCode_CannotReachTheClientsStorageCookiesOrPage_NorTheNetwork_NorTheSharedCanvasPixels()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var appId = await ReleaseGameAsync($"Attacks {run}", Texts(
            ("game.json", """{ "openDataContext": "openDataContext" }"""),
            ("game.js", Attempts + $$"""
                const canvas = wx.createCanvas();
                const ctx = canvas.getContext('2d');
                const node = {{System.Text.Json.JsonSerializer.Serialize(Fixture.Server.BaseAddress.ToString())}};
                // On the first touch, which the test gives once the open data context has painted its whole canvas.
                let tried = false;
                wx.onTouchStart(() => { if (!tried) { tried = true; tryAll(); } });
                const tryAll = async () => {
                  await attempt('localStorage', () => localStorage.getItem('hutong.session'));
                  await attempt('indexedDB', () => new Promise((resolve, reject) => { const open = indexedDB.open('hutong'); open.onsuccess = () => resolve('opened'); open.onerror = () => reject(open.error); }));
                  await attempt('cookie', () => document.cookie);
                  await attempt('parent', () => parent.document.title);
                  await attempt('top', () => top.location.href);
                  await attempt('fetch', () => fetch(node + 'api/v1/me').then((r) => r.status));
                  await attempt('xhr', () => new Promise((resolve, reject) => { const x = new XMLHttpRequest(); x.open('GET', node + 'api/v1/me'); x.onload = () => resolve(x.status); x.onerror = () => reject(new Error('network error')); x.send(); }));
                  await attempt('webSocket', () => new Promise((resolve, reject) => { const s = new WebSocket(node.replace('http', 'ws') + 'hubs/chat'); s.onopen = () => resolve('open'); s.onerror = () => reject(new Error('closed')); }));
                  await attempt('importScripts', () => importScripts(node + 'api/v1/me'));
                  await attempt('eval', () => eval('1 + 1'));
                  const shared = wx.getOpenDataContext().canvas;
                  await attempt('sharedGetImageData', () => shared.getContext('2d').getImageData(0, 0, 1, 1).data[0]);
                  await attempt('sharedToDataURL', () => shared.toDataURL());
                  // Drawn as WeChat games draw their board, the stand-in draws nothing: the painted pixels stay out of reach.
                  await attempt('sharedDrawImage', () => {
                    ctx.clearRect(0, 0, canvas.width, canvas.height);
                    ctx.drawImage(shared, 0, 0, canvas.width, canvas.height);
                    const alpha = ctx.getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data[3];
                    if (alpha === 0) throw new Error('drew nothing');
                    return alpha;
                  });
                  await attempt('getFriendCloudStorage', () => wx.getFriendCloudStorage({ keyList: ['score'] }).then((r) => JSON.stringify(r.data)));
                  // Past the runtime's own wx: the call as the bridge carries it, which the host answers by the frame it came from.
                  await attempt('getFriendCloudStorageRaw', () => new Promise((resolve, reject) => {
                    self.addEventListener('message', (event) => {
                      const answer = event.data || {};
                      if (answer.type === 'callResult' && answer.callId === 999999) (answer.ok ? resolve(JSON.stringify(answer.res)) : reject(answer.res));
                    });
                    self.postMessage({ type: 'call', api: 'getFriendCloudStorage', args: { keyList: ['score'] }, callId: 999999 });
                  }));
                  await attempt('request', () => wx.request({ url: node + 'api/v1/me' }).then((r) => r.statusCode));
                  console.log('GAME ' + JSON.stringify(results));
                };
                """),
            ("openDataContext/index.js", """
                const board = sharedCanvas.getContext('2d');
                board.fillStyle = '#f00';
                board.fillRect(0, 0, sharedCanvas.width, sharedCanvas.height);
                wx.setAccessibleText('painted');
                """)));
        var mei = new Person(await NewPageAsync(), $"imei{run}", "Mei");
        await mei.SignUpAsync();

        var reported = mei.Page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.StartsWith("GAME ", StringComparison.Ordinal), Timeout = 30_000 });
        await mei.Page.GotoAsync($"mp/{appId}");
        await Expect(Board(mei.Page)).ToHaveTextAsync("painted", new() { Timeout = 30_000 });
        await Expect(mei.Page.Locator(".hmg[data-state=running]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await TapAtAsync(mei.Page, 0.5, 0.5);
        var results = JsonNode.Parse((await reported).Text["GAME ".Length..])!.AsObject();

        foreach (var (attack, outcome) in results)
        {
            Assert.True(outcome!.GetValue<string>().StartsWith("refused: ", StringComparison.Ordinal), $"{attack}: {outcome}");
        }

        Assert.Equal(16, results.Count);
        Assert.Contains("not supported in the game's context", results["getFriendCloudStorage"]!.GetValue<string>(), StringComparison.Ordinal);
        // Drawing the shared canvas, as a WeChat game's loop does every frame, neither throws nor draws what the board painted.
        Assert.Equal("refused: drew nothing", results["sharedDrawImage"]!.GetValue<string>());
        // The request went to the node's proxy, which refused a domain the game has not listed.
        Assert.Contains("url not in domain list", results["request"]!.GetValue<string>(), StringComparison.Ordinal);
        // And the client's own session is where it was: Mei is still signed in.
        await mei.Page.GotoAsync("chats");
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheOpenDataContext_CannotFetch_NorRequest_NorStore_NorPostToTheGame_NorLoadAnImageElsewhere()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var appId = await ReleaseGameAsync($"Closed board {run}", Texts(
            ("game.json", """{ "openDataContext": "openDataContext" }"""),
            ("game.js", """
                wx.createCanvas();
                // Anything that reached this worker from the open data context would be a message it did not expect.
                self.addEventListener('message', (event) => {
                  const message = event.data || {};
                  if (!['tick', 'ping', 'callResult', 'image', 'show', 'hide', 'touch', 'audio', 'share'].includes(message.type)) console.log('GAME HEARD ' + JSON.stringify(message));
                });
                wx.getOpenDataContext().postMessage({ type: 'go' });
                """),
            ("openDataContext/index.js", Attempts + $$"""
                const node = {{System.Text.Json.JsonSerializer.Serialize(Fixture.Server.BaseAddress.ToString())}};
                wx.onMessage(async (message) => {
                  if (message.type !== 'go') return;
                  await attempt('fetch', () => fetch(node + 'api/v1/me').then((r) => r.status));
                  await attempt('request', () => wx.request({ url: 'https://example.com/' }).then((r) => r.statusCode));
                  await attempt('login', () => wx.login().then((r) => r.code));
                  await attempt('setUserCloudStorage', () => wx.setUserCloudStorage({ KVDataList: [{ key: 'leak', value: 'x' }] }));
                  await attempt('setStorage', () => wx.setStorage({ key: 'leak', data: 'x' }));
                  await attempt('postToGame', () => { self.postMessage({ type: 'odcMessage', data: { leaked: true } }); throw new Error('refused by the host, if the game never hears it'); });
                  await attempt('imageElsewhere', () => new Promise((resolve, reject) => { const image = wx.createImage(); image.onload = () => resolve('loaded'); image.onerror = (e) => reject(new Error(e.errMsg)); image.src = 'https://example.com/leak.png?score=1'; }));
                  await attempt('getOpenDataContext', () => wx.getOpenDataContext());
                  await attempt('friends', () => wx.getFriendCloudStorage({ keyList: ['score'] }).then((r) => { throw new Error('read ' + r.data.length + ' players, and may only draw them'); }));
                  wx.setAccessibleText('ODC ' + JSON.stringify(results));
                });
                """)));
        var mei = new Person(await NewPageAsync(), $"omei{run}", "Mei");
        await mei.SignUpAsync();
        var console = new List<string>();
        mei.Page.Console += (_, message) => { lock (console) console.Add(message.Text); };

        await mei.Page.GotoAsync($"mp/{appId}");
        await Expect(Board(mei.Page)).ToContainTextAsync("ODC ", new() { Timeout = 30_000 });
        var results = JsonNode.Parse((await Board(mei.Page).TextContentAsync())!["ODC ".Length..])!.AsObject();
        foreach (var (attack, outcome) in results)
        {
            Assert.True(outcome!.GetValue<string>().StartsWith("refused: ", StringComparison.Ordinal), $"{attack}: {outcome}");
        }

        Assert.Equal(9, results.Count);
        Assert.Contains("read 0 players", results["friends"]!.GetValue<string>(), StringComparison.Ordinal);
        // The post to the game was dropped by the host before the board's text, the context's later message, arrived;
        // the game heard nothing.
        lock (console)
        {
            Assert.Contains(console, m => m.EndsWith("dropped a message: openData: odcMessage", StringComparison.Ordinal));
            Assert.DoesNotContain(console, m => m.StartsWith("GAME HEARD", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AGameThatNeverReturns_IsStoppedByTheHost_WhileTheClientStaysResponsive_AndRestarts()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var appId = await ReleaseGameAsync($"Spinner {run}", Texts(
            ("game.json", "{}"),
            ("game.js", """
                const canvas = wx.createCanvas();
                const ctx = canvas.getContext('2d');
                requestAnimationFrame(function frame() { ctx.fillRect(0, 0, 10, 10); requestAnimationFrame(frame); });
                const starts = (Number(wx.getStorageSync('starts')) || 0) + 1;
                wx.setStorageSync('starts', starts);
                console.log('STARTS ' + starts);
                let n = 0;
                wx.onTouchStart(() => { for (;;) n++; });
                """)));
        var mei = new Person(await NewPageAsync(), $"wmei{run}", "Mei");
        await mei.SignUpAsync();

        await mei.Page.GotoAsync($"mp/{appId}");
        await Expect(mei.Page.Locator(".hmg[data-state=running]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await TapAtAsync(mei.Page, 0.5, 0.5);

        // While the game's worker spins, the client's page goes on answering: a page frozen by the game could answer
        // nothing until the host, on that same page, had stopped it.
        var stopped = mei.Page.GetByRole(AriaRole.Alertdialog, new() { Name = "The game stopped responding" });
        var watch = Stopwatch.StartNew();
        var answers = 0;
        while (await stopped.CountAsync() == 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await mei.Page.EvaluateAsync("() => new Promise((resolve) => setTimeout(resolve, 100))");
            answers++;
        }

        await Expect(stopped).ToBeVisibleAsync();
        Assert.True(answers >= 5, $"the client's page answered {answers} times while the game spun");
        await mei.ScreenshotAsync("mini-game-stopped");
        await mei.ExpectAccessibleAsync("a mini-game that stopped responding");

        // Restarted, the game reads the storage it wrote before it stopped.
        var second = mei.Page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.StartsWith("STARTS ", StringComparison.Ordinal), Timeout = 20_000 });
        await stopped.GetByRole(AriaRole.Button, new() { Name = "Restart" }).ClickAsync();
        Assert.Equal("STARTS 2", (await second).Text);
        await Expect(mei.Page.Locator(".hmg[data-state=running]")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // And the client goes on: the chat list navigates.
        await mei.Button("Close mini-program").ClickAsync();
        await mei.Section("Chats").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeVisibleAsync();
    }
}
