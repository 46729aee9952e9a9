using System.Security.Cryptography;
using System.Text;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.AppApi;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.WebAuth;

/// <summary>
/// Web authorization (WeChat's 网页授权) with the <c>snsapi_base</c> scope: a page of an account's, open in the client,
/// sends the person to <c>/connect/oauth2/authorize</c>; their client asks here on their behalf, and the page goes on to
/// its <c>redirect_uri</c> with a code (5 minutes, one use, for that account only). The page's server exchanges the code
/// at <c>/sns/oauth2/access_token</c> with the app secret for the person's openid at the account. Codes and tokens are
/// kept in the database by their hashes, so any node exchanges what another issued, once.
/// </summary>
public sealed class WebAuthService(
    IWebAuthStore store,
    IOfficialAccountStore accounts,
    OfficialAccountService officialAccounts,
    OpenIds ids,
    IOptions<OfficialAccountsOptions> options,
    TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan AccessLifetime = TimeSpan.FromSeconds(7200);

    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);

    public static readonly Error Mismatch = new(ErrorCodes.RedirectUriMismatch, 403, "The redirect_uri's domain is not one of the account's web authorization domains.",
        "redirect_uri 域名与后台配置不一致 (WeChat 10003)");

    public static readonly Error UnsupportedScope = Error.BadRequest(ErrorCodes.ScopeNotSupported, "Only the snsapi_base scope is offered.",
        "此公众号并没有这些 scope 的权限 (WeChat 10005): snsapi_userinfo is not offered yet.");

    /// <summary>The account's domains, for its admins.</summary>
    public async Task<Result<WebAuthDomains>> DomainsAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var managed = await officialAccounts.ManagedAsync(me, accountId, cancellationToken);
        return managed.IsSuccess ? new WebAuthDomains(await store.DomainsAsync(accountId, cancellationToken)) : managed.Error;
    }

    /// <summary>Replaces the account's domains (its admins only); each is cleaned to its host name, duplicates once.</summary>
    public async Task<Result<WebAuthDomains>> SetDomainsAsync(Guid me, Guid accountId, WebAuthDomains request, CancellationToken cancellationToken)
    {
        var managed = await officialAccounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var max = options.Value.MaxWebAuthDomains;
        var domains = new List<string>();
        var errors = new FieldErrors();
        foreach (var given in request.Domains ?? [])
        {
            if (WebAuthDomainRules.Normalize(given) is not { } domain)
            {
                errors.Add("domains", $"'{given}' is not a host name: give the host alone (shop.example.com), without http://, a port or a path.");
            }
            else if (!domains.Contains(domain, StringComparer.Ordinal))
            {
                domains.Add(domain);
            }
        }

        if (domains.Count > max)
        {
            errors.Add("domains", $"An account has at most {max} web authorization domains.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        await store.SetDomainsAsync(accountId, domains, cancellationToken);
        return new WebAuthDomains(domains);
    }

    /// <summary>
    /// A code for the person at the account, and the page's <c>redirect_uri</c> with it: checked as WeChat checks
    /// <c>/connect/oauth2/authorize</c>, the parameters, the account, the scope, then the redirect's domain.
    /// </summary>
    public async Task<Result<WebAuthorizeResponse>> AuthorizeAsync(Guid me, WebAuthorizeRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.AppId))
        {
            errors.Add("appId", "appid is required (WeChat 10012).");
        }

        if (string.IsNullOrEmpty(request.Scope))
        {
            errors.Add("scope", "scope is required (WeChat 10010).");
        }

        if (request.ResponseType is not "code")
        {
            errors.Add("responseType", "response_type is code.");
        }

        if (request.State is { } state && Encoding.UTF8.GetByteCount(state) > WebAuthDomainRules.MaxState)
        {
            errors.Add("state", $"state is at most {WebAuthDomainRules.MaxState} bytes.");
        }

        Uri? redirect = null;
        if (string.IsNullOrEmpty(request.RedirectUri))
        {
            errors.Add("redirectUri", "redirect_uri is required (WeChat 10011).");
        }
        else if (!WebAuthDomainRules.TryRedirect(request.RedirectUri, options.Value.AllowPlainHttpUrls, out redirect))
        {
            errors.Add("redirectUri", options.Value.AllowPlainHttpUrls
                ? "redirect_uri is an absolute http or https address."
                : "redirect_uri is an absolute https address (http only on this machine's own loopback).");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var account = request.AppId!.Length > 64 ? null : await accounts.FindByAppIdAsync(request.AppId, cancellationToken);
        if (account is not { IsActive: true })
        {
            return OfficialAccountService.NotFound;
        }

        if (request.Scope != WebAuthScopes.Base)
        {
            return request.Scope == WebAuthScopes.UserInfo
                ? UnsupportedScope
                : Error.Validation(new Dictionary<string, string[]> { ["scope"] = ["scope is snsapi_base."] });
        }

        if (!WebAuthDomainRules.Allows(await store.DomainsAsync(account.Id, cancellationToken), redirect!))
        {
            return Mismatch;
        }

        var code = AppIdentities.RandomToken(24);
        var now = clock.Now();
        await store.AddAsync(new WebGrant(Hash(code), WebGrantKinds.Code, account.Id, me, request.Scope, now + CodeLifetime), now, cancellationToken);
        return new WebAuthorizeResponse(WebAuthDomainRules.WithCode(request.RedirectUri!, code, request.State));
    }

    /// <summary><c>/sns/oauth2/access_token</c>, checked in WeChat's order: the app id, its secret, the grant type, then the code.</summary>
    public async Task<WebTokenAnswer> ExchangeAsync(string? appId, string? secret, string? code, string? grantType, CancellationToken cancellationToken)
    {
        var (account, error) = await AppCall.CredentialsAsync(appId, secret, accounts, cancellationToken);
        if (error is not null)
        {
            return new WebTokenAnswer(error);
        }

        if (grantType != "authorization_code")
        {
            return new WebTokenAnswer(WeChatErrors.InvalidGrantType);
        }

        if (string.IsNullOrEmpty(code) || code.Length > 128)
        {
            return new WebTokenAnswer(WebAuthErrors.InvalidCode);
        }

        var (use, grant) = await store.UseCodeAsync(Hash(code), account!.Id, clock.Now(), cancellationToken);
        if (use != WebCodeUse.Exchanged)
        {
            return new WebTokenAnswer(use == WebCodeUse.Used ? WebAuthErrors.CodeUsed : WebAuthErrors.InvalidCode);
        }

        var refresh = AppIdentities.RandomToken(48);
        var now = clock.Now();
        await store.AddAsync(grant! with { Hash = Hash(refresh), Kind = WebGrantKinds.Refresh, ExpiresAt = now + RefreshLifetime }, now, cancellationToken);
        return await TokenAsync(account, grant!, refresh, cancellationToken);
    }

    /// <summary><c>/sns/oauth2/refresh_token</c>: a new access token for the same person and scope, while the refresh token lasts.</summary>
    public async Task<WebTokenAnswer> RefreshAsync(string? appId, string? grantType, string? refreshToken, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrEmpty(appId) || appId.Length > 64 ? null : await accounts.FindByAppIdAsync(appId, cancellationToken);
        if (account is null)
        {
            return new WebTokenAnswer(WeChatErrors.InvalidAppId);
        }

        if (grantType != "refresh_token")
        {
            return new WebTokenAnswer(WeChatErrors.InvalidGrantType);
        }

        var grant = string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 128
            ? null
            : await store.FindAsync(Hash(refreshToken), WebGrantKinds.Refresh, clock.Now(), cancellationToken);
        return grant is null || grant.AccountId != account.Id
            ? new WebTokenAnswer(WebAuthErrors.InvalidRefreshToken)
            : await TokenAsync(account, grant, refreshToken!, cancellationToken);
    }

    /// <summary>
    /// The person and account a web access token names, when it is unexpired and <paramref name="openId"/> is theirs:
    /// what <c>/sns/auth</c> and <c>/sns/userinfo</c> check first.
    /// </summary>
    public async Task<(WebGrant? Grant, WeChatError? Error)> CheckAsync(string? accessToken, string? openId, CancellationToken cancellationToken)
    {
        var grant = string.IsNullOrEmpty(accessToken) || accessToken.Length > 128
            ? null
            : await store.FindAsync(Hash(accessToken), WebGrantKinds.Access, clock.Now(), cancellationToken);
        var account = grant is null ? null : await accounts.FindAsync(grant.AccountId, cancellationToken);
        if (grant is null || account is null)
        {
            return (null, WeChatErrors.InvalidCredential);
        }

        return openId == await ids.ForAsync(account.AppId, grant.UserId, cancellationToken) ? (grant, null) : (null, WeChatErrors.InvalidOpenId);
    }

    private async Task<WebTokenAnswer> TokenAsync(OfficialAccount account, WebGrant grant, string refreshToken, CancellationToken cancellationToken)
    {
        var access = AppIdentities.RandomToken(48);
        var now = clock.Now();
        await store.AddAsync(grant with { Hash = Hash(access), Kind = WebGrantKinds.Access, ExpiresAt = now + AccessLifetime }, now, cancellationToken);
        return new WebTokenAnswer(
            null,
            access,
            (int)AccessLifetime.TotalSeconds,
            refreshToken,
            await ids.ForAsync(account.AppId, grant.UserId, cancellationToken),
            grant.Scope,
            await ids.UnionIdAsync(account.OwnerId, grant.UserId, cancellationToken));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>An answer of <c>/sns/oauth2/access_token</c> or <c>refresh_token</c>: the tokens and the person's ids, or WeChat's error.</summary>
public sealed record WebTokenAnswer(
    WeChatError? Error,
    string? AccessToken = null,
    int ExpiresIn = 0,
    string? RefreshToken = null,
    string? OpenId = null,
    string? Scope = null,
    string? UnionId = null);

/// <summary>WeChat's errors of web authorization, as its servers word them.</summary>
public static class WebAuthErrors
{
    public static readonly WeChatError InvalidCode = new(40029, "invalid code");
    public static readonly WeChatError InvalidRefreshToken = new(40030, "invalid refresh_token");
    public static readonly WeChatError CodeUsed = new(40163, "code been used");
}
