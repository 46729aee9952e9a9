using System.Text;
using System.Text.Json.Nodes;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.MiniPrograms;
using Hutong.MiniPrograms.Tests.Server;
using Zips = Hutong.MiniPrograms.Tests.Server.Packages;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;

namespace Hutong.MiniPrograms.Tests.Games;

/// <summary>Apps of kind game through the real server: made as games, uploaded as game packages, opened on the game runtime.</summary>
public sealed class GameAppsTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Path, string Text)[] Tap =
    [
        ("game.json", """{ "deviceOrientation": "portrait", "openDataContext": "openDataContext" }"""),
        ("game.js", "const canvas = wx.createCanvas(); require('./js/score.js');"),
        ("js/score.js", "module.exports = { best: 0 };"),
        ("openDataContext/index.js", "wx.onMessage(() => {});"),
        ("project.config.json", """{ "compileType": "game" }"""),
    ];

    /// <summary>A new developer's game, named <paramref name="name"/> (every test's apps share one server).</summary>
    private static async Task<(TestUser Dev, string AppId)> NewGameAsync(HutongApp app, string name = "Tap Tap")
    {
        var dev = await TestUser.CreateAsync(app, "dev");
        await dev.Client.RegisterDeveloperAsync("Arcade", Ct);
        var created = await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest(name, Kind: MiniProgramKinds.Game), Ct);
        return (dev, created.App.AppId);
    }

    [Theory, ProviderData]
    public async Task AGame_IsMadeAsAGame_AndOnlyAMiniProgramOrAGameMayBeMadeSo(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (dev, appId) = await NewGameAsync(app);

        Assert.Equal(MiniProgramKinds.Game, (await dev.Client.GetMiniProgramAsync(appId, Ct)).Kind);
        Assert.Equal(MiniProgramKinds.Game, Assert.Single((await dev.Client.GetMyMiniProgramsAsync(Ct)).Apps).Kind);
        var plain = await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Tea Menu"), Ct);
        Assert.Equal(MiniProgramKinds.MiniProgram, plain.App.Kind);

        foreach (var kind in (string[])[MiniProgramKinds.Story, "Game", ""])
        {
            var refused = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Other", Kind: kind), Ct));
            Assert.True(refused.Problem!.Errors!.ContainsKey("kind"));
        }

        Assert.Equal(2, (await dev.Client.GetMyMiniProgramsAsync(Ct)).Apps.Count);
    }

    [Theory, ProviderData]
    public async Task AReleasedGame_OpensOnTheGameRuntime_WithItsTwoBundlesUnderItsTicket(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId) = await NewGameAsync(app);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var package = Zips.Zip([.. Tap.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))), ("images/star.png", png)]);

        var version = await dev.Client.UploadMiniProgramAsync(appId, package, "1.0.0", cancellationToken: Ct);
        Assert.Empty(version.Pages);
        await MiniProgramServers.ReleaseAsync(dev, ops, appId, "1.0.1", Zips.Zip(Tap));
        var launch = await (await TestUser.CreateAsync(app, "player")).Client.LaunchMiniProgramAsync(appId, cancellationToken: Ct);
        var anonymous = app.NewClient();

        Assert.Equal(MiniProgramKinds.Game, launch.Kind);
        Assert.Matches("^/mp/runtime/game-host\\.js\\?v=[0-9a-f]{16}$", launch.RuntimeUrl);
        var config = JsonNode.Parse(launch.Config)!;
        Assert.Equal(("portrait", "openDataContext"), ((string)config["deviceOrientation"]!, (string)config["openDataContext"]!));
        var game = await anonymous.GetMiniProgramCodeAsync(launch, "game.js", Ct);
        var openData = await anonymous.GetMiniProgramCodeAsync(launch, "open-data.js", Ct);
        Assert.Equal("text/javascript", game.ContentType);
        Assert.Contains("__hutong_define(\"js/score.js\"", Encoding.UTF8.GetString(game.Bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("wx.onMessage", Encoding.UTF8.GetString(game.Bytes), StringComparison.Ordinal);
        Assert.Contains("__hutong_start([\"openDataContext/index.js\"])", Encoding.UTF8.GetString(openData.Bytes), StringComparison.Ordinal);

        // A game has no pages: the mini-program runtime's files are not there, nor its configs as assets.
        foreach (var file in (string[])["logic.js", "view.json", "wxs.js", "assets/game.json", "assets/project.config.json", "assets/game.js"])
        {
            await ExpectAsync(404, ErrorCodes.NotFound, () => anonymous.GetMiniProgramCodeAsync(launch, file, Ct));
        }

        // The mini-program runtime's bundle is the only one a mini-program has.
        var (mpDev, mpAppId, _) = await MiniProgramServers.NewAppAsync(app);
        await MiniProgramServers.ReleaseAsync(mpDev, ops, mpAppId);
        var mpLaunch = await mpDev.Client.LaunchMiniProgramAsync(mpAppId, cancellationToken: Ct);
        Assert.Equal((MiniProgramKinds.MiniProgram, true), (mpLaunch.Kind, mpLaunch.RuntimeUrl.StartsWith("/mp/runtime/host.js?v=", StringComparison.Ordinal)));
        await ExpectAsync(404, ErrorCodes.NotFound, () => anonymous.GetMiniProgramCodeAsync(mpLaunch, "game.js", Ct));
        await ExpectAsync(404, ErrorCodes.NotFound, () => anonymous.GetMiniProgramCodeAsync(mpLaunch, "open-data.js", Ct));
    }

    [Theory, ProviderData]
    public async Task AGamesPackage_IsHeldToAGamesRules_AndARefusalStoresNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (dev, appId) = await NewGameAsync(app);
        var (mpDev, mpAppId, _) = await MiniProgramServers.NewAppAsync(app);

        // Each kind takes only its own package.
        var noGameJson = await ExpectAsync(422, ErrorCodes.PackageInvalid, () => dev.Client.UploadMiniProgramAsync(appId, Zips.Zip(Zips.Counter), "1.0.0", cancellationToken: Ct));
        Assert.Equal("game.json", noGameJson.Problem!.File);
        var noAppJson = await ExpectAsync(422, ErrorCodes.PackageInvalid, () => mpDev.Client.UploadMiniProgramAsync(mpAppId, Zips.Zip(Tap), "1.0.0", cancellationToken: Ct));
        Assert.Equal("app.json", noAppJson.Problem!.File);

        var badOrientation = await ExpectAsync(422, ErrorCodes.PackageInvalid, () => dev.Client.UploadMiniProgramAsync(
            appId, Zips.Zip([.. Tap.Where(f => f.Path != "game.json"), ("game.json", "{\n \"deviceOrientation\": \"upside\"\n}")]), "1.0.0", cancellationToken: Ct));
        Assert.Equal(("game.json", 2), (badOrientation.Problem!.File, badOrientation.Problem.Line));

        // A game's main package may be 4 MB, twice a mini-program's; more goes in a subpackage.
        var image = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(image);
        var files = Tap.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))).ToList();
        var threeMegabytes = await dev.Client.UploadMiniProgramAsync(appId, Zips.Zip([.. files, ("images/sky.png", image)]), "1.0.0", cancellationToken: Ct);
        Assert.True(threeMegabytes.Size > image.Length);
        var tooBig = await ExpectAsync(422, ErrorCodes.PackageInvalid, () => dev.Client.UploadMiniProgramAsync(
            appId, Zips.Zip([.. files, ("images/sky.png", image), ("images/sea.png", image[..(1024 * 1024 + 1)])]), "1.0.1", cancellationToken: Ct));
        Assert.Contains("4096 KB", tooBig.Problem!.Detail, StringComparison.Ordinal);
        var split = Tap.Where(f => f.Path != "game.json").Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))).ToList();
        await dev.Client.UploadMiniProgramAsync(appId, Zips.Zip([
            .. split,
            ("game.json", Encoding.UTF8.GetBytes("""{ "openDataContext": "openDataContext", "subpackages": [{ "name": "sea", "root": "sea" }] }""")),
            ("images/sky.png", image),
            ("sea/game.js", Encoding.UTF8.GetBytes("")),
            ("sea/sea.png", image[..(1024 * 1024 + 1)]),
        ]), "1.0.2", cancellationToken: Ct);

        Assert.Equal(["1.0.2", "1.0.0"], (await dev.Client.GetMiniProgramVersionsAsync(appId, Ct)).Versions.Select(v => v.Version));
        Assert.Empty((await mpDev.Client.GetMiniProgramVersionsAsync(mpAppId, Ct)).Versions);
    }

    [Theory, ProviderData]
    public async Task AGamesCard_CarriesOnlyAQuery_AndGamesAreListedApartFromMiniPrograms(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var word = "k" + Guid.NewGuid().ToString("N")[..8];
        var (dev, gameId) = await NewGameAsync(app, $"Tap {word}");
        await MiniProgramServers.ReleaseAsync(dev, ops, gameId, package: Zips.Zip(Tap));
        var (mpDev, mpAppId, _) = await MiniProgramServers.NewAppAsync(app, $"Water {word}");
        await MiniProgramServers.ReleaseAsync(mpDev, ops, mpAppId);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var chat = Assert.Single((await mei.Client.GetConversationsAsync(Ct)).Conversations).ConversationId;

        await mei.Client.SendMessageAsync(chat, new SendMessageRequest("game-1", new MiniProgramContent(gameId, "Beat 12 taps", "?challenge=12")), Ct);
        await mei.Client.SendMessageAsync(chat, new SendMessageRequest("game-2", new MiniProgramContent(gameId, "", "")), Ct);
        await mei.Client.SendMessageAsync(chat, new SendMessageRequest("mp-1", new MiniProgramContent(mpAppId, "", "pages/index/index")), Ct);
        var paged = await ExpectAsync(400, ErrorCodes.ValidationFailed, () =>
            mei.Client.SendMessageAsync(chat, new SendMessageRequest("game-3", new MiniProgramContent(gameId, "", "pages/index/index")), Ct));
        var pageless = await ExpectAsync(400, ErrorCodes.ValidationFailed, () =>
            mei.Client.SendMessageAsync(chat, new SendMessageRequest("mp-2", new MiniProgramContent(mpAppId, "", "?x=1")), Ct));

        Assert.Equal(["path"], paged.Problem!.Errors!.Keys);
        Assert.Equal(["path"], pageless.Problem!.Errors!.Keys);
        var cards = (await lin.Client.GetMessagesAsync(chat, cancellationToken: Ct)).Messages.Select(m => m.Content).OfType<MiniProgramContent>().ToList();
        Assert.Equal(["?challenge=12", "", "pages/index/index"], cards.Select(c => c.Path));
        Assert.Equal($"Tap {word}", cards[1].Title);

        await lin.Client.LaunchMiniProgramAsync(gameId, cancellationToken: Ct);
        await lin.Client.LaunchMiniProgramAsync(mpAppId, cancellationToken: Ct);
        Assert.Equal([mpAppId, gameId], (await lin.Client.GetRecentMiniProgramsAsync(Ct)).Apps.Select(a => a.AppId));
        Assert.Equal([gameId], (await lin.Client.GetRecentGamesAsync(Ct)).Apps.Select(a => a.AppId));
        Assert.Equal([mpAppId, gameId], (await lin.Client.GetSharedMiniProgramsAsync(Ct)).Apps.Select(a => a.AppId));
        Assert.Equal([gameId], (await lin.Client.GetSharedGamesAsync(Ct)).Apps.Select(a => a.AppId));
        Assert.Equal([gameId, mpAppId], (await lin.Client.SearchMiniProgramsAsync(word, Ct)).Apps.Select(a => a.AppId));
        var games = (await lin.Client.SearchGamesAsync(word, Ct)).Apps;
        Assert.Equal([(gameId, MiniProgramKinds.Game)], games.Select(a => (a.AppId, a.Kind)));
    }
}
