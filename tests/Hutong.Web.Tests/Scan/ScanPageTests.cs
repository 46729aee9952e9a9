using Bunit;
using Hutong.Web.Localization;
using Hutong.Web.Scan;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Scan;

/// <summary>
/// The Scan screen with scan.js standing in for the camera and the decoder: the camera starts with the screen, says
/// why when it cannot, and a code goes where it names or is shown.
/// </summary>
public sealed class ScanPageTests : IAsyncDisposable
{
    private const string Lin = "0195a3c4-8f2e-7b61-9d4a-3c2b1a0f9e8d";

    private readonly BunitContext _context = new();
    private readonly BunitJSModuleInterop _scan;

    public ScanPageTests()
    {
        _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon));
        _scan = _context.JSInterop.SetupModule("./scan.js");
    }

    private NavigationManager Nav => _context.Services.GetRequiredService<NavigationManager>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Theory]
    [InlineData("denied", "Hutong may not use the camera. Allow it in the browser's site settings, or choose an image.")]
    [InlineData("nocamera", "No camera was found. You can choose an image instead.")]
    [InlineData("unsupported", "This browser cannot use a camera here. You can choose an image instead.")]
    [InlineData("failed", "Something went wrong. Please try again.")]
    public void Open_CameraCannotStart_SaysWhyAndOffersAnImage(string answer, string expected)
    {
        _scan.Setup<string>("start", _ => true).SetResult(answer);

        var page = _context.Render<ScanPage>();

        page.WaitForAssertion(() => Assert.Equal(expected, page.Find("[role=alert]").TextContent));
        Assert.True(page.Find(".scan-camera").HasAttribute("hidden"));
        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Scan with camera");
        Assert.Equal("Choose an image", page.Find("label[for=scan-file]").TextContent.Trim());
    }

    [Fact]
    public void Open_CameraStarts_ShowsItsPictureAndWhatToDo()
    {
        _scan.Setup<string>("start", _ => true).SetResult("ok");

        var page = _context.Render<ScanPage>();

        page.WaitForAssertion(() => Assert.Equal("Point the camera at a QR code: it is read as soon as it is in view.", page.Find("[role=status]").TextContent));
        Assert.False(page.Find(".scan-camera").HasAttribute("hidden"));
        Assert.Empty(page.FindAll("[role=alert]"));
        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Stop camera");
    }

    [Fact]
    public async Task CameraSeesPersonCode_OpensTheirProfileToAddThem()
    {
        _scan.Setup<string>("start", _ => true).SetResult("ok");
        var page = _context.Render<ScanPage>();

        await page.InvokeAsync(() => page.Instance.OnCode($"hutong://user/{Lin}"));

        Assert.Equal($"http://localhost/contacts/add?user={Lin}", Nav.Uri);
    }

    [Fact]
    public async Task CameraSeesGroupCode_OpensTheJoinScreen()
    {
        _scan.Setup<string>("start", _ => true).SetResult("ok");
        var page = _context.Render<ScanPage>();

        await page.InvokeAsync(() => page.Instance.OnCode("hutong://group/Ab3_-xYz01234567"));

        Assert.Equal("http://localhost/discover?join=Ab3_-xYz01234567", Nav.Uri);
    }

    [Fact]
    public async Task ImagePicked_WithPersonCode_StopsTheCameraAndOpensTheirProfile()
    {
        _scan.Setup<string>("start", _ => true).SetResult("ok");
        _scan.Setup<string?>("scanFile", _ => true).SetResult($"hutong://user/{Lin}");
        _scan.SetupVoid("stop", _ => true).SetVoidResult();
        var page = _context.Render<ScanPage>();

        await page.Find("#scan-file").ChangeAsync(new ChangeEventArgs());

        Assert.Equal($"http://localhost/contacts/add?user={Lin}", Nav.Uri);
        Assert.Single(_scan.Invocations["stop"]);
    }

    [Fact]
    public async Task ImagePicked_WithoutACode_SaysNoneWasFoundAndStaysHere()
    {
        _scan.Setup<string>("start", _ => true).SetResult("denied");
        _scan.Setup<string?>("scanFile", _ => true).SetResult(null);
        var page = _context.Render<ScanPage>();
        var before = Nav.Uri;

        await page.Find("#scan-file").ChangeAsync(new ChangeEventArgs());

        Assert.Equal("No QR code was found in this image. Try a sharper picture that shows the whole code.", page.Find("[role=alert]").TextContent);
        Assert.Equal(before, Nav.Uri);
    }

    [Fact]
    public async Task CameraSeesTextWithALink_ShowsTheTextAndTheLinkWithoutOpeningIt()
    {
        _scan.Setup<string>("start", _ => true).SetResult("ok");
        var page = _context.Render<ScanPage>();
        var before = Nav.Uri;

        await page.InvokeAsync(() => page.Instance.OnCode("Tea menu: https://tea.example/menu"));

        Assert.Equal(before, Nav.Uri);
        Assert.Equal("Not a Hutong code", page.Find("#scan-result-title").TextContent);
        Assert.Equal("Tea menu: https://tea.example/menu", page.Find(".scan-text").TextContent);
        var link = page.Find(".scan-links a");
        Assert.Equal("https://tea.example/menu", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Scan again");
    }

    [Fact]
    public async Task CameraSeesMiniProgramCode_OpensTheAppAtItsPage()
    {
        _scan.Setup<string>("start", _ => true).SetResult("ok");
        var page = _context.Render<ScanPage>();

        await page.InvokeAsync(() => page.Instance.OnCode("hutong://mp/wx0123456789abcdef?path=pages%2Fabout%2Fabout%3Ffrom%3Dmei"));

        Assert.Equal("http://localhost/mp/wx0123456789abcdef?path=pages%2Fabout%2Fabout%3Ffrom%3Dmei", Nav.Uri);
    }

    [Fact]
    public async Task CameraSeesPaymentCode_OpensThePaymentPage()
    {
        _scan.Setup<string>("start", _ => true).SetResult("ok");
        var page = _context.Render<ScanPage>();

        await page.InvokeAsync(() => page.Instance.OnCode("hutong://pay/wx20260318120000a1b2c3d4e5f6a7b8c9d0"));

        Assert.Equal("http://localhost/pay/wx20260318120000a1b2c3d4e5f6a7b8c9d0", Nav.Uri);
    }

    [Fact]
    public async Task CameraSeesAHutongCodeOfAnUnknownKind_SaysItIsNotSupportedYet()
    {
        _scan.Setup<string>("start", _ => true).SetResult("ok");
        var page = _context.Render<ScanPage>();
        var before = Nav.Uri;

        await page.InvokeAsync(() => page.Instance.OnCode("hutong://moments/0195a3c4"));

        Assert.Equal(before, Nav.Uri);
        Assert.Equal("Not supported yet", page.Find("#scan-result-title").TextContent);
        Assert.Equal("hutong://moments/0195a3c4", page.Find(".scan-text").TextContent);
        Assert.Empty(page.FindAll(".scan-links"));
    }

    [Fact]
    public async Task Open_InChinese_SpeaksChinese()
    {
        _scan.Setup<string>("start", _ => true).SetResult("denied");
        _context.JSInterop.Setup<string?>("hutong.get", "hutong.language").SetResult("zh-Hans");
        await _context.Services.GetRequiredService<Texts>().InitializeAsync();

        var page = _context.Render<ScanPage>();

        page.WaitForAssertion(() => Assert.Equal("胡同无权使用相机。请在浏览器的网站设置中允许，或选择图片。", page.Find("[role=alert]").TextContent));
        Assert.Equal("扫一扫", page.Find("h1").TextContent);
    }
}
