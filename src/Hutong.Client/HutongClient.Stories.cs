using Hutong.Contracts.MiniPrograms;

namespace Hutong.Client;

/// <summary>The story studio: the caller's drafts and publishing them, and content reports (docs/api.md "Stories").</summary>
public sealed partial class HutongClient
{
    public Task<StoryDraftList> GetStoryDraftsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/stories", Json.StoryDraftList, cancellationToken);

    public Task<StoryDraftInfo> CreateStoryDraftAsync(CreateStoryDraftRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/stories", request, Json.CreateStoryDraftRequest, Json.StoryDraftInfo, cancellationToken);

    public Task<StoryDraftInfo> GetStoryDraftAsync(string draftId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/stories/{Escape(draftId)}", Json.StoryDraftInfo, cancellationToken);

    /// <summary>An autosave over <see cref="SaveStoryDraftRequest.Revision"/>; 409 <c>story_revision_conflict</c> when another save came first.</summary>
    public Task<StoryDraftInfo> SaveStoryDraftAsync(string draftId, SaveStoryDraftRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/stories/{Escape(draftId)}", request, Json.SaveStoryDraftRequest, Json.StoryDraftInfo, cancellationToken);

    public Task DeleteStoryDraftAsync(string draftId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/stories/{Escape(draftId)}", cancellationToken);

    /// <summary>Publishes the draft as saved at the request's revision, with the story compiled from it by inkjs.</summary>
    public Task<PublishedStory> PublishStoryAsync(string draftId, PublishStoryRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/stories/{Escape(draftId)}/publish", request, Json.PublishStoryRequest, Json.PublishedStory, cancellationToken);

    /// <summary>Reports a released mini-program's content to the node's operators.</summary>
    public Task ReportMiniProgramAsync(string appId, string reason, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/reports", new ReportMiniProgramRequest(reason), Json.ReportMiniProgramRequest, cancellationToken);

    /// <summary>Operators: reports of apps still released, the newest first.</summary>
    public Task<MiniProgramReportList> GetMiniProgramReportsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/admin/mini-programs/reports", Json.MiniProgramReportList, cancellationToken);

    /// <summary>Operators: withdraws the app's released version, giving the reason to its developer.</summary>
    public Task<MiniProgramVersionInfo> TakeDownMiniProgramAsync(string appId, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/admin/mini-programs/{Escape(appId)}/take-down", new TakeDownRequest(reason), Json.TakeDownRequest, Json.MiniProgramVersionInfo, cancellationToken);
}
