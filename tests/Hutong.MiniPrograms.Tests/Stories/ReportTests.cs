using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.MiniPrograms.Tests.Server;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;

namespace Hutong.MiniPrograms.Tests.Stories;

/// <summary>Content reports: a story released by the automatic checks is reported, and an operator takes it down.</summary>
public sealed class ReportTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AReportedStory_IsTakenDownByAnOperator_AndThenOpensForNobodyButItsWriter(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");
        var reader = await TestUser.CreateAsync(app, "reader");
        var draft = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest("Tea house", "en", null), Ct);
        var appId = (await writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(draft.Revision, Story.Hello), Ct)).App.AppId;

        await reader.Client.ReportMiniProgramAsync(appId, "Not what it says", Ct);
        await reader.Client.ReportMiniProgramAsync(appId, "Offensive text", Ct);
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => reader.Client.ReportMiniProgramAsync(appId, " ", Ct));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => reader.Client.ReportMiniProgramAsync("wx0000000000000000", "Bad", Ct));
        await ExpectAsync(403, ErrorCodes.NotOperator, () => reader.Client.GetMiniProgramReportsAsync(Ct));
        await ExpectAsync(403, ErrorCodes.NotOperator, () => writer.Client.TakeDownMiniProgramAsync(appId, "Mine", Ct));

        var report = Assert.Single((await ops.GetMiniProgramReportsAsync(Ct)).Reports, r => r.AppId == appId);
        Assert.Equal(("Tea house", MiniProgramKinds.Story, "Offensive text", reader.UserId), (report.AppName, report.Kind, report.Reason, report.ReporterId));

        var withdrawn = await ops.TakeDownMiniProgramAsync(appId, "Offensive text in the first scene", Ct);
        Assert.Equal((MiniProgramVersionStates.Rejected, "Taken down: Offensive text in the first scene"), (withdrawn.State, withdrawn.ReviewNote));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => reader.Client.LaunchMiniProgramAsync(appId, cancellationToken: Ct));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => reader.Client.ReportMiniProgramAsync(appId, "Again", Ct));
        Assert.DoesNotContain((await ops.GetMiniProgramReportsAsync(Ct)).Reports, r => r.AppId == appId);
        Assert.Null((await writer.Client.GetMiniProgramAsync(appId, Ct)).Released);
        await ExpectAsync(409, ErrorCodes.VersionStateConflict, () => ops.TakeDownMiniProgramAsync(appId, "Again", Ct));
    }

    [Theory, ProviderData]
    public async Task AStoryTakenDown_IsNotBackByPublishingAgain_ButWaitsForAnOperator_WhoseApprovalReleasesIt(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");
        var reader = await TestUser.CreateAsync(app, "reader");
        var draft = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest("Night market", "en", null), Ct);
        var appId = (await writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(draft.Revision, Story.Hello), Ct)).App.AppId;
        await ops.TakeDownMiniProgramAsync(appId, "Offensive text", Ct);

        var again = await writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(draft.Revision, Story.Hello), Ct);

        Assert.Equal((MiniProgramVersionStates.Review, (string?)null), (again.Version.State, again.App.Released));
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => reader.Client.LaunchMiniProgramAsync(appId, cancellationToken: Ct));
        await ExpectAsync(409, ErrorCodes.ReviewPending, () => writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(draft.Revision, Story.Hello), Ct));
        var waiting = Assert.Single((await ops.GetMiniProgramReviewsAsync(Ct)).Waiting, w => w.App.AppId == appId);
        Assert.Equal(again.Version.Id, waiting.Version.Id);

        var approved = await ops.ApproveMiniProgramVersionAsync(again.Version.Id, Ct);

        Assert.Equal(MiniProgramVersionStates.Released, approved.State);
        Assert.Equal(again.Version.Version, (await reader.Client.LaunchMiniProgramAsync(appId, cancellationToken: Ct)).Version);
    }
}
