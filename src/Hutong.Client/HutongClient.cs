using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Contacts;

namespace Hutong.Client;

/// <summary>
/// The typed client for Hutong's HTTP API. One instance speaks for one signed-in device: <see cref="LoginAsync"/>
/// keeps the token and every later call carries it. Failures throw <see cref="HutongApiException"/> with the problem body.
/// </summary>
public sealed partial class HutongClient(HttpClient http)
{
    private static HutongJsonContext Json => HutongJsonContext.Default;

    /// <summary>The bearer token of this device; set by <see cref="LoginAsync"/>, or by the caller to resume a session.</summary>
    public string? Token { get; set; }

    public Uri? BaseAddress => http.BaseAddress;

    public Task<SignUpResponse> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/accounts", request, Json.SignUpRequest, Json.SignUpResponse, cancellationToken);

    /// <summary>Logs this device in and keeps its token.</summary>
    public async Task<LoginResponse> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Post, "api/v1/sessions", request, Json.LoginRequest, Json.LoginResponse, cancellationToken);
        Token = response.Token;
        return response;
    }

    /// <summary>Ends this device's session; its token stops working at once.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        await SendAsync(HttpMethod.Delete, "api/v1/sessions/current", cancellationToken);
        Token = null;
    }

    public Task<MeResponse> GetMeAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/me", Json.MeResponse, cancellationToken);

    public Task<MeResponse> UpdateProfileAsync(UpdateProfileRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, "api/v1/me", request, Json.UpdateProfileRequest, Json.MeResponse, cancellationToken);

    public Task<DeviceList> GetDevicesAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/me/devices", Json.DeviceList, cancellationToken);

    public Task RevokeDeviceAsync(string deviceId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/me/devices/{Escape(deviceId)}", cancellationToken);

    public Task<PublicProfile> GetUserByHandleAsync(string handle, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/users/by-handle/{Escape(handle)}", Json.PublicProfile, cancellationToken);

    public Task<PublicProfile> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/users/{Escape(userId)}", Json.PublicProfile, cancellationToken);

    /// <summary>The person's QR code as PNG or SVG bytes.</summary>
    public async Task<byte[]> GetUserQrAsync(string userId, string format = "png", CancellationToken cancellationToken = default) =>
        (await GetBytesAsync($"api/v1/users/{Escape(userId)}/qr?format={Escape(format)}", cancellationToken)).Bytes;

    public Task<SendFriendRequestResponse> SendFriendRequestAsync(string toUserId, string? greeting = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/friend-requests", new SendFriendRequest(toUserId, greeting), Json.SendFriendRequest, Json.SendFriendRequestResponse, cancellationToken);

    /// <summary>Requests to me (<c>incoming</c>) or from me (<c>outgoing</c>), newest first.</summary>
    public Task<FriendRequestList> GetFriendRequestsAsync(string direction = "incoming", int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/friend-requests?direction={Escape(direction)}{Page(limit, cursor)}", Json.FriendRequestList, cancellationToken);

    public Task<FriendRequestInfo> AcceptFriendRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/friend-requests/{Escape(requestId)}/accept", Json.FriendRequestInfo, cancellationToken);

    public Task<FriendRequestInfo> DeclineFriendRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/friend-requests/{Escape(requestId)}/decline", Json.FriendRequestInfo, cancellationToken);

    public Task<FriendList> GetFriendsAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/friends?{Page(limit, cursor).TrimStart('&')}", Json.FriendList, cancellationToken);

    /// <summary>Every friend, following cursors until the end.</summary>
    public async Task<IReadOnlyList<FriendInfo>> GetAllFriendsAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<FriendInfo>();
        string? cursor = null;
        do
        {
            var page = await GetFriendsAsync(200, cursor, cancellationToken);
            all.AddRange(page.Friends);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    public Task<FriendInfo> GetFriendAsync(string userId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/friends/{Escape(userId)}", Json.FriendInfo, cancellationToken);

    public Task<FriendInfo> UpdateFriendAsync(string userId, UpdateFriendRequest update, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, $"api/v1/friends/{Escape(userId)}", update, Json.UpdateFriendRequest, Json.FriendInfo, cancellationToken);

    public Task RemoveFriendAsync(string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/friends/{Escape(userId)}", cancellationToken);

    public Task<BlockList> GetBlocksAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/blocks", Json.BlockList, cancellationToken);

    public Task BlockAsync(string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/blocks/{Escape(userId)}", cancellationToken);

    public Task UnblockAsync(string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/blocks/{Escape(userId)}", cancellationToken);

    /// <summary>A body that is not JSON (images, files), with its content type.</summary>
    private async Task<(byte[] Bytes, string? ContentType)> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<TResponse> GetAsync<TResponse>(string path, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await ReadAsync(response, responseType, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method, string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, requestType) };
        using var response = await SendRawAsync(request, cancellationToken);
        return await ReadAsync(response, responseType, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(HttpMethod method, string path, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(method, path), cancellationToken);
        return await ReadAsync(response, responseType, cancellationToken);
    }

    private async Task SendNoContentAsync<TRequest>(HttpMethod method, string path, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, requestType) };
        using var response = await SendRawAsync(request, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(method, path), cancellationToken);
    }

    /// <summary>Sends with this device's token; a non-success status throws with the server's problem body.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (Token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            }

            var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                throw new HutongApiException((int)response.StatusCode, await ReadProblemAsync(response, cancellationToken));
            }
        }
    }

    private static async Task<TResponse> ReadAsync<TResponse>(HttpResponseMessage response, JsonTypeInfo<TResponse> type, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync(type, cancellationToken)
        ?? throw new HutongApiException((int)response.StatusCode, null);

    /// <summary>The problem body; a <c>Retry-After</c> header the body does not repeat (a rate limiter's) becomes its <c>retryAfter</c>.</summary>
    private static async Task<ProblemBody?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await ReadProblemBodyAsync(response, cancellationToken);
        if (problem?.RetryAfter is null && response.Headers.RetryAfter?.Delta is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            return problem is null
                ? new ProblemBody(null, null, (int)response.StatusCode, null, null, null, RetryAfter: seconds)
                : problem with { RetryAfter = seconds };
        }

        return problem;
    }

    private static async Task<ProblemBody?> ReadProblemBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json")
            || response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(Json.ProblemBody, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string Page(int? limit, string? cursor) =>
        (limit is { } l ? $"&limit={l.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty)
        + (cursor is not null ? $"&cursor={Escape(cursor)}" : string.Empty);
}
