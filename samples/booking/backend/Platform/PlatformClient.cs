using System.Text.Json.Serialization.Metadata;
using Booking.Settings;
using Microsoft.Extensions.Options;

namespace Booking.Platform;

/// <summary>
/// The platform's server API under <see cref="PlatformOptions.Server"/>, with WeChat's paths and field names: login
/// codes (<c>/sns/jscode2session</c>), the access token (kept until shortly before it expires, fetched again once when
/// a call says it is no longer valid), subscribe-message templates and sends.
/// </summary>
internal sealed class PlatformClient(IHttpClientFactory httpClients, IOptions<PlatformOptions> options, TimeProvider time, ILogger<PlatformClient> logger)
    : IDisposable
{
    public const string HttpClientName = "platform";

    /// <summary>A new token leaves the old one valid for five minutes, so replacing it that early never strands a call.</summary>
    private static readonly TimeSpan RefreshEarly = TimeSpan.FromMinutes(5);

    /// <summary>40001: invalid or not the latest credential; 40014: invalid token; 42001: expired.</summary>
    private static readonly int[] TokenRejected = [40001, 40014, 42001];

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private CachedToken? _token;

    /// <summary>Exchanges a <c>wx.login</c> code for the person's openid (and session key, which stays here).</summary>
    public async Task<Code2SessionResponse> Code2SessionAsync(string code, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var http = httpClients.CreateClient(HttpClientName);
        var answer = await http.GetFromJsonAsync(
            $"sns/jscode2session?appid={Escape(settings.AppId)}&secret={Escape(settings.AppSecret)}&js_code={Escape(code)}&grant_type=authorization_code",
            BookingJson.Default.Code2SessionResponse,
            cancellationToken);
        return answer ?? throw new HttpRequestException("The platform answered null.");
    }

    /// <summary>The app's subscribe-message templates.</summary>
    public Task<TemplateListResponse> TemplatesAsync(CancellationToken cancellationToken) =>
        WithTokenAsync(token => GetAsync($"wxaapi/newtmpl/gettemplate?access_token={Escape(token)}", BookingJson.Default.TemplateListResponse, cancellationToken), cancellationToken);

    /// <summary>Adds a template from the library to the app's own.</summary>
    public Task<AddTemplateResponse> AddTemplateAsync(AddTemplateRequest request, CancellationToken cancellationToken) =>
        WithTokenAsync(token => PostAsync($"wxaapi/newtmpl/addtemplate?access_token={Escape(token)}", request, BookingJson.Default.AddTemplateRequest, BookingJson.Default.AddTemplateResponse, cancellationToken), cancellationToken);

    /// <summary>Sends one subscribe message; <c>43101</c> means the person gave no consent (or used it up).</summary>
    public Task<PlatformResult> SendSubscribeMessageAsync(SubscribeMessage message, CancellationToken cancellationToken) =>
        WithTokenAsync(token => PostAsync($"cgi-bin/message/subscribe/send?access_token={Escape(token)}", message, BookingJson.Default.SubscribeMessage, BookingJson.Default.PlatformResult, cancellationToken), cancellationToken);

    public void Dispose() => _tokenLock.Dispose();

    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>Makes the call with the current token; once more with a new one when the platform refuses the token.</summary>
    private async Task<T> WithTokenAsync<T>(Func<string, Task<T>> call, CancellationToken cancellationToken)
        where T : IPlatformAnswer
    {
        var token = await GetTokenAsync(cancellationToken);
        var answer = await call(token);
        if (TokenRejected.Contains(answer.ErrCode))
        {
            // Once: a token fetched a moment ago that is refused too points at something a retry will not fix.
            logger.TokenRejected(answer.ErrCode, answer.ErrMsg);
            await ForgetAsync(token, cancellationToken);
            answer = await call(await GetTokenAsync(cancellationToken));
        }

        return answer;
    }

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient(HttpClientName);
        return await http.GetFromJsonAsync(path, type, cancellationToken) ?? throw new HttpRequestException("The platform answered null.");
    }

    private async Task<TAnswer> PostAsync<TBody, TAnswer>(string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TAnswer> answerType, CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsJsonAsync(path, body, bodyType, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(answerType, cancellationToken) ?? throw new HttpRequestException("The platform answered null.");
    }

    /// <summary>The cached token while it is fresh, else a new one; a refusal throws, naming the platform's code.</summary>
    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _token) is { } cached && time.GetUtcNow() < cached.ReplaceAt)
        {
            return cached.Value;
        }

        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have fetched one while this one waited: fetching again would invalidate it.
            var now = time.GetUtcNow();
            if (_token is { } fresh && now < fresh.ReplaceAt)
            {
                return fresh.Value;
            }

            var settings = options.Value;
            var answer = await GetAsync(
                $"cgi-bin/token?grant_type=client_credential&appid={Escape(settings.AppId)}&secret={Escape(settings.AppSecret)}",
                BookingJson.Default.TokenResponse,
                cancellationToken);
            if (answer is not { AccessToken: { Length: > 0 } value, ExpiresIn: > 0 })
            {
                logger.TokenRefused(answer.ErrCode, answer.ErrMsg);
                throw new PlatformException(answer.ErrCode, answer.ErrMsg);
            }

            var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn);
            var early = lifetime > RefreshEarly * 2 ? RefreshEarly : lifetime / 2;
            Volatile.Write(ref _token, new CachedToken(value, now + lifetime - early));
            logger.TokenFetched(answer.ExpiresIn);
            return value;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    /// <summary>Drops <paramref name="token"/> unless a newer one has already replaced it.</summary>
    private async Task ForgetAsync(string token, CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token?.Value == token)
            {
                Volatile.Write(ref _token, null);
            }
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset ReplaceAt);
}
