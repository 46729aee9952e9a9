using System.Text;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;
using States = Hutong.Contracts.MiniPrograms.MiniProgramVersionStates;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>Versions through the real server: upload, trial, review, release, roll back, and who opens which.</summary>
public sealed class VersionsTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AnUpload_IsADevelopVersion_AndTheSameNumberReplacesItUntilItMovesOn(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (dev, appId, _) = await MiniProgramServers.NewAppAsync(app);

        var first = await dev.Client.UploadMiniProgramAsync(appId, Packages.Zip(Packages.Counter), "1.0.0", "First cut", Ct);
        var again = await dev.Client.UploadMiniProgramAsync(appId, Packages.CounterWith(("pages/about/about.wxml", "<view>About us</view>")), "1.0.0", "Second cut", Ct);

        Assert.Equal((States.Develop, "1.0.0", dev.UserId), (first.State, first.Version, first.UploadedBy));
        Assert.Equal(["pages/index/index", "pages/about/about"], first.Pages);
        Assert.True(first.Size > 0);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("Second cut", again.Note);
        Assert.Equal(again.Id, Assert.Single((await dev.Client.GetMiniProgramVersionsAsync(appId, Ct)).Versions).Id);

        await dev.Client.MoveMiniProgramVersionAsync(appId, first.Id, "trial", Ct);
        await ExpectAsync(409, ErrorCodes.VersionExists, () => dev.Client.UploadMiniProgramAsync(appId, Packages.Zip(Packages.Counter), "1.0.0", cancellationToken: Ct));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => dev.Client.UploadMiniProgramAsync(appId, Packages.Zip(Packages.Counter), "../1", cancellationToken: Ct));
        await ExpectAsync(404, ErrorCodes.VersionNotFound, () => dev.Client.MoveMiniProgramVersionAsync(appId, Guid.NewGuid().ToString("N"), "trial", Ct));
    }

    [Theory, ProviderData]
    public async Task ARefusedPackage_SaysWhichFile_AndStoresNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (dev, appId, _) = await MiniProgramServers.NewAppAsync(app);

        var traversal = await ExpectAsync(422, ErrorCodes.PackageInvalid, () => dev.Client.UploadMiniProgramAsync(
            appId, Packages.Zip([.. Packages.Counter, ("pages/../../etc/passwd.js", "x")]), "1.0.0", cancellationToken: Ct));
        Assert.Contains("..", traversal.Problem!.File, StringComparison.Ordinal);
        var noApp = await ExpectAsync(422, ErrorCodes.PackageInvalid, () => dev.Client.UploadMiniProgramAsync(
            appId, Packages.Zip([.. Packages.Counter.Where(f => f.Path != "app.json")]), "1.0.0", cancellationToken: Ct));
        Assert.Equal("app.json", noApp.Problem!.File);
        var exe = await ExpectAsync(422, ErrorCodes.PackageInvalid, () => dev.Client.UploadMiniProgramAsync(
            appId, Packages.Zip([.. Packages.Counter, ("tools/run.exe", "MZ")]), "1.0.0", cancellationToken: Ct));
        Assert.Equal("tools/run.exe", exe.Problem!.File);
        await ExpectAsync(422, ErrorCodes.PackageInvalid, () => dev.Client.UploadMiniProgramAsync(
            appId, new MemoryStream(Encoding.UTF8.GetBytes("not a zip at all")), "1.0.0", cancellationToken: Ct));

        // Over the main package's 2 MB, unless the weight is in a subpackage.
        var heavy = new byte[(2 * 1024 * 1024) + 1];
        Random.Shared.NextBytes(heavy);
        var main = await ExpectAsync(422, ErrorCodes.PackageInvalid, () => dev.Client.UploadMiniProgramAsync(
            appId, Packages.Zip([.. Packages.Counter.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))), ("images/big.png", heavy)]), "1.0.0", cancellationToken: Ct));
        Assert.Contains("main package", main.Problem!.Detail, StringComparison.Ordinal);

        Assert.Empty((await dev.Client.GetMiniProgramVersionsAsync(appId, Ct)).Versions);
    }

    [Theory, ProviderData]
    public async Task AVersion_GoesThroughTrialReviewAndRelease_ThenEveryoneOpensIt(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, _) = await MiniProgramServers.NewAppAsync(app);
        var tester = await TestUser.CreateAsync(app, "tester");
        var someone = await TestUser.CreateAsync(app, "someone");
        await dev.Client.SetMiniProgramMemberAsync(appId, tester.UserId, MiniProgramRoles.Tester, Ct);
        var v1 = await dev.Client.UploadMiniProgramAsync(appId, Packages.Zip(Packages.Counter), "1.0.0", cancellationToken: Ct);

        // Trial: the team opens it, nobody else; a tester never opens a develop version.
        await ExpectAsync(404, ErrorCodes.VersionNotFound, () => tester.Client.LaunchMiniProgramAsync(appId, "trial", cancellationToken: Ct));
        Assert.Equal("develop", (await dev.Client.LaunchMiniProgramAsync(appId, "develop", cancellationToken: Ct)).EnvVersion);
        await ExpectAsync(404, ErrorCodes.VersionNotFound, () => tester.Client.LaunchMiniProgramAsync(appId, "develop", cancellationToken: Ct));
        await ExpectAsync(404, ErrorCodes.VersionNotFound, () => tester.Client.LaunchMiniProgramAsync(appId, versionId: v1.Id, cancellationToken: Ct));
        Assert.Equal(States.Trial, (await dev.Client.MoveMiniProgramVersionAsync(appId, v1.Id, "trial", Ct)).State);
        var trial = await tester.Client.LaunchMiniProgramAsync(appId, "trial", cancellationToken: Ct);
        Assert.Equal(("trial", v1.Id, "1.0.0"), (trial.EnvVersion, trial.VersionId, trial.Version));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => someone.Client.LaunchMiniProgramAsync(appId, "trial", cancellationToken: Ct));

        // Review: one at a time; a rejection carries its reason; an operator opens what they review.
        var v2 = await dev.Client.UploadMiniProgramAsync(appId, Packages.Zip(Packages.Counter), "1.0.1", cancellationToken: Ct);
        Assert.Equal(States.Review, (await dev.Client.MoveMiniProgramVersionAsync(appId, v1.Id, "submit", Ct)).State);
        var pending = await ExpectAsync(409, ErrorCodes.ReviewPending, () => dev.Client.MoveMiniProgramVersionAsync(appId, v2.Id, "submit", Ct));
        Assert.Contains("1.0.0", pending.Problem!.Detail, StringComparison.Ordinal);
        await ExpectAsync(403, ErrorCodes.NotOperator, () => dev.Client.ApproveMiniProgramVersionAsync(v1.Id, Ct));
        await ExpectAsync(403, ErrorCodes.NotOperator, () => dev.Client.GetMiniProgramReviewsAsync(Ct));
        var waiting = Assert.Single((await ops.GetMiniProgramReviewsAsync(Ct)).Waiting, w => w.Version.Id == v1.Id);
        Assert.Equal(appId, waiting.App.AppId);
        Assert.Equal(v1.Id, (await ops.LaunchMiniProgramAsync(appId, versionId: v1.Id, cancellationToken: Ct)).VersionId);
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => ops.RejectMiniProgramVersionAsync(v1.Id, " ", Ct));
        var rejected = await ops.RejectMiniProgramVersionAsync(v1.Id, "The about page is empty.", Ct);
        Assert.Equal((States.Rejected, "The about page is empty."), (rejected.State, rejected.ReviewNote));
        await ExpectAsync(409, ErrorCodes.VersionStateConflict, () => dev.Client.MoveMiniProgramVersionAsync(appId, v1.Id, "release", Ct));

        Assert.Equal(States.Review, (await dev.Client.MoveMiniProgramVersionAsync(appId, v2.Id, "submit", Ct)).State);
        Assert.Equal(States.Approved, (await ops.ApproveMiniProgramVersionAsync(v2.Id, Ct)).State);
        Assert.Equal(States.Approved, (await ops.ApproveMiniProgramVersionAsync(v2.Id, Ct)).State);
        await ExpectAsync(403, ErrorCodes.NotOnTheTeam, () => tester.Client.MoveMiniProgramVersionAsync(appId, v2.Id, "release", Ct));
        var released = await dev.Client.MoveMiniProgramVersionAsync(appId, v2.Id, "release", Ct);

        Assert.Equal(States.Released, released.State);
        Assert.NotNull(released.ReleasedAt);
        var opened = await someone.Client.LaunchMiniProgramAsync(appId, cancellationToken: Ct);
        Assert.Equal(("release", v2.Id, "1.0.1"), (opened.EnvVersion, opened.VersionId, opened.Version));
        Assert.Equal("1.0.1", (await someone.Client.GetMiniProgramAsync(appId, Ct)).Released);
        Assert.Null((await someone.Client.GetMiniProgramAsync(appId, Ct)).Admin);
        await ExpectAsync(403, ErrorCodes.NotOnTheTeam, () => someone.Client.GetMiniProgramVersionsAsync(appId, Ct));
        await ExpectAsync(404, ErrorCodes.VersionNotFound, () => someone.Client.LaunchMiniProgramAsync(appId, "trial", cancellationToken: Ct));
    }

    [Theory, ProviderData]
    public async Task ANewRelease_RetiresTheOldOne_AndARollbackBringsItBack(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, _) = await MiniProgramServers.NewAppAsync(app);
        var v1 = await MiniProgramServers.ReleaseAsync(dev, ops, appId, "1.0.0");
        await ExpectAsync(409, ErrorCodes.VersionStateConflict, () => dev.Client.RollBackMiniProgramAsync(appId, Ct));
        var v2 = await MiniProgramServers.ReleaseAsync(dev, ops, appId, "1.1.0");

        var states = (await dev.Client.GetMiniProgramVersionsAsync(appId, Ct)).Versions.ToDictionary(v => v.Id, v => v.State);
        Assert.Equal((States.Retired, States.Released), (states[v1], states[v2]));

        var back = await dev.Client.RollBackMiniProgramAsync(appId, Ct);

        Assert.Equal((v1, States.Released), (back.Id, back.State));
        Assert.Equal(v1, (await dev.Client.LaunchMiniProgramAsync(appId, cancellationToken: Ct)).VersionId);
        Assert.Equal("1.0.0", (await dev.Client.GetMiniProgramAsync(appId, Ct)).Released);
        Assert.Equal(States.Approved, (await dev.Client.GetMiniProgramVersionsAsync(appId, Ct)).Versions.Single(v => v.Id == v2).State);
        Assert.Equal(States.Released, (await dev.Client.MoveMiniProgramVersionAsync(appId, v2, "release", Ct)).State);
    }

    [Theory, ProviderData]
    public async Task ALaunchedVersionsCode_LoadsByItsTicketWithoutSignIn_AndNothingElseDoes(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, _) = await MiniProgramServers.NewAppAsync(app);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        await MiniProgramServers.ReleaseAsync(dev, ops, appId, "1.0.0", Packages.Zip([.. Packages.Counter.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text))), ("images/logo.png", png)]));
        var launch = await (await TestUser.CreateAsync(app, "someone")).Client.LaunchMiniProgramAsync(appId, cancellationToken: Ct);
        var anonymous = app.NewClient();

        Assert.Matches("^/mp/packages/[A-Za-z0-9_-]{54}/$", launch.CodeUrl);
        Assert.True(launch.CodeExpiresAt > TimeProvider.System.GetUtcNow().AddMinutes(30));
        var logo = await anonymous.GetMiniProgramCodeAsync(launch, "assets/images/logo.png", Ct);
        Assert.Equal(png, logo.Bytes);
        Assert.Equal("image/png", logo.ContentType);
        Assert.Equal("application/json", (await anonymous.GetMiniProgramCodeAsync(launch, "view.json", Ct)).ContentType);
        Assert.Equal("text/javascript", (await anonymous.GetMiniProgramCodeAsync(launch, "logic.js", Ct)).ContentType);
        Assert.Contains("pages/index/index", launch.Config, StringComparison.Ordinal);

        // Opened as a document by its address, an asset (an SVG with a script, say) runs sandboxed, never at the node's origin.
        using var http = app.CreateClient();
        using var asset = await http.GetAsync(new Uri(launch.CodeUrl + "assets/images/logo.png", UriKind.Relative), Ct);
        Assert.EndsWith("; sandbox", asset.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        await ExpectAsync(404, ErrorCodes.NotFound, () => anonymous.GetMiniProgramCodeAsync(launch, "assets/app.js", Ct));
        await ExpectAsync(404, ErrorCodes.NotFound, () => anonymous.GetMiniProgramCodeAsync(launch, "assets/..%2F..%2Flogic.js", Ct));
        var forged = launch with { CodeUrl = launch.CodeUrl[..20] + (launch.CodeUrl[20] == 'A' ? 'B' : 'A') + launch.CodeUrl[21..] };
        await ExpectAsync(404, ErrorCodes.NotFound, () => anonymous.GetMiniProgramCodeAsync(forged, "view.json", Ct));
    }
}
