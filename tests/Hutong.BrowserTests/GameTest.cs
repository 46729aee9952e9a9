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
        var ops = await OperatorAsync();

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

    /// <summary>
    /// The tap game sample released as its README says, with the developer tool: a copy of samples/tap-game made the
    /// project of a new game (<c>hutong mp new --game</c>), uploaded, submitted, approved and released.
    /// </summary>
    protected async Task<string> ReleaseTapGameWithCliAsync(string name)
    {
        var ops = await OperatorAsync();
        var dev = await SignUpOverApiAsync($"gdev{Guid.NewGuid():N}"[..16], "Bubble Studio");
        var project = Directory.CreateTempSubdirectory("hutong-tap-game-").FullName;
        try
        {
            foreach (var (path, bytes) in Folder(TestPaths.TapGame, withReadme: true))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(project, path))!);
                File.WriteAllBytes(Path.Combine(project, path), bytes);
            }

            var cli = new CliProcess(Fixture.Server.BaseAddress, dev.Token!, project);
            foreach (var command in new[] { new[] { "mp", "new", name, "--game", "--dir", project }, ["mp", "upload", "--version", "1.0.0"], ["mp", "submit", "--version", "1.0.0"] })
            {
                var result = await cli.RunAsync(command);
                Assert.True(result.ExitCode == 0, result.Output);
            }

            var appId = (string)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(project, "project.config.json")))!["appid"]!;
            var waiting = (await ops.GetMiniProgramReviewsAsync(Ct)).Waiting.Single(w => w.App.AppId == appId);
            await ops.ApproveMiniProgramVersionAsync(waiting.Version.Id, Ct);
            var released = await cli.RunAsync("mp", "release");
            Assert.True(released.ExitCode == 0, released.Output);
            return appId;
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
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

    /// <summary>Every file of a folder (a sample), by its path inside it.</summary>
    protected static Dictionary<string, byte[]> Folder(string folder, bool withReadme = false) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => withReadme || !f.EndsWith("README.md", StringComparison.Ordinal))
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
