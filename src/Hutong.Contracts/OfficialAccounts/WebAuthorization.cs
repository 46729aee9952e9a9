namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// The hosts an account's web pages may receive a web-authorization code at (WeChat's "web authorization domains"): a
/// page's <c>redirect_uri</c> must be on one of them. Each is a host name as it appears in a URL (no scheme, port or
/// path), <c>shop.example.com</c>; ports do not count.
/// </summary>
public sealed record WebAuthDomains(IReadOnlyList<string> Domains);

/// <summary>
/// WeChat's <c>/connect/oauth2/authorize</c>, asked for by the signed-in person's client on a page's behalf: the
/// account's <see cref="AppId"/>, where to send the code (<see cref="RedirectUri"/>), the <see cref="Scope"/>
/// (<c>snsapi_base</c>), the page's own <see cref="State"/> (up to 128 bytes, given back as it is) and
/// <see cref="ResponseType"/> (<c>code</c>).
/// </summary>
public sealed record WebAuthorizeRequest(string? AppId, string? RedirectUri, string? Scope, string? State = null, string? ResponseType = "code");

/// <summary>Where the page goes next: its <c>redirect_uri</c> with <c>code</c> and <c>state</c> added.</summary>
public sealed record WebAuthorizeResponse(string RedirectUrl);

/// <summary>The scopes of web authorization, as WeChat names them.</summary>
public static class WebAuthScopes
{
    /// <summary>Silent: the page learns the person's openid at the account, nothing else.</summary>
    public const string Base = "snsapi_base";

    /// <summary>With the person's consent, their nickname and picture too (not offered yet).</summary>
    public const string UserInfo = "snsapi_userinfo";
}
