using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>Developers, mini-programs and their teams through the real server: who may see and change what.</summary>
public sealed class AppsTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ADeveloper_CreatesAnApp_WithWeChatShapedIds_AndItsSecretShownOnce(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var dev = await TestUser.CreateAsync(app, "dev");
        await ExpectAsync(403, ErrorCodes.NotADeveloper, () => dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Tea Menu"), Ct));

        var developer = await dev.Client.RegisterDeveloperAsync("Leaf Studio", Ct);
        var created = await dev.Client.CreateMiniProgramAsync(
            new CreateMiniProgramRequest("Tea Menu", "Order ahead", "Food", ["api.tea.example", "https://pay.tea.example:8443", "api.tea.example"]), Ct);

        Assert.Equal((dev.UserId, "Leaf Studio"), (developer.UserId, developer.Name));
        Assert.Matches("^wx[0-9a-f]{16}$", created.App.AppId);
        Assert.Matches("^[0-9a-f]{32}$", created.AppSecret);
        Assert.Equal(("Tea Menu", "Order ahead", "Food", (string?)null), (created.App.Name, created.App.Description, created.App.Category, created.App.Released));
        var admin = created.App.Admin!;
        Assert.Equal((MiniProgramRoles.Developer, dev.UserId), (admin.Role, admin.DeveloperId));
        Assert.Equal(["https://api.tea.example", "https://pay.tea.example:8443"], admin.RequestDomains);
        Assert.Equal(created.App.AppId, Assert.Single((await dev.Client.GetMyMiniProgramsAsync(Ct)).Apps).AppId);

        var reset = await dev.Client.ResetMiniProgramSecretAsync(created.App.AppId, Ct);
        Assert.Matches("^[0-9a-f]{32}$", reset.AppSecret);
        Assert.NotEqual(created.AppSecret, reset.AppSecret);
    }

    [Theory, ProviderData]
    public async Task AnAppNotYetReleased_DoesNotExistForOutsiders_WhileItsTeamSeesIt(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var dev = await TestUser.CreateAsync(app, "dev");
        var tester = await TestUser.CreateAsync(app, "tester");
        var outsider = await TestUser.CreateAsync(app, "outsider");
        await dev.Client.RegisterDeveloperAsync("Studio", Ct);
        var appId = (await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest($"Hidden {Guid.NewGuid():N}"[..20]), Ct)).App.AppId;

        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => outsider.Client.GetMiniProgramAsync(appId, Ct));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => outsider.Client.UpdateMiniProgramAsync(appId, new UpdateMiniProgramRequest("Mine now"), Ct));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => outsider.Client.LaunchMiniProgramAsync(appId, cancellationToken: Ct));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => outsider.Client.GetMiniProgramAsync("wx0000000000000000", Ct));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => outsider.Client.GetMiniProgramAsync("not-an-app-id", Ct));

        var team = await dev.Client.SetMiniProgramMemberAsync(appId, tester.UserId, MiniProgramRoles.Tester, Ct);
        Assert.Contains(team.Admin!.Members, m => m.UserId == tester.UserId && m.Role == MiniProgramRoles.Tester);
        var seen = await tester.Client.GetMiniProgramAsync(appId, Ct);
        Assert.Equal(MiniProgramRoles.Tester, seen.Admin!.Role);
        Assert.Equal(appId, Assert.Single((await tester.Client.GetMyMiniProgramsAsync(Ct)).Apps).AppId);

        // A tester opens the trial, and changes nothing.
        await ExpectAsync(403, ErrorCodes.NotOnTheTeam, () => tester.Client.UpdateMiniProgramAsync(appId, new UpdateMiniProgramRequest("Renamed"), Ct));
        await ExpectAsync(403, ErrorCodes.NotOnTheTeam, () => tester.Client.ResetMiniProgramSecretAsync(appId, Ct));
        await ExpectAsync(403, ErrorCodes.NotOnTheTeam, () => tester.Client.SetMiniProgramMemberAsync(appId, outsider.UserId, MiniProgramRoles.Tester, Ct));
        await ExpectAsync(403, ErrorCodes.NotOnTheTeam, () => tester.Client.UploadMiniProgramAsync(appId, Packages.Zip(Packages.Counter), "1.0.0", cancellationToken: Ct));

        await dev.Client.RemoveMiniProgramMemberAsync(appId, tester.UserId, Ct);
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => tester.Client.GetMiniProgramAsync(appId, Ct));
        Assert.Empty((await tester.Client.GetMyMiniProgramsAsync(Ct)).Apps);
    }

    [Theory, ProviderData]
    public async Task BadFields_AreRefusedWithTheirNames_AndNothingChanges(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var dev = await TestUser.CreateAsync(app, "dev");
        var other = await TestUser.CreateAsync(app, "other");
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => dev.Client.RegisterDeveloperAsync(" ", Ct));
        await dev.Client.RegisterDeveloperAsync("Studio", Ct);
        var appId = (await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Calculator"), Ct)).App.AppId;

        var bad = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => dev.Client.CreateMiniProgramAsync(
            new CreateMiniProgramRequest("X", RequestDomains: ["ftp://files.example", "https://api.example/path", "https://user:pw@api.example"]), Ct));
        Assert.Contains("name", bad.Problem!.Errors!.Keys);
        Assert.Contains("requestDomains", bad.Problem.Errors.Keys);
        var renamed = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => dev.Client.UpdateMiniProgramAsync(
            appId, new UpdateMiniProgramRequest(Name: "Calc", RequestDomains: ["http://", "https://ok.example"]), Ct));
        Assert.Equal(["requestDomains"], renamed.Problem!.Errors!.Keys);
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => dev.Client.SetMiniProgramMemberAsync(appId, other.UserId, "owner", Ct));
        await ExpectAsync(404, ErrorCodes.UserNotFound, () => dev.Client.SetMiniProgramMemberAsync(appId, dev.UserId, MiniProgramRoles.Tester, Ct));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => dev.Client.UpdateMiniProgramAsync(appId, new UpdateMiniProgramRequest(IconId: "not-media"), Ct));

        var unchanged = await dev.Client.GetMiniProgramAsync(appId, Ct);
        Assert.Equal(("Calculator", 0), (unchanged.Name, unchanged.Admin!.RequestDomains.Count));
        Assert.Single(unchanged.Admin.Members);
    }

    internal static async Task<HutongApiException> ExpectAsync(int status, string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HutongApiException>(call);
        Assert.Equal((status, code), (error.Status, error.Code));
        return error;
    }
}
