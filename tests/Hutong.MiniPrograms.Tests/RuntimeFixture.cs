using Hutong.MiniPrograms.Packages;
using Hutong.MiniPrograms.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Hutong.MiniPrograms.Tests;

/// <summary>
/// One headless Debian Chromium and one Kestrel host for the runtime tests: the host maps the runtime, serves the
/// sample packages compiled by <see cref="PackageCompiler"/> under /mp/packages/{app}/, and a test page that mounts
/// a package with /mp/runtime/host.js.
/// </summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private Dictionary<string, CompiledPackage> _packages = [];

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _packages = SamplePackages.All.ToDictionary(p => p.Key, p => PackageCompiler.Compile(p.Value), StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapMiniProgramRuntime();
        _app.MapGet("/test.html", () => Results.Content(TestPage, "text/html; charset=utf-8"));
        _app.MapGet("/mp/packages/{app}/{file}", ServePackageFile);
        _app.MapGet("/mp/packages/{app}/assets/{**path}", ServeAsset);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// Opens the test page with <paramref name="app"/> mounted and waits for its first page to render; the host speaks
    /// the embedder's <paramref name="texts"/> (JSON of native-ui.js's keys) when given.
    /// </summary>
    public async Task<IPage> OpenAsync(string app, string firstText, string path = "", string? texts = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 420, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        var output = TestContext.Current.TestOutputHelper;
        context.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output?.WriteLine($"[browser {message.Type}] {message.Text}");
            }
        };
        context.WebError += (_, error) => output?.WriteLine($"[browser exception] {error.Error}");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/test.html?app={Uri.EscapeDataString(app)}&path={Uri.EscapeDataString(path)}&texts={Uri.EscapeDataString(texts ?? "")}");
        await Assertions.Expect(View(page).GetByText(firstText).First).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The view frame of the page on top of the stack.</summary>
    public static IFrameLocator View(IPage page) => page.FrameLocator("iframe.hmp-view:not([hidden])");

    private IResult ServePackageFile(string app, string file)
    {
        if (!_packages.TryGetValue(app, out var package))
        {
            return Results.NotFound();
        }

        return file switch
        {
            "app.json" => Results.Content(package.AppJson, "application/json"),
            "view.json" => Results.Content(package.ViewJson, "application/json"),
            "logic.js" => Results.Content(package.LogicJs, "text/javascript"),
            "wxs.js" => Results.Content(package.WxsJs, "text/javascript"),
            _ => Results.NotFound(),
        };
    }

    private IResult ServeAsset(string app, string path) =>
        _packages.TryGetValue(app, out var package) && package.Assets.TryGetValue(path, out var bytes)
            ? Results.Bytes(bytes, ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream")
            : Results.NotFound();

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // The embedding page: what the web client does when a person opens a mini-program. It keeps a localStorage marker
    // that package code must never reach, and records what the services were asked to do.
    private const string TestPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>host</title>
        <style>html, body { margin: 0; height: 100%; } #mp { height: 100vh; }</style></head>
        <body>
        <div id="mp"></div>
        <script type="module">
          import { mount } from '/mp/runtime/host.js';
          const params = new URLSearchParams(location.search);
          const app = params.get('app');
          localStorage.setItem('host-marker', 'untouched');
          window.serviceLog = [];
          const base = '/mp/packages/' + app + '/';
          const config = await (await fetch(base + 'app.json')).json();
          window.mp = mount(document.getElementById('mp'), {
            appId: 'wx' + app, name: app, version: '1.0.0', envVersion: 'develop', config,
            viewJsonUrl: base + 'view.json', logicJsUrl: base + 'logic.js', wxsJsUrl: base + 'wxs.js',
            assetsBaseUrl: base + 'assets/', runtimeBaseUrl: '/mp/runtime/', path: params.get('path') || '', query: {},
            storage: { greeting: 'hello' }, systemInfo: null, texts: params.get('texts') ? JSON.parse(params.get('texts')) : undefined,
          }, {
            setStorage: (key, data) => { window.serviceLog.push('setStorage:' + key); return {}; },
            share: (content) => { window.serviceLog.push('share:' + content.title); },
            close: () => window.serviceLog.push('close'),
            // Requests wait here until the test answers them, so it can see how many the host lets through at once.
            request: (args) => new Promise((resolve) => {
              window.requestsInFlight = (window.requestsInFlight || 0) + 1;
              window.requestsHeld = window.requestsHeld || [];
              window.requestsHeld.push(() => { window.requestsInFlight--; resolve({ data: args.url, statusCode: 200, header: {} }); });
            }),
          });
        </script>
        </body>
        </html>
        """;
}

[CollectionDefinition(Name)]
public sealed class RuntimeBrowser : ICollectionFixture<RuntimeFixture>
{
    public const string Name = "runtime";
}
