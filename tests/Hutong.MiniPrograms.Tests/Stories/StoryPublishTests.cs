using System.Text;
using System.Text.Json.Nodes;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Qr;
using Hutong.MiniPrograms.Stories;
using Hutong.MiniPrograms.Tests.Server;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;

namespace Hutong.MiniPrograms.Tests.Stories;

/// <summary>Publishing a story: one step to a released mini-game of kind story, the automatic checks, and new versions.</summary>
public sealed class StoryPublishTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Publishing_MakesAReleasedStoryGame_WithoutADeveloperAccount_AndAgainANewVersion(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");
        var teapotPng = QrCodes.Png("teapot", 4);
        var teapot = (await writer.Client.UploadMediaAsync(new MemoryStream(teapotPng), "teapot.png", Ct)).MediaId;
        var cover = (await writer.Client.UploadMediaAsync(new MemoryStream(QrCodes.Png("cover", 4)), "cover.png", Ct)).MediaId;
        var draft = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest("Tea house", "en", null), Ct);
        draft = await writer.Client.SaveStoryDraftAsync(draft.Id, new SaveStoryDraftRequest(
            draft.Revision, null, "Pick a tea", null, Story.Source, cover, new Dictionary<string, string> { ["茶壶"] = teapot }), Ct);

        var published = await writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(draft.Revision, Story.Compiled), Ct);

        Assert.Equal((MiniProgramKinds.Story, "Tea house", "Pick a tea", "1"), (published.App.Kind, published.App.Name, published.App.Description, published.App.Released));
        Assert.Equal($"/api/v1/media/{cover}", published.App.IconUrl);
        Assert.Equal((MiniProgramVersionStates.Released, StoryService.AutomaticReview), (published.Version.State, published.Version.ReviewNote));
        Assert.Equal(published.App.AppId, published.Draft.AppId);
        Assert.Equal(published.App.AppId, Assert.Single((await writer.Client.GetStoryDraftsAsync(Ct)).Drafts).AppId);
        Assert.Equal(MiniProgramRoles.Developer, published.App.Admin!.Role);

        // Anyone opens it on the story player: story.json and the images under the code address, the config beside.
        var reader = await TestUser.CreateAsync(app, "reader");
        var launch = await reader.Client.LaunchMiniProgramAsync(published.App.AppId, cancellationToken: Ct);
        Assert.Equal(MiniProgramKinds.Story, launch.Kind);
        Assert.Matches("^/mp/runtime/story-host\\.js\\?v=[0-9a-f]{16}$", launch.RuntimeUrl);
        var config = JsonNode.Parse(launch.Config)!;
        Assert.Equal(("Tea house", "en", ".cover"), ((string)config["title"]!, (string)config["language"]!, (string)config["cover"]!));
        Assert.Equal(["Green", "红茶"], config["endings"]!.AsArray().Select(e => (string)e!));
        var anonymous = app.NewClient();
        var story = await anonymous.GetMiniProgramCodeAsync(launch, "story.json", Ct);
        Assert.Equal((Story.Compiled, "application/json"), (Encoding.UTF8.GetString(story.Bytes), story.ContentType));
        Assert.Equal(teapotPng, (await anonymous.GetMiniProgramCodeAsync(launch, "assets/" + Uri.EscapeDataString("茶壶"), Ct)).Bytes);
        foreach (var file in (string[])["view.json", "logic.js", "wxs.js", "game.js"])
        {
            await ExpectAsync(404, ErrorCodes.NotFound, () => anonymous.GetMiniProgramCodeAsync(launch, file, Ct));
        }

        // Republishing releases a new version; the first is retired, and the app's name follows the draft.
        draft = await writer.Client.SaveStoryDraftAsync(draft.Id, new SaveStoryDraftRequest(published.Draft.Revision, "Tea house II", null, null, "Hello.", null, null), Ct);
        var again = await writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(draft.Revision, Story.Hello), Ct);
        Assert.Equal((published.App.AppId, "2", "Tea house II"), (again.App.AppId, again.App.Released, again.App.Name));
        var versions = (await writer.Client.GetMiniProgramVersionsAsync(published.App.AppId, Ct)).Versions;
        Assert.Equal([("2", MiniProgramVersionStates.Released), ("1", MiniProgramVersionStates.Retired)], versions.Select(v => (v.Version, v.State)));
        var relaunch = await reader.Client.LaunchMiniProgramAsync(published.App.AppId, cancellationToken: Ct);
        Assert.Equal(Story.Hello, Encoding.UTF8.GetString((await anonymous.GetMiniProgramCodeAsync(relaunch, "story.json", Ct)).Bytes));
        Assert.Contains(published.App.AppId, (await reader.Client.SearchMiniProgramsAsync("tea house", Ct)).Apps.Select(a => a.AppId));

        // A story takes no package, and creating an app of kind story is the studio's alone.
        await ExpectAsync(409, ErrorCodes.VersionStateConflict, () =>
            writer.Client.UploadMiniProgramAsync(published.App.AppId, Server.Packages.Zip(Server.Packages.Counter), "9.0.0", cancellationToken: Ct));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () =>
            writer.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Story", Kind: MiniProgramKinds.Story), Ct));
    }

    [Theory, ProviderData]
    public async Task AStory_ThatFailsTheAutomaticChecks_IsNotPublished(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");
        var other = await TestUser.CreateAsync(app, "other");
        var draft = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest("Tea house", "en", null), Ct);
        var theirs = (await other.Client.UploadMediaAsync(new MemoryStream(QrCodes.Png("theirs", 4)), "theirs.png", Ct)).MediaId;

        // The image the story shows is not among the draft's images.
        var refused = await ExpectAsync(422, ErrorCodes.StoryInvalid, () => writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(1, Story.Compiled), Ct));
        Assert.Contains("茶壶", refused.Problem!.Detail, StringComparison.Ordinal);
        foreach (var bad in (string[])["[1,2]", "{\"inkVersion\":22,\"root\":[]}", "{\"inkVersion\":21}", "{\"inkVersion\":17,\"root\":[]}", "not json", "{\"inkVersion\":\"21\",\"root\":[]}"])
        {
            await ExpectAsync(422, ErrorCodes.StoryInvalid, () => writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(1, bad), Ct));
        }

        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(1, null), Ct));
        var tooLarge = "{\"inkVersion\":21,\"root\":[\"^" + new string('x', 2 * 1024 * 1024) + "\"]}";
        await ExpectAsync(422, ErrorCodes.StoryInvalid, () => writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(1, tooLarge), Ct));

        // Only the revision the writer saw, and a title an app may have.
        await ExpectAsync(409, ErrorCodes.StoryRevisionConflict, () => writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(7, Story.Hello), Ct));
        var short_ = await writer.Client.SaveStoryDraftAsync(draft.Id, new SaveStoryDraftRequest(1, "T", null, null, null, null, null), Ct);
        refused = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(short_.Revision, Story.Hello), Ct));
        Assert.Equal(["title"], refused.Problem!.Errors!.Keys);

        // Someone else's picture cannot be among a draft's images, so it cannot be published either.
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => writer.Client.SaveStoryDraftAsync(draft.Id, new SaveStoryDraftRequest(
            short_.Revision, null, null, null, null, null, new Dictionary<string, string> { ["茶壶"] = theirs }), Ct));
        Assert.Empty((await writer.Client.GetMyMiniProgramsAsync(Ct)).Apps);
        Assert.Null((await writer.Client.GetStoryDraftAsync(draft.Id, Ct)).AppId);
    }

    [Theory, ProviderData]
    public async Task OnlyItsWriter_PublishesADraft(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");
        var other = await TestUser.CreateAsync(app, "other");
        var draft = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest("Tea house", "en", null), Ct);

        await ExpectAsync(404, ErrorCodes.StoryNotFound, () => other.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(1, Story.Hello), Ct));
        Assert.Empty((await other.Client.GetMyMiniProgramsAsync(Ct)).Apps);
        using var anonymous = app.CreateClient();
        using var body = new StringContent("{\"revision\":1,\"compiled\":\"{}\"}", Encoding.UTF8, "application/json");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/stories/{draft.Id}/publish", body, Ct)).StatusCode);

        // The writer's draft is untouched and publishes as theirs.
        var published = await writer.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(1, Story.Hello), Ct);
        Assert.Equal(writer.UserId, published.App.Admin!.DeveloperId);
    }
}
