using System.IO.Compression;
using System.Text;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Microsoft.Playwright;

namespace Hutong.BrowserTests;

/// <summary>
/// Mini-games in the browser tests: released over the API as a developer and the node's operator would, and the parts
/// of the game host a test looks at (the game's frame and canvas, the board's text for screen readers).
/// </summary>
public abstract class GameTest(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Makes a game of <paramref name="files"/> (path → bytes), and submits, approves and releases 1.0.0.</summary>
    protected async Task<string> ReleaseGameAsync(string name, IReadOnlyDictionary<string, byte[]> files)
    {
        var ct = Ct;
        HutongClient ops;
        try
        {
            ops = await SignUpOverApiAsync(ServerProcess.Operator, "Operator");
        }
        catch (HutongApiException e) when (e.Code == ErrorCodes.HandleTaken)
        {
            ops = await SignInOverApiAsync(ServerProcess.Operator);
        }

        var dev = await SignUpOverApiAsync($"dev{Guid.NewGuid():N}"[..16], "Dev");
        await dev.RegisterDeveloperAsync("Game Studio", ct);
        var created = await dev.CreateMiniProgramAsync(new CreateMiniProgramRequest(name, "A game.", Kind: MiniProgramKinds.Game), ct);
        var appId = created.App.AppId;
        var version = await dev.UploadMiniProgramAsync(appId, Zip(files), "1.0.0", cancellationToken: ct);
        await dev.MoveMiniProgramVersionAsync(appId, version.Id, "submit", ct);
        await ops.ApproveMiniProgramVersionAsync(version.Id, ct);
        await dev.MoveMiniProgramVersionAsync(appId, version.Id, "release", ct);
        return appId;
    }

    /// <summary>Every file of a folder (a sample), by its path inside it.</summary>
    protected static Dictionary<string, byte[]> Folder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);

    protected static Dictionary<string, byte[]> Texts(params (string Path, string Text)[] files) =>
        files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Text));

    /// <summary>The game's canvas, in its sandboxed frame.</summary>
    protected static ILocator Canvas(IPage page) => page.FrameLocator("iframe.hmg-game").Locator("canvas");

    /// <summary>What the open data context's board says, in the host's live region for screen readers.</summary>
    protected static ILocator Board(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Leaderboard", Exact = true });

    /// <summary>Taps the canvas at a point given as fractions of its size (where the game draws a button).</summary>
    protected static async Task TapAtAsync(IPage page, double x, double y)
    {
        var canvas = Canvas(page);
        var box = await canvas.BoundingBoxAsync() ?? throw new InvalidOperationException("the game's canvas is not on screen");
        await canvas.ClickAsync(new() { Position = new() { X = (float)(box.Width * x), Y = (float)(box.Height * y) } });
    }

    private static MemoryStream Zip(IReadOnlyDictionary<string, byte[]> files)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files)
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.Fastest).Open();
                entry.Write(bytes);
            }
        }

        zip.Position = 0;
        return zip;
    }
}
