using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Mini-programs in the real client: a small counter app (two pages, storage, a share card, a request to its
/// developer's loopback server, wx.login) made, reviewed and released over the API, then found in Discover, opened,
/// shared into a chat and opened from the card; its requests go through the node's proxy; its code cannot reach the
/// client; an operator reviews versions in the browser.
/// </summary>
public sealed class MiniProgramTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app's page in view: the sandboxed frame of the page on top.</summary>
    private static IFrameLocator View(IPage page) => page.FrameLocator("iframe.hmp-view:not([hidden])");

    [Fact]
    public async Task APerson_FindsAReleasedAppInDiscover_CountsWithIt_KeepsTheCountAcrossAReload_AndFindsItInRecentlyUsed()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var app = await ReleaseAsync($"Counter {run}");
        var mei = new Person(await NewPageAsync(), $"mmei{run}", "Mei");
        await mei.SignUpAsync();

        await mei.Section("Discover").ClickAsync();
        await mei.Link("Mini Programs").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Mini Programs", Exact = true })).ToBeVisibleAsync();
        await mei.Field("Search mini-programs").FillAsync($"Counter {run}");
        await mei.Button("Search").ClickAsync();
        await mei.Page.GetByRole(AriaRole.List, new() { Name = "Search results" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape($"Counter {run}")) }).ClickAsync();

        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/mp/{app.AppId}$"));
        await Expect(View(mei.Page).Locator("#count")).ToHaveTextAsync("Count 0");
        var stored = mei.Page.WaitForResponseAsync(r => r.Url.EndsWith($"/mini-programs/{app.AppId}/storage", StringComparison.Ordinal) && r.Request.Method == "PUT");
        await View(mei.Page).Locator("#add").ClickAsync();
        await Expect(View(mei.Page).Locator("#count")).ToHaveTextAsync("Count 1");
        Assert.True((await stored).Ok);
        await Expect(mei.Button("More")).ToBeVisibleAsync();
        await mei.ScreenshotAsync("mini-program-open");
        await mei.ExpectAccessibleAsync("a mini-program, open");

        await mei.Page.ReloadAsync();
        await Expect(View(mei.Page).Locator("#count")).ToHaveTextAsync("Count 1");

        await mei.Button("Close mini-program").ClickAsync();
        await Expect(mei.Page).ToHaveURLAsync(new Regex("/mini-programs$"));
        var recent = mei.Page.GetByRole(AriaRole.List, new() { Name = "Recently used" });
        await Expect(recent.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape($"Counter {run}")) })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("mini-programs-discover");
        await mei.ExpectAccessibleAsync("Discover → Mini Programs");
    }

    [Fact]
    public async Task Mei_SharesAPageToHerChatWithLin_AndOneTapOnTheCardOpensTheAppThere()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var app = await ReleaseAsync($"Counter {run}");
        var mei = new Person(await NewPageAsync(), $"smei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"slin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        var meiApi = await SignInOverApiAsync(mei.Handle);
        var linApi = await SignInOverApiAsync(lin.Handle);
        var request = await meiApi.SendFriendRequestAsync((await meiApi.GetUserByHandleAsync(lin.Handle, Ct)).UserId, "hi", Ct);
        await linApi.AcceptFriendRequestAsync(request.RequestId, Ct);
        await Expect(mei.ChatRow("Lin")).ToBeVisibleAsync();

        await mei.Page.GotoAsync($"mp/{app.AppId}");
        await View(mei.Page).Locator("#about").ClickAsync();
        await Expect(View(mei.Page).Locator("#from")).ToHaveTextAsync("From mei");
        await mei.Button("More").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Menu, new() { Name = "More" })).ToBeVisibleAsync();
        await mei.ScreenshotAsync("mini-program-capsule-menu");
        await mei.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Share to a chat" }).ClickAsync();
        var share = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Share to a chat" });
        await Expect(share).ToContainTextAsync("About the counter");
        await mei.ExpectAccessibleAsync("sharing a mini-program's page");
        await share.GetByRole(AriaRole.Button, new() { Name = "Send to Lin" }).ClickAsync();
        await Expect(share).ToHaveCountAsync(0);
        await Expect(mei.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Shared to Lin." })).ToBeVisibleAsync();

        await lin.OpenChatAsync("Mei");
        var card = lin.Messages.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("About the counter") });
        await Expect(card).ToContainTextAsync($"Counter {run}");
        await Expect(card).ToContainTextAsync("Mini Program");
        await Expect(lin.ChatRow("Mei")).ToContainTextAsync("[Mini Program] About the counter");
        await lin.ScreenshotAsync("mini-program-card");
        await lin.ExpectAccessibleAsync("a mini-program card in a chat");
        await card.ClickAsync();
        await Expect(lin.Page).ToHaveURLAsync(new Regex($"/mp/{app.AppId}\\?path=pages%2Fabout%2Fabout%3Ffrom%3Dmei&card=[^&.]+\\.[0-9]+$"));
        await Expect(View(lin.Page).Locator("#from")).ToHaveTextAsync("From mei");
    }

    [Fact]
    public async Task AnAppsRequest_ReachesItsDevelopersLoopbackServerThroughTheProxy_AndOneOffItsListFailsInItsOwnWords()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        await using var backend = AppBackend.Start();
        var app = await ReleaseAsync($"Counter {run}", backend.Origin);
        var mei = new Person(await NewPageAsync(), $"rmei{run}", "Mei");
        await mei.SignUpAsync();

        await mei.Page.GotoAsync($"mp/{app.AppId}");
        await View(mei.Page).Locator("#hello").ClickAsync();
        await Expect(View(mei.Page).Locator("#greeting")).ToHaveTextAsync("200 Hello, counter");
        Assert.Equal(1, backend.Requests);

        await View(mei.Page).Locator("#off-list").ClickAsync();
        await Expect(View(mei.Page).Locator("#refused")).ToHaveTextAsync("request:fail url not in domain list");
        Assert.Equal(1, backend.Requests);
    }

    [Fact]
    public async Task WxLogin_GivesACode_ThatTheDevelopersServerExchangesForThePersonsOpenId()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var app = await ReleaseAsync($"Counter {run}");
        var mei = new Person(await NewPageAsync(), $"lmei{run}", "Mei");
        await mei.SignUpAsync();

        await mei.Page.GotoAsync($"mp/{app.AppId}");
        await View(mei.Page).Locator("#login").ClickAsync();
        await Expect(View(mei.Page).Locator("#code")).Not.ToBeEmptyAsync();
        var code = (await View(mei.Page).Locator("#code").TextContentAsync())!.Trim();
        Assert.DoesNotContain("fail", code, StringComparison.Ordinal);

        var session = await ExchangeAsync(app, code);
        var openId = (string)session["openid"]!;
        Assert.Matches("^o[A-Za-z0-9_-]{27}$", openId);
        Assert.Null(session["errcode"]);
        // The same person from another device: the same openid; the code itself works once.
        var meiApi = await SignInOverApiAsync(mei.Handle);
        var again = await ExchangeAsync(app, (await meiApi.GetMiniProgramLoginCodeAsync(app.AppId, Ct)).Code);
        Assert.Equal(openId, (string)again["openid"]!);
        Assert.NotNull((await ExchangeAsync(app, code))["errcode"]);
    }

    [Fact]
    public async Task GetUserProfile_AsksThePerson_AndGivesTheirNameOnlyWhenAllowed()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var app = await ReleaseAsync($"Counter {run}");
        var mei = new Person(await NewPageAsync(), $"pmei{run}", "Mei");
        await mei.SignUpAsync();

        await mei.Page.GotoAsync($"mp/{app.AppId}");
        await View(mei.Page).Locator("#profile").ClickAsync();
        var ask = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Your name and photo" });
        await Expect(ask).ToContainTextAsync($"Counter {run} would like your name and avatar");
        await Expect(ask).ToContainTextAsync("To greet you by name");
        await Expect(ask.GetByRole(AriaRole.Button, new() { Name = "Allow" })).ToBeFocusedAsync();
        await mei.ScreenshotAsync("mini-program-consent");
        await mei.ExpectAccessibleAsync("a mini-program asking for the person's name");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await Expect(View(mei.Page).Locator("#who")).ToHaveTextAsync("getUserProfile:fail auth deny");

        await View(mei.Page).Locator("#profile").ClickAsync();
        await ask.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await Expect(View(mei.Page).Locator("#who")).ToHaveTextAsync("Mei");
    }

    [Fact]
    public async Task InChinese_TheAppsDialogsAndBackButton_SpeakChinese()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var app = await ReleaseAsync($"Counter {run}");
        var mei = new Person(await NewPageAsync("zh-CN"), $"cmei{run}", "Mei");
        await mei.SignUpInChineseAsync();

        await mei.Page.GotoAsync($"mp/{app.AppId}");
        await View(mei.Page).Locator("#add").ClickAsync();
        await Expect(View(mei.Page).Locator("#count")).ToHaveTextAsync("Count 1");
        await View(mei.Page).Locator("#reset").ClickAsync();
        var ask = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Reset the count?" });
        await Expect(ask.GetByRole(AriaRole.Button)).ToHaveTextAsync(["取消", "确定"]);
        await mei.ExpectAccessibleAsync("a mini-program's wx.showModal, in Chinese");
        await ask.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(View(mei.Page).Locator("#count")).ToHaveTextAsync("Count 0");

        await View(mei.Page).Locator("#about").ClickAsync();
        await Expect(View(mei.Page).Locator("#about-title")).ToHaveTextAsync("About the counter");
        await mei.Page.GetByRole(AriaRole.Button, new() { Name = "返回", Exact = true }).ClickAsync();
        await Expect(View(mei.Page).Locator("#count")).ToHaveTextAsync("Count 0");
    }

    [Fact]
    public async Task AnAppThatIsNotThere_SaysSo_WithTheNodesReason()
    {
        var mei = new Person(await NewPageAsync(), $"nmei{Guid.NewGuid().ToString("N")[..6]}", "Mei");
        await mei.SignUpAsync();

        await mei.Page.GotoAsync("mp/wxnotanapp000000");

        var problem = mei.Page.GetByRole(AriaRole.Alert);
        await Expect(problem).ToContainTextAsync("This mini-program cannot be opened");
        await Expect(problem).ToContainTextAsync("No such mini-program.");
        await mei.ExpectAccessibleAsync("a mini-program that cannot be opened");
    }

    [Fact]
    public async Task AppCode_ReachingOutOfItsSandbox_IsRefused_AndTheClientAndItsSessionAreUntouched()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var app = await ReleaseAsync($"Counter {run}");
        var mei = new Person(await NewPageAsync(), $"xmei{run}", "Mei");
        await mei.SignUpAsync();
        var before = await LocalStorageAsync(mei.Page);
        Assert.NotEmpty(before);

        await mei.Page.GotoAsync($"mp/{app.AppId}");
        await View(mei.Page).Locator("#probe").ClickAsync();
        await View(mei.Page).Locator("#run-probe").ClickAsync();
        var results = View(mei.Page).Locator(".result");
        await Expect(results).ToHaveCountAsync(8);
        var outcomes = await results.AllTextContentsAsync();
        Assert.All(outcomes, outcome => Assert.Contains("=refused ", outcome, StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("hostToken=refused getHutongToken:fail not supported", StringComparison.Ordinal));
        await mei.ScreenshotAsync("mini-program-sandbox");

        // The client still works, signed in as before, its storage as it was.
        await Expect(mei.Page).ToHaveURLAsync(new Regex($"/mp/{app.AppId}$"));
        await mei.Button("Close mini-program").ClickAsync();
        await mei.Section("Chats").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(before, await LocalStorageAsync(mei.Page));
    }

    [Fact]
    public async Task TheOperator_OpensAWaitingVersion_RejectsItWithAReason_ThenApprovesTheNext()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var ops = await OperatorAsync();
        var dev = await SignUpOverApiAsync($"rdev{run}", "Dev");
        await dev.RegisterDeveloperAsync("Counter Studio", Ct);
        var created = await dev.CreateMiniProgramAsync(new CreateMiniProgramRequest($"Review {run}"), Ct);
        var appId = created.App.AppId;
        var first = await dev.UploadMiniProgramAsync(appId, CounterPackage("http://127.0.0.1:9"), "1.0.0", "First try", Ct);
        await dev.MoveMiniProgramVersionAsync(appId, first.Id, "submit", Ct);

        var op = new Person(await NewPageAsync(), ServerProcess.Operator, "Operator");
        await SignInAsync(op);
        await op.Page.GotoAsync("studio/review");
        var item = op.Page.Locator(".mp-review-item", new() { HasTextString = $"Review {run}" });
        await Expect(item).ToContainTextAsync("1.0.0");
        await Expect(item).ToContainTextAsync("First try");
        await op.ScreenshotAsync("mini-program-review");
        await op.ExpectAccessibleAsync("the operators' review with a mini-program version");

        await op.Link($"Open Review {run} 1.0.0").ClickAsync();
        await Expect(op.Page).ToHaveURLAsync(new Regex($"/mp/{appId}\\?versionId={first.Id}$"));
        await Expect(View(op.Page).Locator("#count")).ToHaveTextAsync("Count 0");
        await Expect(op.Page.GetByRole(AriaRole.Group, new() { Name = $"Review {run}" })).ToContainTextAsync("Develop");
        await op.Button("Close mini-program").ClickAsync();
        await Expect(op.Page).ToHaveURLAsync(new Regex("/studio/review$"));

        await op.Button($"Reject Review {run} 1.0.0").ClickAsync();
        var dialog = op.Page.GetByRole(AriaRole.Dialog, new() { Name = $"Reject Review {run} 1.0.0" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("The team reads this: say what to change.")).ToBeVisibleAsync();
        await op.Field("Reason").FillAsync("The counter never goes down.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Expect(op.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = $"Review {run} 1.0.0 was sent back." })).ToBeVisibleAsync();
        var rejected = (await dev.GetMiniProgramVersionsAsync(appId, Ct)).Versions.Single(v => v.Id == first.Id);
        Assert.Equal((MiniProgramVersionStates.Rejected, "The counter never goes down."), (rejected.State, rejected.ReviewNote));

        var second = await dev.UploadMiniProgramAsync(appId, CounterPackage("http://127.0.0.1:9"), "1.0.1", "Counts down too", Ct);
        await dev.MoveMiniProgramVersionAsync(appId, second.Id, "submit", Ct);
        await op.Page.ReloadAsync();
        await op.Button($"Approve Review {run} 1.0.1").ClickAsync();
        await Expect(op.Page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = $"Review {run} 1.0.1 was approved." })).ToBeVisibleAsync();
        Assert.Equal(MiniProgramVersionStates.Approved, (await dev.GetMiniProgramVersionsAsync(appId, Ct)).Versions.Single(v => v.Id == second.Id).State);
        Assert.DoesNotContain((await ops.GetMiniProgramReviewsAsync(Ct)).Waiting, w => w.App.AppId == appId);
    }

    private sealed record ReleasedApp(string AppId, string Secret);

    /// <summary>A new developer's counter app, reviewed by the operator and released; its requests may reach <paramref name="backend"/>.</summary>
    private async Task<ReleasedApp> ReleaseAsync(string name, string? backend = null)
    {
        var ops = await OperatorAsync();
        var dev = await SignUpOverApiAsync($"dev{Guid.NewGuid():N}"[..16], "Dev");
        await dev.RegisterDeveloperAsync("Counter Studio", Ct);
        var created = await dev.CreateMiniProgramAsync(
            new CreateMiniProgramRequest(name, "Counts taps, and keeps the count.", RequestDomains: backend is null ? null : [backend]), Ct);
        var appId = created.App.AppId;
        var version = await dev.UploadMiniProgramAsync(appId, CounterPackage(backend ?? "http://127.0.0.1:9"), "1.0.0", cancellationToken: Ct);
        await dev.MoveMiniProgramVersionAsync(appId, version.Id, "submit", Ct);
        await ops.ApproveMiniProgramVersionAsync(version.Id, Ct);
        await dev.MoveMiniProgramVersionAsync(appId, version.Id, "release", Ct);
        return new ReleasedApp(appId, created.AppSecret);
    }

    /// <summary>The node's operator over the API: signed up by the first test of the class that needs them.</summary>
    private async Task<HutongClient> OperatorAsync()
    {
        try
        {
            return await SignUpOverApiAsync(ServerProcess.Operator, "Operator");
        }
        catch (HutongApiException e) when (e.Code == ErrorCodes.HandleTaken)
        {
            return await SignInOverApiAsync(ServerProcess.Operator);
        }
    }

    private static async Task SignInAsync(Person person)
    {
        await person.Page.GotoAsync("/signin");
        await person.Field("Handle").FillAsync(person.Handle);
        await person.Field("Password").FillAsync(Person.Password);
        await person.Button("Sign in").ClickAsync();
        await Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = "Chats", Exact = true })).ToBeVisibleAsync();
    }

    private async Task<JsonObject> ExchangeAsync(ReleasedApp app, string code)
    {
        using var http = new HttpClient { BaseAddress = Fixture.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        return (await http.GetFromJsonAsync<JsonObject>(
            $"sns/jscode2session?appid={app.AppId}&secret={app.Secret}&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code", Ct))!;
    }

    private static Task<Dictionary<string, string>> LocalStorageAsync(IPage page) =>
        page.EvaluateAsync<Dictionary<string, string>>("() => Object.fromEntries(Object.entries(localStorage))");

    /// <summary>
    /// The counter app: a count kept with setStorageSync (and reset after a wx.showModal), an about page that says where
    /// it was opened from (and shares itself), a request to <paramref name="backend"/> and one off its list, wx.login,
    /// and a probe of the sandbox.
    /// </summary>
    private static MemoryStream CounterPackage(string backend) => Zip(
        ("app.json", """{ "pages": ["pages/index/index", "pages/about/about", "pages/probe/probe"], "window": { "navigationBarTitleText": "Counter" } }"""),
        ("app.js", "App({});"),
        ("app.wxss", ".page { padding: 24rpx; } button { margin: 8rpx 0; }"),
        ("pages/index/index.wxml", """
            <view class="page">
              <view id="count">Count {{count}}</view>
              <button id="add" bindtap="add">Add one</button>
              <button id="about" bindtap="about">About</button>
              <button id="hello" bindtap="hello">Say hello</button>
              <view id="greeting">{{greeting}}</view>
              <button id="off-list" bindtap="offList">Ask elsewhere</button>
              <view id="refused">{{refused}}</view>
              <button id="login" bindtap="login">Log in</button>
              <view id="code">{{code}}</view>
              <button id="probe" bindtap="probe">Probe</button>
              <button id="profile" bindtap="profile">Who am I</button>
              <view id="who">{{who}}</view>
              <button id="reset" bindtap="reset">Reset</button>
            </view>
            """),
        ("pages/index/index.js", $$"""
            const BACKEND = {{System.Text.Json.JsonSerializer.Serialize(backend)}};
            Page({
              data: { count: 0, greeting: '', refused: '', code: '', who: '' },
              onLoad() { this.setData({ count: wx.getStorageSync('count') || 0 }); },
              add() { const count = this.data.count + 1; wx.setStorageSync('count', count); this.setData({ count }); },
              about() { wx.navigateTo({ url: '/pages/about/about?from=mei' }); },
              probe() { wx.navigateTo({ url: '/pages/probe/probe' }); },
              hello() {
                wx.request({ url: BACKEND + '/hello', data: { who: 'counter' },
                  success: (res) => this.setData({ greeting: res.statusCode + ' ' + res.data.greeting }),
                  fail: (e) => this.setData({ greeting: e.errMsg }) });
              },
              offList() {
                wx.request({ url: 'http://127.0.0.1:1/secret',
                  success: (res) => this.setData({ refused: 'answered ' + res.statusCode }),
                  fail: (e) => this.setData({ refused: e.errMsg }) });
              },
              profile() {
                wx.getUserProfile({ desc: 'To greet you by name',
                  success: (res) => this.setData({ who: res.userInfo.nickName }),
                  fail: (e) => this.setData({ who: e.errMsg }) });
              },
              reset() {
                wx.showModal({ title: 'Reset the count?',
                  success: (res) => { if (res.confirm) { wx.setStorageSync('count', 0); this.setData({ count: 0 }); } } });
              },
              login() { wx.login({ success: (res) => this.setData({ code: res.code }), fail: (e) => this.setData({ code: e.errMsg }) }); },
              onShareAppMessage() { return { title: 'Counter at ' + this.data.count, path: 'pages/index/index' }; },
            });
            """),
        ("pages/about/about.wxml", """<view class="page"><view id="about-title">About the counter</view><view id="from">From {{from}}</view></view>"""),
        ("pages/about/about.js", """
            Page({
              data: { from: '' },
              onLoad(query) { this.setData({ from: query.from || '' }); },
              onShareAppMessage() { return { title: 'About the counter', path: 'pages/about/about?from=' + this.data.from }; },
            });
            """),
        ("pages/probe/probe.wxml", """
            <view class="page">
              <button id="run-probe" bindtap="probe">Run the probe</button>
              <view wx:for="{{results}}" wx:key="name" class="result">{{item.name}}={{item.outcome}}</view>
              <view id="secret">{{secret}}</view>
            </view>
            """),
        ("pages/probe/probe.js", """
            Page({
              data: { results: [], secret: '' },
              secret() { this.setData({ secret: 'reached' }); },
              async probe() {
                const results = [];
                const attempt = async (name, fn) => {
                  try {
                    const value = await fn();
                    results.push({ name, outcome: 'allowed ' + String(value) });
                  } catch (e) {
                    results.push({ name, outcome: 'refused ' + (e && e.errMsg ? e.errMsg : e && e.name ? e.name : String(e)) });
                  }
                };
                await attempt('localStorage', () => localStorage.getItem('hutong.token'));
                await attempt('cookie', () => document.cookie);
                await attempt('parentDocument', () => parent.document.title);
                await attempt('fetchMe', () => fetch('/api/v1/me').then((r) => r.status));
                await attempt('eval', () => eval('1 + 1'));
                await attempt('windowOpen', () => window.open('/'));
                await attempt('hostToken', () => wx.getHutongToken());
                // Forged bridge messages: as a view frame's tap, a call without a proper id, a message of no known
                // type. The host drops each; a real call after them proves they were handled, and nothing reached.
                await attempt('forgedBridge', async () => {
                  self.postMessage({ type: 'event', ownerId: 0, handler: 'secret', event: { type: 'tap' } });
                  self.postMessage({ type: 'call', api: 'login', args: {}, callId: 'forged' });
                  self.postMessage({ type: 'token' });
                  await wx.showToast({ title: 'probed', icon: 'none' });
                  if (this.data.secret) return 'reached';
                  throw new Error('dropped');
                });
                this.setData({ results });
              },
            });
            """));

    private static MemoryStream Zip(params (string Path, string Text)[] files)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        zip.Position = 0;
        return zip;
    }
}
