using System.Security.Claims;
using System.Text.Json.Nodes;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Http;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.AppApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.OfficialAccounts.WebAuth;

/// <summary>
/// docs/api.md "Web pages of an account": the studio's web authorization domains and the client's authorization on a
/// page's behalf (signed in, answered with problems), and WeChat's <c>/sns/</c> calls of a page's server (the app secret
/// or a token is the credential, answered as WeChat's server answers: HTTP 200, <c>{errcode, errmsg}</c> on error).
/// </summary>
public static class WebAuthApi
{
    public static IEndpointRouteBuilder MapWebAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/official-accounts").WithTags("Official accounts").RequireAuthorization();
        api.MapPost("/oauth/authorize", Authorize);
        api.MapGet("/{accountId}/web-domains", Domains);
        api.MapPut("/{accountId}/web-domains", SetDomains);

        var sns = app.MapGroup("/sns").WithTags("App API (WeChat)").AllowAnonymous();
        sns.MapGet("/oauth2/access_token", AccessToken);
        sns.MapGet("/oauth2/refresh_token", RefreshToken);
        sns.MapGet("/auth", Check);
        sns.MapGet("/userinfo", UserInfo);

        app.MapWebAuthPages();
        return app;
    }

    private static async Task<Results<Ok<WebAuthorizeResponse>, ProblemHttpResult>> Authorize(
        WebAuthorizeRequest request, ClaimsPrincipal user, WebAuthService web, CancellationToken cancellationToken) =>
        (await web.AuthorizeAsync(user.UserId(), request, cancellationToken)).ToOk();

    private static async Task<Results<Ok<WebAuthDomains>, ProblemHttpResult>> Domains(
        string accountId, ClaimsPrincipal user, WebAuthService web, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id)
            ? (await web.DomainsAsync(user.UserId(), id, cancellationToken)).ToOk()
            : OfficialAccountService.NotFound.ToProblem();

    private static async Task<Results<Ok<WebAuthDomains>, ProblemHttpResult>> SetDomains(
        string accountId, WebAuthDomains request, ClaimsPrincipal user, WebAuthService web, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id)
            ? (await web.SetDomainsAsync(user.UserId(), id, request, cancellationToken)).ToOk()
            : OfficialAccountService.NotFound.ToProblem();

    private static async Task<IResult> AccessToken(
        string? appid, string? secret, string? code, string? grant_type, WebAuthService web, CancellationToken cancellationToken) =>
        Answer(await web.ExchangeAsync(appid, secret, code, grant_type, cancellationToken));

    private static async Task<IResult> RefreshToken(
        string? appid, string? grant_type, string? refresh_token, WebAuthService web, CancellationToken cancellationToken) =>
        Answer(await web.RefreshAsync(appid, grant_type, refresh_token, cancellationToken));

    /// <summary>Whether a web access token is valid for the openid: <c>{errcode: 0, errmsg: "ok"}</c>.</summary>
    private static async Task<IResult> Check(string? access_token, string? openid, WebAuthService web, CancellationToken cancellationToken)
    {
        var (_, error) = await web.CheckAsync(access_token, openid, cancellationToken);
        return AppCall.Error(error ?? WeChatErrors.Ok);
    }

    /// <summary>
    /// The person's profile needs the <c>snsapi_userinfo</c> scope, which is not offered yet: every valid token is a
    /// <c>snsapi_base</c> one, which WeChat answers with 48001 here too.
    /// </summary>
    private static async Task<IResult> UserInfo(string? access_token, string? openid, WebAuthService web, CancellationToken cancellationToken)
    {
        var (_, error) = await web.CheckAsync(access_token, openid, cancellationToken);
        return AppCall.Error(error ?? WeChatErrors.Unauthorized);
    }

    private static IResult Answer(WebTokenAnswer answer) => answer.Error is { } error
        ? AppCall.Error(error)
        : AppCall.Json(new JsonObject
        {
            ["access_token"] = answer.AccessToken,
            ["expires_in"] = answer.ExpiresIn,
            ["refresh_token"] = answer.RefreshToken,
            ["openid"] = answer.OpenId,
            ["scope"] = answer.Scope,
            ["unionid"] = answer.UnionId,
        });
}
