using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OaShop;

/// <summary>
/// Web authorization with the <c>snsapi_base</c> scope, as WeChat's documentation describes it: the person is sent to
/// the platform's authorize page, comes back to <c>redirect_uri</c> with a one-time <c>code</c>, and the code is
/// exchanged here, with the app secret, for the person's openid at the account. <c>state</c> is signed with a key of
/// this process, with the time it was made, so a code arriving with a state the shop did not make (or an old one) is
/// refused: no cookie is needed, which matters in a frame, where the browser may not keep the page's cookies.
/// </summary>
public sealed class WebAuthorization(HttpClient api, Platform platform, string appId, string appSecret, TimeProvider time)
{
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private readonly byte[] _stateKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The authorize page's address for a person who should come back to <paramref name="redirectUri"/>.</summary>
    public string AuthorizeUrl(string redirectUri) =>
        $"{platform.AuthorizeUrl}?appid={Uri.EscapeDataString(appId)}&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
        $"&response_type=code&scope=snsapi_base&state={State()}#wechat_redirect";

    /// <summary>Whether the state came from this shop, within the last ten minutes.</summary>
    public bool IsOurs(string? state)
    {
        var parts = state?.Split('.') ?? [];
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var made))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(made);
        return age >= TimeSpan.Zero && age <= StateLifetime
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(parts[0])), Encoding.ASCII.GetBytes(parts[1]));
    }

    /// <summary>
    /// <c>GET /sns/oauth2/access_token</c>: the person's openid for the code, or the platform's <c>errcode</c> and
    /// <c>errmsg</c> (40029 for a code that is unknown or too old, 40163 for one used already).
    /// </summary>
    public async Task<(string? OpenId, string? Error)> OpenIdAsync(string code, CancellationToken cancellationToken)
    {
        var answer = JsonNode.Parse(await api.GetStringAsync(new Uri(
            $"sns/oauth2/access_token?appid={Uri.EscapeDataString(appId)}&secret={Uri.EscapeDataString(appSecret)}" +
            $"&code={Uri.EscapeDataString(code)}&grant_type=authorization_code", UriKind.Relative), cancellationToken)) as JsonObject;
        return WeChatPayClient.Text(answer?["openid"]) is { Length: > 0 } openId
            ? (openId, null)
            : (null, $"{answer?["errcode"]} {WeChatPayClient.Text(answer?["errmsg"])}");
    }

    private string State()
    {
        var made = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return made + "." + Mac(made);
    }

    private string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_stateKey, Encoding.ASCII.GetBytes(text)))[..32];
}
