using Microsoft.Extensions.Options;

namespace EchoBot.CustomerService;

/// <summary>
/// The platform's <c>/cgi-bin/</c> API under <see cref="BotOptions.ApiBase"/>: the access token, kept until shortly
/// before it expires and fetched again once when a call says it is no longer valid, and customer-service messages.
/// </summary>
internal sealed class CgiBinClient(IHttpClientFactory httpClients, IOptions<BotOptions> options, TimeProvider time, ILogger<CgiBinClient> logger)
    : IDisposable
{
    public const string HttpClientName = "cgi-bin";

    /// <summary>
    /// How long before it expires a token is replaced. A new token does not stop the old one for five minutes, so
    /// replacing it that early never leaves a call without a valid one.
    /// </summary>
    private static readonly TimeSpan RefreshEarly = TimeSpan.FromMinutes(5);

    /// <summary>
    /// 40001: invalid credential, or not the latest (another server fetched a newer one); 40014: invalid token;
    /// 42001: expired.
    /// </summary>
    private static readonly int[] TokenRejected = [40001, 40014, 42001];

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private CachedToken? _token;

    /// <summary>
    /// Sends <paramref name="content"/> to the follower <paramref name="openId"/>; true when the platform took it.
    /// Refusals are logged with the platform's <c>errcode</c> and <c>errmsg</c>.
    /// </summary>
    public async Task<bool> SendTextAsync(string openId, string content, CancellationToken cancellationToken)
    {
        var message = new CustomTextMessage(openId, "text", new CustomTextContent(content));
        var token = await GetTokenAsync(cancellationToken);
        if (token is null)
        {
            return false;
        }

        var result = await PostAsync(token, message, cancellationToken);
        if (TokenRejected.Contains(result.ErrCode))
        {
            // Once: a token fetched a moment ago that is refused too points at something a retry will not fix.
            logger.TokenRejected(result.ErrCode, result.ErrMsg);
            await ForgetAsync(token, cancellationToken);
            token = await GetTokenAsync(cancellationToken);
            if (token is null)
            {
                return false;
            }

            result = await PostAsync(token, message, cancellationToken);
        }

        if (result.ErrCode != 0)
        {
            logger.CustomRefused(openId, result.ErrCode, result.ErrMsg);
            return false;
        }

        logger.CustomSent(openId, result.ErrCode, result.ErrMsg);
        return true;
    }

    public void Dispose() => _tokenLock.Dispose();

    private async Task<CgiBinResult> PostAsync(string token, CustomTextMessage message, CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsJsonAsync(
            $"cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(token)}", message, CgiBinJson.Default.CustomTextMessage, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(CgiBinJson.Default.CgiBinResult, cancellationToken)
            ?? throw new HttpRequestException("The platform answered null.");
    }

    /// <summary>The cached token while it is fresh, else a new one; null (and logged) when the platform refuses.</summary>
    private async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
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
            using var http = httpClients.CreateClient(HttpClientName);
            var answer = await http.GetFromJsonAsync(
                $"cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(settings.AppId ?? "")}&secret={Uri.EscapeDataString(settings.AppSecret ?? "")}",
                CgiBinJson.Default.TokenResponse,
                cancellationToken);
            if (answer is not { AccessToken: { Length: > 0 } value, ExpiresIn: > 0 })
            {
                logger.TokenRefused(answer?.ErrCode ?? -1, answer?.ErrMsg);
                return null;
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
