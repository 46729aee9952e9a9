using System.Net;
using Microsoft.Playwright;

namespace Hutong.MiniPrograms.Tests;

/// <summary>
/// What package code and a compromised view frame cannot do: reach the host's storage, cookies or DOM, the network,
/// eval, or the bridge in another page's or the logic layer's name.
/// </summary>
[Collection(RuntimeBrowser.Name)]
public sealed class RuntimeSecurityTests(RuntimeFixture fixture)
{
    [Fact]
    public async Task PageCode_ReachingOutOfTheWorker_IsRefused()
    {
        var page = await fixture.OpenAsync("lab", "Probe", "pages/security/security");
        var view = RuntimeFixture.View(page);

        await view.Locator("#probe").ClickAsync();

        var results = view.Locator(".result");
        await Assertions.Expect(results).ToHaveCountAsync(12);
        var outcomes = await results.AllTextContentsAsync();
        Assert.All(outcomes, outcome => Assert.Contains("=refused ", outcome, StringComparison.Ordinal));
        Assert.Equal("untouched", await page.EvaluateAsync<string>("() => localStorage.getItem('host-marker')"));

        // The page keeps working afterwards.
        await view.Locator("#check-secret").ClickAsync();
        await Assertions.Expect(view.Locator("#secret")).ToHaveTextAsync("none");
    }

    [Fact]
    public async Task ForgedBridgeMessages_FromAViewFrame_AreDropped()
    {
        var page = await fixture.OpenAsync("lab", "Home page");
        await RuntimeFixture.View(page).Locator("#go").ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#detail-title")).ToHaveTextAsync("Detail 1");
        var detailFrame = await (await page.QuerySelectorAsync("iframe.hmp-view:not([hidden])"))!.ContentFrameAsync();

        // As if the detail page's view were compromised: it speaks as the logic layer, as the home page, and to the
        // logic frame directly.
        await detailFrame!.EvaluateAsync("""
            () => {
              parent.postMessage({ type: 'call', api: 'reLaunch', args: { url: '/pages/other/other' }, callId: 1 }, '*');
              parent.postMessage({ type: 'setData', pageId: 1, compId: 0, data: { shows: 99 }, cbId: 0 }, '*');
              parent.postMessage({ type: 'event', pageId: 1, ownerId: 0, handler: 'secret', event: { type: 'tap' } }, '*');
              parent.postMessage({ type: 'event', ownerId: 'x', handler: 42, event: null }, '*');
              parent.postMessage('not an object', '*');
              for (let i = 0; i < parent.frames.length; i++) {
                parent.frames[i].postMessage({ type: 'event', pageId: 1, ownerId: 0, handler: 'secret', event: { type: 'tap' } }, '*');
              }
            }
            """);

        await page.WaitForFunctionAsync("() => window.mp.stats.dropped >= 4");
        Assert.Equal(["pages/home/home", "pages/detail/detail"], await page.EvaluateAsync<string[]>("() => window.mp.routes"));

        // The forged "secret" event went to the detail page (which has no such handler), never to home.
        await RuntimeFixture.View(page).Locator("#check").ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#deep-result")).ToHaveTextAsync("pending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#shows")).ToHaveTextAsync("shows 2");
        await RuntimeFixture.View(page).Locator("#show-log").ClickAsync();
        await Assertions.Expect(RuntimeFixture.View(page).Locator("#log")).Not.ToBeEmptyAsync();
        Assert.Equal("untouched", await page.EvaluateAsync<string>("() => localStorage.getItem('host-marker')"));
    }

    [Fact]
    public async Task ViewFrame_InjectedInlineScriptAndStringTimer_AreBlockedByItsPolicy()
    {
        var page = await fixture.OpenAsync("lab", "Home page");
        var frame = await (await page.QuerySelectorAsync("iframe.hmp-view:not([hidden])"))!.ContentFrameAsync();

        // Playwright's own evaluation is exempt from the page's CSP, so the test plants code the page itself would
        // have to run: an inline script and a string timer (an eval). Each must raise a policy violation instead.
        var outcome = await frame!.EvaluateAsync<string>("""
            () => new Promise((resolve) => {
              const violations = [];
              document.addEventListener('securitypolicyviolation', (e) => {
                violations.push(e.violatedDirective + ':' + e.blockedURI);
                if (violations.length === 2) resolve(violations.sort().join(' '));
              });
              const script = document.createElement('script');
              script.textContent = 'window.injected = 1';
              document.head.appendChild(script);
              setTimeout('window.injected = 2', 0);
              setTimeout(() => resolve('only ' + violations.join(' ') + ' injected=' + window.injected), 3000);
            })
            """);

        Assert.Equal("script-src-elem:inline script-src:eval", outcome);
    }

    [Theory]
    [InlineData("view.html")]
    [InlineData("logic.html")]
    [InlineData("game.html")]
    [InlineData("open-data.html")]
    public async Task RuntimeFrames_AreServedWithAStrictPolicy(string file)
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };

        using var response = await client.GetAsync($"/mp/runtime/{file}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"script-src {origin}/mp/runtime/ {origin}/mp/packages/", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"frame-ancestors {origin}", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task OpenDataContextFrame_LoadsImagesOnlyFromTheNode_AndNoMedia()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };

        using var response = await client.GetAsync("/mp/runtime/open-data.html", TestContext.Current.CancellationToken);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var origin = fixture.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Contains($"img-src data: blob: {origin};", policy, StringComparison.Ordinal);
        Assert.Contains("media-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("worker-src blob:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuntimeFile_WithItsETag_IsNotModified()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var first = await client.GetAsync("/mp/runtime/host.js", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/mp/runtime/host.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", first.Content.Headers.ContentType!.ToString());
    }
}
