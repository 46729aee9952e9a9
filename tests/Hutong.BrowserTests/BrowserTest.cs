using Hutong.Client;
using Hutong.Contracts.Accounts;
using Microsoft.Playwright;

namespace Hutong.BrowserTests;

/// <summary>
/// Gives each test its own people, and closes their browsers after it; a failed test leaves a screenshot of every
/// page it had open under <c>artifacts/screenshots/failed/</c>.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserFixture Fixture { get; } = fixture;

    protected async Task<IPage> NewPageAsync(string locale = "en-US", int width = 1280, int height = 800, IBrowser? browser = null)
    {
        var page = await Fixture.NewPersonAsync(locale, width, height, browser);
        _contexts.Add(page.Context);
        return page;
    }

    /// <summary>A device of someone who is set up over the API, where the browser is not what a test is about.</summary>
    protected async Task<HutongClient> SignInOverApiAsync(string handle)
    {
        var client = new HutongClient(new HttpClient { BaseAddress = Fixture.Server.BaseAddress });
        await client.LoginAsync(new LoginRequest(handle, Person.Password, "api"), TestContext.Current.CancellationToken);
        return client;
    }

    protected async Task<HutongClient> SignUpOverApiAsync(string handle, string name)
    {
        var client = new HutongClient(new HttpClient { BaseAddress = Fixture.Server.BaseAddress });
        await client.SignUpAsync(new SignUpRequest(handle, Person.Password, name), TestContext.Current.CancellationToken);
        await client.LoginAsync(new LoginRequest(handle, Person.Password, "api"), TestContext.Current.CancellationToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            var folder = Path.Combine(TestPaths.Screenshots, "failed");
            Directory.CreateDirectory(folder);
            var test = TestContext.Current.Test?.TestDisplayName.Split('.')[^1] ?? "test";
            var n = 0;
            foreach (var page in _contexts.SelectMany(c => c.Pages))
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{test}-{n}.png") });
                await DescribeAsync(page, n++);
            }
        }

        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Writes where a failed test left a page, frame by frame (a mini-program's sandboxed frames included): which were
    /// shown and what they said. CI prints a failed test's output, where a screenshot cannot be seen.
    /// </summary>
    private static async Task DescribeAsync(IPage page, int n)
    {
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"[page {n}] {page.Url}");
        foreach (var frame in page.Frames.Where(f => f != page.MainFrame))
        {
            try
            {
                var element = await frame.FrameElementAsync().WaitAsync(TimeSpan.FromSeconds(2));
                var shown = await element.IsVisibleAsync().WaitAsync(TimeSpan.FromSeconds(2));
                var text = await frame.EvaluateAsync<string>("() => (document.body ? document.body.innerText : '').replace(/\\s+/g, ' ').slice(0, 160)")
                    .WaitAsync(TimeSpan.FromSeconds(2));
                output?.WriteLine($"[page {n} frame] {(shown ? "shown" : "hidden")} {await element.GetAttributeAsync("class")} {frame.Url}: {text}");
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                output?.WriteLine($"[page {n} frame] {frame.Url}: not described ({e.GetType().Name})");
            }
        }
    }
}
