using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Qr;
using Hutong.MiniPrograms.Tests.Server;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;

namespace Hutong.MiniPrograms.Tests.Stories;

/// <summary>The story studio's drafts: templates, autosave over a revision, limits, and that a draft is its writer's alone.</summary>
public sealed class StoryDraftTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ADraft_StartsFromATemplateInTheWritersLanguage_AndAutosavesOverItsRevision(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");

        var tea = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest(null, "zh-Hans", StoryTemplates.Tea), Ct);
        var mystery = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest(null, "en", StoryTemplates.Mystery), Ct);
        var blank = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest("我的故事", null, null), Ct);

        Assert.Equal(("选一壶茶", "zh-Hans", 1L, (string?)null), (tea.Title, tea.Language, tea.Revision, tea.AppId));
        Assert.Contains("=== menu ===", tea.Source, StringComparison.Ordinal);
        Assert.Contains("# ending: 新朋友", tea.Source, StringComparison.Ordinal);
        Assert.Equal("A mystery in three rooms", mystery.Title);
        Assert.Contains("=== library ===", mystery.Source, StringComparison.Ordinal);
        Assert.Equal(("我的故事", "en", ""), (blank.Title, blank.Language, blank.Source));

        var picture = (await writer.Client.UploadMediaAsync(new MemoryStream(QrCodes.Png("teapot", 4)), "teapot.png", Ct)).MediaId;
        var saved = await writer.Client.SaveStoryDraftAsync(tea.Id, new SaveStoryDraftRequest(
            1, "茶馆", "午后的一壶茶", null, tea.Source + "\n# image: 茶壶\n", picture, new Dictionary<string, string> { ["茶壶"] = picture }), Ct);
        Assert.Equal(("茶馆", "午后的一壶茶", 2L, picture), (saved.Title, saved.Description, saved.Revision, saved.CoverId));
        Assert.Equal(picture, saved.Images["茶壶"]);

        // A second tab still at revision 1 is told, and its text is not taken.
        var conflict = await ExpectAsync(409, ErrorCodes.StoryRevisionConflict, () =>
            writer.Client.SaveStoryDraftAsync(tea.Id, new SaveStoryDraftRequest(1, null, null, null, "overwritten", null, null), Ct));
        Assert.Contains("revision 2", conflict.Problem!.Detail, StringComparison.Ordinal);
        var again = await writer.Client.GetStoryDraftAsync(tea.Id, Ct);
        Assert.Equal((2L, saved.Source), (again.Revision, again.Source));

        // Only what is given changes; the cover is cleared with an empty id.
        var renamed = await writer.Client.SaveStoryDraftAsync(tea.Id, new SaveStoryDraftRequest(2, "茶馆二", null, null, null, "", null), Ct);
        Assert.Equal(("茶馆二", "午后的一壶茶", saved.Source, (string?)null, 3L), (renamed.Title, renamed.Description, renamed.Source, renamed.CoverId, renamed.Revision));
        Assert.Single(renamed.Images);

        var list = await writer.Client.GetStoryDraftsAsync(Ct);
        Assert.Equal([tea.Id, blank.Id, mystery.Id], list.Drafts.Select(d => d.Id));
        await writer.Client.DeleteStoryDraftAsync(blank.Id, Ct);
        await ExpectAsync(404, ErrorCodes.StoryNotFound, () => writer.Client.GetStoryDraftAsync(blank.Id, Ct));
        await ExpectAsync(404, ErrorCodes.StoryNotFound, () => writer.Client.DeleteStoryDraftAsync(blank.Id, Ct));
        Assert.Equal(2, (await writer.Client.GetStoryDraftsAsync(Ct)).Drafts.Count);
    }

    [Theory, ProviderData]
    public async Task ADraft_IsItsWritersAlone(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");
        var other = await TestUser.CreateAsync(app, "other");
        var draft = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest("Secret", "en", null), Ct);

        await ExpectAsync(404, ErrorCodes.StoryNotFound, () => other.Client.GetStoryDraftAsync(draft.Id, Ct));
        await ExpectAsync(404, ErrorCodes.StoryNotFound, () => other.Client.SaveStoryDraftAsync(draft.Id, new SaveStoryDraftRequest(1, "Mine", null, null, "x", null, null), Ct));
        await ExpectAsync(404, ErrorCodes.StoryNotFound, () => other.Client.DeleteStoryDraftAsync(draft.Id, Ct));
        await ExpectAsync(404, ErrorCodes.StoryNotFound, () => other.Client.PublishStoryAsync(draft.Id, new PublishStoryRequest(1, Story.Compiled), Ct));
        await ExpectAsync(404, ErrorCodes.StoryNotFound, () => other.Client.GetStoryDraftAsync("not-an-id", Ct));
        Assert.Empty((await other.Client.GetStoryDraftsAsync(Ct)).Drafts);

        var unchanged = await writer.Client.GetStoryDraftAsync(draft.Id, Ct);
        Assert.Equal(("Secret", 1L), (unchanged.Title, unchanged.Revision));

        using var anonymous = app.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/stories", Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/stories/{draft.Id}", Ct)).StatusCode);
    }

    [Theory, ProviderData]
    public async Task ABadDraft_IsRefusedWithTheFieldsNamed(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");
        var other = await TestUser.CreateAsync(app, "other");
        var theirs = (await other.Client.UploadMediaAsync(new MemoryStream(QrCodes.Png("theirs", 4)), "theirs.png", Ct)).MediaId;
        var draft = await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest(null, null, null), Ct);
        Assert.Equal(("Untitled story", "en"), (draft.Title, draft.Language));

        var refused = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest(null, "english please", "novel"), Ct));
        Assert.Equal(["language", "template"], refused.Problem!.Errors!.Keys.Order());
        refused = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => writer.Client.SaveStoryDraftAsync(draft.Id, new SaveStoryDraftRequest(
            1, new string('t', 31), new string('d', 121), null, new string('x', 200 * 1024 + 1), theirs,
            new Dictionary<string, string> { ["has space"] = theirs, ["theirs"] = theirs }), Ct));
        Assert.Equal(["coverId", "description", "images[has space]", "images[theirs]", "source", "title"], refused.Problem!.Errors!.Keys.Order());
        Assert.Equal(1, (await writer.Client.GetStoryDraftAsync(draft.Id, Ct)).Revision);

        // Chinese text counts by its UTF-8 bytes: 200 KB is about 68,000 characters of it.
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => writer.Client.SaveStoryDraftAsync(draft.Id, new SaveStoryDraftRequest(1, null, null, null, new string('茶', 70_000), null, null), Ct));
        await writer.Client.SaveStoryDraftAsync(draft.Id, new SaveStoryDraftRequest(1, null, null, null, new string('茶', 68_000), null, null), Ct);
    }

    [Theory, ProviderData]
    public async Task APerson_KeepsAtMostFiftyDrafts(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var writer = await TestUser.CreateAsync(app, "writer");
        for (var i = 0; i < 50; i++)
        {
            await writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest($"Story {i}", "en", null), Ct);
        }

        await ExpectAsync(409, ErrorCodes.TooManyStories, () => writer.Client.CreateStoryDraftAsync(new CreateStoryDraftRequest("One more", "en", null), Ct));
    }
}
