using Hutong.Contracts.OfficialAccounts;

namespace Hutong.Client;

/// <summary>Official accounts: the follower's side, the studio's side and the operators' review (docs/api.md).</summary>
public sealed partial class HutongClient
{
    /// <summary>Makes an account; its app secret is in the answer, and only there.</summary>
    public Task<CreatedOfficialAccount> CreateOfficialAccountAsync(CreateOfficialAccountRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/official-accounts", request, Json.CreateOfficialAccountRequest, Json.CreatedOfficialAccount, cancellationToken);

    public Task<OfficialAccountInfo> GetOfficialAccountAsync(string accountId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}", Json.OfficialAccountInfo, cancellationToken);

    public Task<OfficialAccountList> SearchOfficialAccountsAsync(string text, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts?q={Escape(text)}", Json.OfficialAccountList, cancellationToken);

    /// <summary>The accounts the caller owns.</summary>
    public Task<OfficialAccountList> GetMyOfficialAccountsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/official-accounts/mine", Json.OfficialAccountList, cancellationToken);

    /// <summary>The accounts the caller follows.</summary>
    public Task<OfficialAccountList> GetFollowedAccountsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/official-accounts/following", Json.OfficialAccountList, cancellationToken);

    public Task<OfficialAccountInfo> UpdateOfficialAccountAsync(string accountId, UpdateOfficialAccountRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, $"api/v1/official-accounts/{Escape(accountId)}", request, Json.UpdateOfficialAccountRequest, Json.OfficialAccountInfo, cancellationToken);

    /// <summary>A new app secret; the old one stops working at once.</summary>
    public Task<AppSecretResponse> ResetAppSecretAsync(string accountId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/secret", Json.AppSecretResponse, cancellationToken);

    public async Task<byte[]> GetOfficialAccountQrAsync(string accountId, string format = "png", CancellationToken cancellationToken = default) =>
        (await GetBytesAsync($"api/v1/official-accounts/{Escape(accountId)}/qr?format={Escape(format)}", cancellationToken)).Bytes;

    public Task<OfficialAccountInfo> FollowAsync(string accountId, FollowRequest? request = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/official-accounts/{Escape(accountId)}/follow", request ?? new FollowRequest(), Json.FollowRequest, Json.OfficialAccountInfo, cancellationToken);

    public Task<OfficialAccountInfo> UpdateFollowAsync(string accountId, UpdateFollowRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, $"api/v1/official-accounts/{Escape(accountId)}/follow", request, Json.UpdateFollowRequest, Json.OfficialAccountInfo, cancellationToken);

    public Task UnfollowAsync(string accountId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/official-accounts/{Escape(accountId)}/follow", cancellationToken);

    public Task ReportOfficialAccountAsync(string accountId, string reason, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/reports", new ReportOfficialAccountRequest(reason), Json.ReportOfficialAccountRequest, cancellationToken);

    /// <summary>A page of the account's followers by openid, for its admins; <paramref name="cursor"/> is the last page's <c>nextCursor</c>.</summary>
    public Task<FollowerPage> GetFollowersAsync(string accountId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/followers?{Page(limit, cursor).TrimStart('&')}", Json.FollowerPage, cancellationToken);

    public Task<FollowerInfo> UpdateFollowerAsync(string accountId, string openId, UpdateFollowerRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, $"api/v1/official-accounts/{Escape(accountId)}/followers/{Escape(openId)}", request, Json.UpdateFollowerRequest, Json.FollowerInfo, cancellationToken);

    public Task<FollowerTagList> GetFollowerTagsAsync(string accountId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/tags", Json.FollowerTagList, cancellationToken);

    public Task<FollowerTagInfo> CreateFollowerTagAsync(string accountId, string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/tags", new FollowerTagRequest(name), Json.FollowerTagRequest, Json.FollowerTagInfo, cancellationToken);

    public Task RenameFollowerTagAsync(string accountId, int tagId, string name, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Patch, $"api/v1/official-accounts/{Escape(accountId)}/tags/{tagId}", new FollowerTagRequest(name), Json.FollowerTagRequest, cancellationToken);

    public Task DeleteFollowerTagAsync(string accountId, int tagId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/official-accounts/{Escape(accountId)}/tags/{tagId}", cancellationToken);

    /// <summary>Whether the caller reviews accounts, and what waits for them; anyone may ask.</summary>
    public Task<ReviewSummary> GetReviewSummaryAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/admin/official-accounts/summary", Json.ReviewSummary, cancellationToken);

    /// <summary>Service accounts waiting for review, for operators.</summary>
    public Task<OfficialAccountList> GetAccountReviewQueueAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/admin/official-accounts", Json.OfficialAccountList, cancellationToken);

    public Task<OfficialAccountInfo> ApproveOfficialAccountAsync(string accountId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/admin/official-accounts/{Escape(accountId)}/approve", Json.OfficialAccountInfo, cancellationToken);

    public Task<OfficialAccountInfo> RejectOfficialAccountAsync(string accountId, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/admin/official-accounts/{Escape(accountId)}/reject", new RejectOfficialAccountRequest(reason), Json.RejectOfficialAccountRequest, Json.OfficialAccountInfo, cancellationToken);

    /// <summary>For operators: the accounts with reports nobody has dismissed, the most recently reported first.</summary>
    public Task<ReportedAccountList> GetReportedAccountsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/admin/official-accounts/reports", Json.ReportedAccountList, cancellationToken);

    /// <summary>For operators: closes the account's open reports (they are kept); a later report opens it again.</summary>
    public Task DismissAccountReportsAsync(string accountId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/admin/official-accounts/{Escape(accountId)}/reports/dismiss", cancellationToken);

    /// <summary>The caller's threads with the accounts they follow: service accounts, and subscriptions folded together.</summary>
    public Task<AccountThreadList> GetAccountThreadsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/official-accounts/threads", Json.AccountThreadList, cancellationToken);

    /// <summary>The caller's thread with an account, newest first.</summary>
    public Task<AccountThread> GetAccountThreadAsync(string accountId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/messages?{Page(limit, cursor).TrimStart('&')}", Json.AccountThread, cancellationToken);

    /// <summary>The account's broadcasts to all followers, newest first, as its page shows them to anyone.</summary>
    public Task<AccountThread> GetAccountHistoryAsync(string accountId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/history?{Page(limit, cursor).TrimStart('&')}", Json.AccountThread, cancellationToken);

    /// <summary>A message to an account the caller follows; a resend with the same client id returns the first.</summary>
    public Task<AccountMessage> SendToAccountAsync(string accountId, SendToAccountRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/messages", request, Json.SendToAccountRequest, Json.AccountMessage, cancellationToken);

    public Task ReadAccountThreadAsync(string accountId, string upTo, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/messages/read", new ReadAccountThreadRequest(upTo), Json.ReadAccountThreadRequest, cancellationToken);

    /// <summary>A follower's thread, for the account's admins.</summary>
    public Task<AccountThread> GetFollowerThreadAsync(string accountId, string openId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/followers/{Escape(openId)}/messages?{Page(limit, cursor).TrimStart('&')}", Json.AccountThread, cancellationToken);

    /// <summary>A customer-service message to a follower, inside their service window.</summary>
    public Task<AccountMessage> ReplyToFollowerAsync(string accountId, string openId, AccountReplyRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/followers/{Escape(openId)}/messages", request, Json.AccountReplyRequest, Json.AccountMessage, cancellationToken);

    /// <summary>The account's broadcasts and what is left of its quota.</summary>
    public Task<BroadcastList> GetBroadcastsAsync(string accountId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/broadcasts", Json.BroadcastList, cancellationToken);

    public Task<BroadcastInfo> BroadcastAsync(string accountId, BroadcastRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/broadcasts", request, Json.BroadcastRequest, Json.BroadcastInfo, cancellationToken);

    /// <summary>The account's developer server settings, or null when developer mode is off.</summary>
    public async Task<DeveloperSettingsInfo?> GetDeveloperSettingsAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var (bytes, _) = await GetBytesAsync($"api/v1/official-accounts/{Escape(accountId)}/developer", cancellationToken);
        return bytes.Length == 0 ? null : System.Text.Json.JsonSerializer.Deserialize(bytes, Json.DeveloperSettingsInfo);
    }

    /// <summary>Saves the settings once the URL has echoed a signed verification (422 <c>developer_url_not_verified</c> otherwise).</summary>
    public Task<DeveloperSettingsInfo> SaveDeveloperSettingsAsync(string accountId, DeveloperSettingsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/official-accounts/{Escape(accountId)}/developer", request, Json.DeveloperSettingsRequest, Json.DeveloperSettingsInfo, cancellationToken);

    public Task<DeveloperSettingsInfo> VerifyDeveloperUrlAsync(string accountId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/developer/verify", Json.DeveloperSettingsInfo, cancellationToken);

    public Task DisableDeveloperModeAsync(string accountId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/official-accounts/{Escape(accountId)}/developer", cancellationToken);

    /// <summary>The account's auto-replies, for its admins; <see cref="AutoRepliesInfo.DeveloperMode"/> says whether they run.</summary>
    public Task<AutoRepliesInfo> GetAutoRepliesAsync(string accountId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/auto-replies", Json.AutoRepliesInfo, cancellationToken);

    /// <summary>Replaces the follow reply, the default reply and the keyword rules (in order) at once.</summary>
    public Task<AutoRepliesInfo> SaveAutoRepliesAsync(string accountId, AutoRepliesRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/official-accounts/{Escape(accountId)}/auto-replies", request, Json.AutoRepliesRequest, Json.AutoRepliesInfo, cancellationToken);

    /// <summary>The account's menu: with click replies for its admins, without for its followers; no buttons when it has none.</summary>
    public Task<AccountMenu> GetAccountMenuAsync(string accountId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/menu", Json.AccountMenu, cancellationToken);

    public Task<AccountMenu> SaveAccountMenuAsync(string accountId, AccountMenu menu, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/official-accounts/{Escape(accountId)}/menu", menu, Json.AccountMenu, Json.AccountMenu, cancellationToken);

    public Task DeleteAccountMenuAsync(string accountId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/official-accounts/{Escape(accountId)}/menu", cancellationToken);

    /// <summary>The follower used a menu item: a click item by key, or a link by URL (open the link yourself).</summary>
    public Task ClickAccountMenuAsync(string accountId, MenuClickRequest click, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/menu/clicks", click, Json.MenuClickRequest, cancellationToken);

    /// <summary>
    /// A parameter QR code of the account (its admins only): temporary, or permanent (the same scene again answers the
    /// code it has).
    /// </summary>
    public Task<QrCodeInfo> CreateQrCodeAsync(string accountId, CreateQrCodeRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/qr-codes", request, Json.CreateQrCodeRequest, Json.QrCodeInfo, cancellationToken);

    /// <summary>The account's live parameter codes, newest first.</summary>
    public Task<QrCodeList> GetQrCodesAsync(string accountId, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/qr-codes?{Page(limit, cursor).TrimStart('&')}", Json.QrCodeList, cancellationToken);

    /// <summary>A parameter code's PNG, as anyone holding the ticket may fetch it (<c>/cgi-bin/showqrcode</c>).</summary>
    public async Task<byte[]> GetQrCodeImageAsync(string ticket, CancellationToken cancellationToken = default) =>
        (await GetBytesAsync($"cgi-bin/showqrcode?ticket={Escape(ticket)}", cancellationToken)).Bytes;

    /// <summary>
    /// Reports that the caller scanned the account's parameter code: a follower's thread opens to the account's answer;
    /// anyone else gets the account back, to follow it with the ticket (<see cref="FollowRequest.Ticket"/>).
    /// </summary>
    public Task<OfficialAccountInfo> ScanQrCodeAsync(string accountId, string ticket, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/scans", new ScanQrCodeRequest(ticket), Json.ScanQrCodeRequest, Json.OfficialAccountInfo, cancellationToken);

    /// <summary>The hosts the account's web pages may receive web authorization codes at (its admins only).</summary>
    public Task<WebAuthDomains> GetWebAuthDomainsAsync(string accountId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/web-domains", Json.WebAuthDomains, cancellationToken);

    /// <summary>Replaces the account's web authorization domains; the answer has them as kept (lower case, once each).</summary>
    public Task<WebAuthDomains> SetWebAuthDomainsAsync(string accountId, IReadOnlyList<string> domains, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/official-accounts/{Escape(accountId)}/web-domains", new WebAuthDomains(domains), Json.WebAuthDomains, Json.WebAuthDomains, cancellationToken);

    /// <summary>
    /// Authorizes a web page of an account on the caller's behalf (WeChat's <c>/connect/oauth2/authorize</c>): where the
    /// page goes next, its <c>redirect_uri</c> with a one-time code.
    /// </summary>
    public Task<WebAuthorizeResponse> AuthorizeWebPageAsync(WebAuthorizeRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/official-accounts/oauth/authorize", request, Json.WebAuthorizeRequest, Json.WebAuthorizeResponse, cancellationToken);
}
