using System.IO.Compression;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts.MiniPrograms;
using Spectre.Console.Testing;

namespace Hutong.Cli.Tests;

/// <summary><c>hutong mp new</c>, <c>upload</c>, <c>list</c>, <c>submit</c> and <c>release</c> against a real node.</summary>
public sealed class MiniProgramCommandsTests(CliServer server) : IClassFixture<CliServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_WritesAWorkingProject_RegistersTheDeveloper_AndCreatesTheAppWithItsIdInProjectConfig()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await cli.LoginAsync("mei", "Mei Studio");

        var made = await cli.RunAsync("mp", "new", "Tea House");

        Assert.Equal(0, made.ExitCode);
        var folder = Path.Combine(cli.WorkingDirectory, "Tea House");
        foreach (var file in (string[])["app.json", "app.js", "app.wxss", ".gitignore", "README.md", "pages/index/index.wxml", "pages/about/about.js"])
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }

        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "project.config.json"), Ct))!;
        var appId = config["appid"]!.GetValue<string>();
        Assert.Matches("^wx[0-9a-f]{16}$", appId);
        Assert.Equal("Tea House", config["projectname"]!.GetValue<string>());
        Assert.Equal("Mei Studio", (await user.Client.GetDeveloperAsync(Ct)).Name);
        var mine = Assert.Single((await user.Client.GetMyMiniProgramsAsync(Ct)).Apps);
        Assert.Equal((appId, "Tea House"), (mine.AppId, mine.Name));
        Assert.Contains("App secret", made.Output, StringComparison.Ordinal);
        Assert.Matches("App secret: [0-9a-f]{16,}", made.Output);

        // A second app: the developer is registered already; the folder of the first is refused.
        Assert.Equal(ExitCodes.Usage, (await cli.RunAsync("mp", "new", "Other", "--dir", "Tea House")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("mp", "new", "Noodle Bar")).ExitCode);
        Assert.Equal(2, (await user.Client.GetMyMiniProgramsAsync(Ct)).Apps.Count);
    }

    [Fact]
    public async Task NewGame_WritesAGameProject_CreatesAGame_AndItsUploadIsAGameVersion()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await cli.LoginAsync("ling", "Ling Games");

        var made = await cli.RunAsync("mp", "new", "Star Catch", "--game");

        Assert.True(made.ExitCode == 0, made.Output);
        Assert.Contains("Created the game", made.Output, StringComparison.Ordinal);
        var folder = Path.Combine(cli.WorkingDirectory, "Star Catch");
        foreach (var file in (string[])["game.json", "game.js", "openDataContext/index.js", ".gitignore", "README.md"])
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }

        Assert.False(File.Exists(Path.Combine(folder, "app.json")));
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "project.config.json"), Ct))!;
        Assert.Equal("game", config["compileType"]!.GetValue<string>());
        var game = Assert.Single((await user.Client.GetMyMiniProgramsAsync(Ct)).Apps);
        Assert.Equal((config["appid"]!.GetValue<string>(), MiniProgramKinds.Game), (game.AppId, game.Kind));

        var upload = await cli.RunAsync("mp", "upload", "--dir", folder, "--version", "0.1.0");

        Assert.True(upload.ExitCode == 0, upload.Output);
        var version = Assert.Single((await user.Client.GetMiniProgramVersionsAsync(game.AppId, Ct)).Versions);
        Assert.Equal(("0.1.0", 0), (version.Version, version.Pages.Count));
    }

    [Fact]
    public async Task NewOffline_WritesOnlyTheFiles_AndRunningItAgainInTheFolderCreatesTheApp()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await cli.LoginAsync();

        Assert.Equal(0, (await cli.RunAsync("mp", "new", "Kiosk", "--offline")).ExitCode);
        Assert.Empty((await user.Client.GetMyMiniProgramsAsync(Ct)).Apps);
        Assert.Equal(ExitCodes.Usage, (await cli.RunAsync("mp", "upload", "--version", "1.0.0", "--dir", "Kiosk")).ExitCode);

        var again = await cli.RunAsync("mp", "new", "Kiosk", "--domain", "api.kiosk.example", "--domain", "https://pay.kiosk.example:8443");

        Assert.Equal(0, again.ExitCode);
        var appId = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.WorkingDirectory, "Kiosk", "project.config.json"), Ct))!["appid"]!.GetValue<string>();
        var made = Assert.Single((await user.Client.GetMyMiniProgramsAsync(Ct)).Apps);
        Assert.Equal(appId, made.AppId);
        Assert.Equal(["https://api.kiosk.example", "https://pay.kiosk.example:8443"], made.Admin!.RequestDomains);
    }

    [Fact]
    public async Task Upload_ThenList_ShowsTheVersion_AndTheSameNumberInDevelopmentIsReplaced()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await cli.LoginAsync();
        var (folder, appId) = await cli.NewAppAsync();

        var upload = await cli.RunAsync("mp", "upload", "--dir", folder, "--version", "1.0.0", "--note", "First pour");

        Assert.True(upload.ExitCode == 0, upload.Output);
        Assert.Contains("Uploaded 1.0.0", upload.Output, StringComparison.Ordinal);
        var list = await cli.RunAsync("mp", "list", "--dir", folder);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"1\.0\.0\s+│\s+develop\s+│.*│\s+2\s+│\s+First pour", list.Output);

        await File.AppendAllTextAsync(Path.Combine(folder, "pages/index/index.wxml"), "<text>more</text>\n", Ct);
        Assert.Equal(0, (await cli.RunAsync("mp", "upload", "--dir", folder, "--version", "1.0.0", "--note", "Second pour")).ExitCode);

        var version = Assert.Single((await user.Client.GetMiniProgramVersionsAsync(appId, Ct)).Versions);
        Assert.Equal(("1.0.0", "Second pour", MiniProgramVersionStates.Develop), (version.Version, version.Note, version.State));
        Assert.Equal(["pages/index/index", "pages/about/about"], version.Pages);

        // Outside a project, list shows the person's apps.
        var apps = await cli.RunAsync("mp", "list");
        Assert.Contains(appId, apps.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SendsTheNewestRealUpload_ThenAnOperatorApproves_AndReleaseReleasesIt()
    {
        var (app, ops) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await cli.LoginAsync();
        var (folder, appId) = await cli.NewAppAsync();
        Assert.Equal(0, (await cli.RunAsync("mp", "upload", "--dir", folder, "--version", "1.0.0")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("mp", "upload", "--dir", folder, "--version", "1.1.0")).ExitCode);
        // mp dev's version is the newest upload, but not what goes to review unless named.
        Assert.Equal(0, (await cli.RunAsync("mp", "upload", "--dir", folder, "--version", "0.0.0-dev")).ExitCode);

        var submitted = await cli.RunAsync("mp", "submit", "--dir", folder);

        Assert.True(submitted.ExitCode == 0, submitted.Output);
        Assert.Contains("Version 1.1.0 is now review", submitted.Output, StringComparison.Ordinal);
        var early = await cli.RunAsync("mp", "release", "--dir", folder, "--version", "1.1.0");
        Assert.Equal(ExitCodes.Refused, early.ExitCode);
        Assert.Contains("version_state_conflict", early.Output, StringComparison.Ordinal);

        var waiting = Assert.Single((await ops.GetMiniProgramReviewsAsync(Ct)).Waiting, w => w.App.AppId == appId);
        await ops.ApproveMiniProgramVersionAsync(waiting.Version.Id, Ct);
        var released = await cli.RunAsync("mp", "release", "--app", appId);

        Assert.True(released.ExitCode == 0, released.Output);
        Assert.Contains("Version 1.1.0 is now released", released.Output, StringComparison.Ordinal);
        Assert.Contains($"{CliHarness.Server}/mp/{appId}", released.Output, StringComparison.Ordinal);
        Assert.Equal("1.1.0", (await user.Client.GetMiniProgramAsync(appId, Ct)).Released);
    }

    [Fact]
    public async Task Upload_OfAPackageWithoutAppJson_PrintsTheFile_AndExits2()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        await cli.LoginAsync();
        var (folder, _) = await cli.NewAppAsync();
        File.Delete(Path.Combine(folder, "app.json"));

        var upload = await cli.RunAsync("mp", "upload", "--dir", folder, "--version", "1.0.0");

        Assert.Equal(ExitCodes.Refused, upload.ExitCode);
        Assert.Contains("error: app.json: The package has no app.json at its root.", upload.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfAFileTypeAPackageMayNotHold_PrintsTheFile_AndExits2()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        await cli.LoginAsync();
        var (folder, _) = await cli.NewAppAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, "pages/index/notes.md"), "# notes", Ct);

        var upload = await cli.RunAsync("mp", "upload", "--dir", folder, "--version", "1.0.0");

        Assert.Equal(ExitCodes.Refused, upload.ExitCode);
        Assert.Contains("error: pages/index/notes.md: A package holds only these file types", upload.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APackageWithPathTraversal_IsReportedAtItsFile_AsARefusal()
    {
        // The tool packs folders, which cannot hold "../"; a zip made by hand shows how the server's answer reads.
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await cli.LoginAsync();
        var (_, appId) = await cli.NewAppAsync();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("app.json").Open()))
            {
                await writer.WriteAsync("""{"pages":["pages/index/index"]}""");
            }

            using (var writer = new StreamWriter(archive.CreateEntry("../escape.js").Open()))
            {
                await writer.WriteAsync("1;");
            }
        }

        zip.Position = 0;
        var refused = await Assert.ThrowsAsync<HutongApiException>(() => user.Client.UploadMiniProgramAsync(appId, zip, "1.0.0", null, Ct));
        var console = new TestConsole();

        var exit = ErrorReport.Write(console, refused);

        Assert.Equal(ExitCodes.Refused, exit);
        Assert.StartsWith("error: ../escape.js: A file's path in the package may not step out of its folder", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_OutsideAProject_Exit1_AndSayWhatIsMissing()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        await cli.LoginAsync();

        var upload = await cli.RunAsync("mp", "upload", "--version", "1.0.0");
        var noVersion = await cli.RunAsync("mp", "upload");

        Assert.Equal(ExitCodes.Usage, upload.ExitCode);
        Assert.Contains("No mini-program project in", upload.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noVersion.ExitCode);
    }
}
