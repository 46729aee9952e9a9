using System.Net.Http.Headers;
using Hutong.Contracts.MiniPrograms;
using Hutong.Contracts.OfficialAccounts;

namespace Hutong.Client;

/// <summary>Mini-programs: developers, apps, versions, opening one, and the operators' review (docs/api.md).</summary>
public sealed partial class HutongClient
{
    public Task<DeveloperInfo> RegisterDeveloperAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, "api/v1/mini-programs/developer", new RegisterDeveloperRequest(name), Json.RegisterDeveloperRequest, Json.DeveloperInfo, cancellationToken);

    /// <summary>The caller's developer registration; a 404 when they have none.</summary>
    public Task<DeveloperInfo> GetDeveloperAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/mini-programs/developer", Json.DeveloperInfo, cancellationToken);

    /// <summary>Makes a mini-program; its app secret is in the answer, and only there.</summary>
    public Task<CreatedMiniProgram> CreateMiniProgramAsync(CreateMiniProgramRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/mini-programs", request, Json.CreateMiniProgramRequest, Json.CreatedMiniProgram, cancellationToken);

    public Task<MiniProgramInfo> GetMiniProgramAsync(string appId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs/{Escape(appId)}", Json.MiniProgramInfo, cancellationToken);

    /// <summary>Released apps of every kind by name.</summary>
    public Task<MiniProgramList> SearchMiniProgramsAsync(string text, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs?q={Escape(text)}", Json.MiniProgramList, cancellationToken);

    /// <summary>Released games and stories by name.</summary>
    public Task<MiniProgramList> SearchGamesAsync(string text, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs?q={Escape(text)}&games=true", Json.MiniProgramList, cancellationToken);

    /// <summary>The mini-programs the caller is on the team of.</summary>
    public Task<MiniProgramList> GetMyMiniProgramsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/mini-programs/mine", Json.MiniProgramList, cancellationToken);

    /// <summary>The apps of every kind the caller opened lately, the last first.</summary>
    public Task<MiniProgramList> GetRecentMiniProgramsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/mini-programs/recent", Json.MiniProgramList, cancellationToken);

    /// <summary>The games and stories the caller played lately, the last first.</summary>
    public Task<MiniProgramList> GetRecentGamesAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/mini-programs/recent?games=true", Json.MiniProgramList, cancellationToken);

    /// <summary>Released apps of every kind whose cards are in the caller's chats, the most recently shared first.</summary>
    public Task<MiniProgramList> GetSharedMiniProgramsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/mini-programs/shared", Json.MiniProgramList, cancellationToken);

    /// <summary>Released games and stories whose cards are in the caller's chats, the most recently shared first.</summary>
    public Task<MiniProgramList> GetSharedGamesAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/mini-programs/shared?games=true", Json.MiniProgramList, cancellationToken);

    public Task<MiniProgramInfo> UpdateMiniProgramAsync(string appId, UpdateMiniProgramRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, $"api/v1/mini-programs/{Escape(appId)}", request, Json.UpdateMiniProgramRequest, Json.MiniProgramInfo, cancellationToken);

    /// <summary>A new app secret; the old one stops working at once.</summary>
    public Task<AppSecretResponse> ResetMiniProgramSecretAsync(string appId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/secret", Json.AppSecretResponse, cancellationToken);

    public Task<MiniProgramInfo> SetMiniProgramMemberAsync(string appId, string userId, string role, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/mini-programs/{Escape(appId)}/members/{Escape(userId)}", new SetMemberRequest(role), Json.SetMemberRequest, Json.MiniProgramInfo, cancellationToken);

    public Task<MiniProgramInfo> RemoveMiniProgramMemberAsync(string appId, string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/mini-programs/{Escape(appId)}/members/{Escape(userId)}", Json.MiniProgramInfo, cancellationToken);

    /// <summary>
    /// Uploads a package (a zip) as a version in development; the same number again replaces it while it is still in
    /// development. <paramref name="content"/> is sent as it is read, so a caller may wrap it to show progress.
    /// </summary>
    public async Task<MiniProgramVersionInfo> UploadMiniProgramAsync(
        string appId, Stream content, string version, string? note = null, CancellationToken cancellationToken = default)
    {
        var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        if (content.CanSeek)
        {
            body.Headers.ContentLength = content.Length - content.Position;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/versions?version={Escape(version)}&note={Escape(note ?? "")}") { Content = body };
        using var response = await SendRawAsync(request, cancellationToken);
        return await ReadAsync(response, Json.MiniProgramVersionInfo, cancellationToken);
    }

    public Task<MiniProgramVersionList> GetMiniProgramVersionsAsync(string appId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs/{Escape(appId)}/versions", Json.MiniProgramVersionList, cancellationToken);

    /// <summary>A step of a version: <c>trial</c>, <c>submit</c>, <c>withdraw</c> or <c>release</c>.</summary>
    public Task<MiniProgramVersionInfo> MoveMiniProgramVersionAsync(string appId, string versionId, string step, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/versions/{Escape(versionId)}/{Escape(step)}", Json.MiniProgramVersionInfo, cancellationToken);

    public Task<MiniProgramVersionInfo> RollBackMiniProgramAsync(string appId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/rollback", Json.MiniProgramVersionInfo, cancellationToken);

    /// <summary>Opens a mini-program: <paramref name="env"/> is <c>release</c>, <c>trial</c> or <c>develop</c>; or one version by id.</summary>
    public Task<MiniProgramLaunch> LaunchMiniProgramAsync(string appId, string? env = null, string? versionId = null, CancellationToken cancellationToken = default) =>
        GetAsync(
            $"api/v1/mini-programs/{Escape(appId)}/launch?env={Escape(env ?? "")}" + (versionId is null ? "" : $"&versionId={Escape(versionId)}"),
            Json.MiniProgramLaunch, cancellationToken);

    /// <summary>A file of a launched version's code, by its address relative to the launch's code URL.</summary>
    public Task<(byte[] Bytes, string? ContentType)> GetMiniProgramCodeAsync(MiniProgramLaunch launch, string file, CancellationToken cancellationToken = default) =>
        GetBytesAsync(launch.CodeUrl.TrimStart('/') + file, cancellationToken);

    public Task<VersionsInReview> GetMiniProgramReviewsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/admin/mini-programs/reviews", Json.VersionsInReview, cancellationToken);

    public Task<MiniProgramVersionInfo> ApproveMiniProgramVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/admin/mini-programs/versions/{Escape(versionId)}/approve", Json.MiniProgramVersionInfo, cancellationToken);

    public Task<MiniProgramVersionInfo> RejectMiniProgramVersionAsync(string versionId, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/admin/mini-programs/versions/{Escape(versionId)}/reject", new RejectVersionRequest(reason), Json.RejectVersionRequest, Json.MiniProgramVersionInfo, cancellationToken);

    /// <summary><c>wx.login</c>: a one-time code for the app's server to exchange at <c>/sns/jscode2session</c>.</summary>
    public Task<MiniProgramLoginCode> GetMiniProgramLoginCodeAsync(string appId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/login", Json.MiniProgramLoginCode, cancellationToken);

    public Task<MiniProgramStorage> GetMiniProgramStorageAsync(string appId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs/{Escape(appId)}/storage", Json.MiniProgramStorage, cancellationToken);

    public Task<MiniProgramStorage> SetMiniProgramStorageAsync(string appId, string key, string value, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/mini-programs/{Escape(appId)}/storage", new SetStorageItemRequest(key, value), Json.SetStorageItemRequest, Json.MiniProgramStorage, cancellationToken);

    public Task<MiniProgramStorage> RemoveMiniProgramStorageAsync(string appId, string key, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/storage/remove", new RemoveStorageItemRequest(key), Json.RemoveStorageItemRequest, Json.MiniProgramStorage, cancellationToken);

    public Task<MiniProgramStorage> ClearMiniProgramStorageAsync(string appId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/mini-programs/{Escape(appId)}/storage", Json.MiniProgramStorage, cancellationToken);

    /// <summary><c>wx.setUserCloudStorage</c>: every item is written, or none.</summary>
    public Task SetCloudStorageAsync(string appId, IReadOnlyList<KVData> items, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Put, $"api/v1/mini-programs/{Escape(appId)}/cloud-storage", new SetCloudStorageRequest(items), Json.SetCloudStorageRequest, cancellationToken);

    /// <summary><c>wx.removeUserCloudStorage</c>.</summary>
    public Task RemoveCloudStorageAsync(string appId, IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/cloud-storage/remove", new RemoveCloudStorageRequest(keys), Json.RemoveCloudStorageRequest, cancellationToken);

    /// <summary><c>wx.getUserCloudStorage</c>: the caller's own items under the keys.</summary>
    public Task<CloudStorageData> GetCloudStorageAsync(string appId, IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs/{Escape(appId)}/cloud-storage{KeysQuery(keys)}", Json.CloudStorageData, cancellationToken);

    /// <summary><c>wx.getUserCloudStorageKeys</c>.</summary>
    public Task<CloudStorageKeys> GetCloudStorageKeysAsync(string appId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs/{Escape(appId)}/cloud-storage/keys", Json.CloudStorageKeys, cancellationToken);

    /// <summary><c>wx.getFriendCloudStorage</c>: the caller and their friends who play, with their items under the keys.</summary>
    public Task<UserGameDataList> GetFriendCloudStorageAsync(string appId, IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs/{Escape(appId)}/cloud-storage/friends{KeysQuery(keys)}", Json.UserGameDataList, cancellationToken);

    /// <summary><c>wx.getGroupCloudStorage</c>: the members who play of the group a share ticket names.</summary>
    public Task<UserGameDataList> GetGroupCloudStorageAsync(string appId, string shareTicket, IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/cloud-storage/group", new GroupCloudStorageRequest(shareTicket, keys),
            Json.GroupCloudStorageRequest, Json.UserGameDataList, cancellationToken);

    /// <summary>The share ticket of the app's card at <paramref name="seq"/> in a conversation (none outside groups).</summary>
    public Task<ShareTicketInfo> GetShareTicketAsync(string appId, string conversationId, long seq, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/share-tickets", new ShareTicketRequest(conversationId, seq),
            Json.ShareTicketRequest, Json.ShareTicketInfo, cancellationToken);

    /// <summary><c>wx.getShareInfo</c>: the group's openGId, encrypted under the caller's session key at the app.</summary>
    public Task<ShareInfo> GetShareInfoAsync(string appId, string shareTicket, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/share-info", new ShareInfoRequest(shareTicket), Json.ShareInfoRequest, Json.ShareInfo, cancellationToken);

    private static string KeysQuery(IReadOnlyList<string> keys) =>
        keys.Count == 0 ? "" : "?" + string.Join('&', keys.Select(k => "keys=" + Escape(k)));

    /// <summary><c>wx.request</c> through the server, for the app's version <paramref name="version"/> (named in the Referer).</summary>
    public Task<ProxyResponse> ProxyMiniProgramRequestAsync(string appId, ProxyRequest request, string? version = null, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/request" + (version is null ? "" : $"?version={Escape(version)}"),
            request, Json.ProxyRequest, Json.ProxyResponse, cancellationToken);

    /// <summary>The app's subscribe-message templates among <paramref name="templateIds"/>, for the consent dialog.</summary>
    public Task<SubscribeTemplateList> GetSubscribeTemplatesAsync(string appId, IReadOnlyList<string> templateIds, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/mini-programs/{Escape(appId)}/subscribe-templates?ids={Escape(string.Join(',', templateIds))}", Json.SubscribeTemplateList, cancellationToken);

    /// <summary>The person's answer to <c>wx.requestSubscribeMessage</c>: one message allowed per accepted template.</summary>
    public Task<SubscribeMessagesResponse> SubscribeMiniProgramMessagesAsync(
        string appId, IReadOnlyList<string> accepted, IReadOnlyList<string> rejected, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Post, $"api/v1/mini-programs/{Escape(appId)}/subscriptions", new SubscribeMessagesRequest(accepted, rejected),
            Json.SubscribeMessagesRequest, Json.SubscribeMessagesResponse, cancellationToken);

    /// <summary>The caller's service notices (mini-programs' messages sent with their consent), newest first.</summary>
    public Task<ServiceNoticeList> GetServiceNoticesAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/mini-programs/notices", Json.ServiceNoticeList, cancellationToken);
}
