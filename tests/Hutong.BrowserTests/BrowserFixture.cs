using Microsoft.Playwright;

namespace Hutong.BrowserTests;

/// <summary>One headless Debian Chromium and one server for the tests of a class; each person gets their own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly List<IBrowser> _ownBrowsers = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public ServerProcess Server { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Server.StartAsync(TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(LaunchOptions());
    }

    private static BrowserTypeLaunchOptions LaunchOptions(params string[] more) => new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            // A status is recorded with the camera: Chromium's fake camera and microphone, allowed without a prompt,
            // and a clip that starts playing in a page nobody clicked in.
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required",
            .. more],
    };

    /// <summary>
    /// A Chromium of its own whose fake camera shows a video file (Y4M or MJPEG, looped), for a test that points the
    /// camera at something; the class's other tests keep the shared browser and its test pattern. Closed with the fixture.
    /// </summary>
    public async Task<IBrowser> LaunchWithCameraAsync(string videoFile)
    {
        var browser = await _playwright!.Chromium.LaunchAsync(LaunchOptions($"--use-file-for-fake-video-capture={videoFile}"));
        _ownBrowsers.Add(browser);
        return browser;
    }

    /// <summary>A fresh browser profile, as a different person on a different computer would have.</summary>
    public async Task<IPage> NewPersonAsync(string locale = "en-US", int width = 1280, int height = 800, IBrowser? browser = null)
    {
        var context = await (browser ?? Browser).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        // What the page logs shows up under a failing test. The test's output is taken now: Playwright raises these
        // events outside the test's async flow, where TestContext.Current knows no test.
        var output = TestContext.Current.TestOutputHelper;
        context.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output?.WriteLine($"[browser {message.Type}] {message.Text}");
            }
        };
        context.WebError += (_, error) => output?.WriteLine($"[browser exception] {error.Error}");
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var browser in _ownBrowsers)
        {
            await browser.DisposeAsync();
        }

        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
