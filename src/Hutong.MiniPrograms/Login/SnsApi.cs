using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hutong.MiniPrograms.Login;

/// <summary>
/// <c>GET /sns/jscode2session</c> as WeChat's server answers it: HTTP 200 always, the ids on success and
/// <c>{errcode, errmsg}</c> otherwise, so a developer's server written for WeChat works by changing the host.
/// </summary>
public static class SnsApi
{
    public static IEndpointRouteBuilder MapSnsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sns/jscode2session", ExchangeAsync).WithTags("Mini-programs (WeChat)").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> ExchangeAsync(
        string? appid, string? secret, string? js_code, string? grant_type, LoginService logins, CancellationToken cancellationToken)
    {
        var exchange = await logins.ExchangeAsync(appid, secret, js_code, grant_type, cancellationToken);
        var body = exchange.Error is { } error
            ? new JsonObject { ["errcode"] = error.Code, ["errmsg"] = error.Message }
            : new JsonObject { ["openid"] = exchange.OpenId, ["session_key"] = exchange.SessionKey, ["unionid"] = exchange.UnionId };
        return Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
    }
}
