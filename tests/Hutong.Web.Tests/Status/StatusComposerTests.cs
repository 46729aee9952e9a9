using Bunit;
using Hutong.Web.Status;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Status;

/// <summary>Recording a status: a camera that cannot be used says why, and leaves the file picker.</summary>
public sealed class StatusComposerTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public StatusComposerTests() => _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Theory]
    [InlineData("denied", "Hutong may not use the camera. Allow it in the browser's site settings, or choose a file.")]
    [InlineData("nocamera", "No camera was found. You can choose a file instead.")]
    [InlineData("unsupported", "This browser cannot use a camera here. You can choose a file instead.")]
    public async Task Record_WhenTheCameraCannotOpen_SaysWhyAndKeepsChoosingAFile(string answer, string expected)
    {
        var camera = _context.JSInterop.SetupModule("./camera.js");
        camera.Setup<string>("open", _ => true).SetResult(answer);
        var composer = _context.Render<StatusComposer>();

        await composer.FindAll("button").Single(b => b.TextContent.Trim() == "Record").ClickAsync(new());

        Assert.Equal(expected, composer.Find("[role=alert]").TextContent);
        Assert.Single(composer.FindAll("button"), b => b.TextContent.Trim() == "Record");
        Assert.Equal("Choose a file", composer.Find("label[for=status-file]").TextContent);
        Assert.Empty(composer.FindAll("[role=timer]"));
    }

    [Fact]
    public async Task Record_Started_CountsDownFromFifteen()
    {
        var camera = _context.JSInterop.SetupModule("./camera.js");
        camera.Setup<string>("open", _ => true).SetResult("ok");
        camera.Setup<bool>("record", _ => true).SetResult(true);
        var composer = _context.Render<StatusComposer>();

        await composer.FindAll("button").Single(b => b.TextContent.Trim() == "Record").ClickAsync(new());
        await composer.FindAll("button").Single(b => b.TextContent.Trim() == "Start recording").ClickAsync(new());

        Assert.Equal("15 s left", composer.Find("[role=timer]").TextContent);
        await composer.InvokeAsync(() => composer.Instance.OnTick(9));
        Assert.Equal("9 s left", composer.Find("[role=timer]").TextContent);
        Assert.Single(composer.FindAll("button"), b => b.TextContent.Trim() == "Stop");
        Assert.Equal(StatusComposer.MaxSeconds, (int)camera.Invocations["record"].Single().Arguments[1]!);
    }
}
