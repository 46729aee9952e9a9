using System.Collections.Frozen;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hutong.OfficialAccounts.WebAuth;

/// <summary>
/// What a node serves to web pages of official accounts, from files embedded in this assembly:
/// <list type="bullet">
/// <item><c>/connect/oauth2/authorize</c>: the page a merchant's page sends the person to. It is the web client's own
/// origin, so inside Hutong's web view it asks the client (its parent, by <c>postMessage</c> to this origin only) to
/// authorize on the person's behalf, and then goes on to where the client says. Opened anywhere else it says, in
/// English and Chinese, to open the link in Hutong. Only this origin may frame it.</item>
/// <item><c>/js/jweixin-1.6.0.js</c> (and <c>/open/js/jweixin-1.6.0.js</c>, WeChat's own path for it): the bridge a
/// merchant's page includes with one script tag, so WeChat's JSAPI payment code runs unchanged.</item>
/// </list>
/// </summary>
public static class WebAuthPages
{
    public const string AuthorizePath = "/connect/oauth2/authorize";

    public const string BridgePath = "/js/jweixin-1.6.0.js";

    /// <summary>WeChat's path of the same script (<c>res.wx.qq.com/open/js/jweixin-1.6.0.js</c>): changing the host is enough.</summary>
    public const string WeChatBridgePath = "/open/js/jweixin-1.6.0.js";

    private static readonly FrozenDictionary<string, EmbeddedFile> Files = EmbeddedFiles.Load(typeof(WebAuthPages).Assembly, "Hutong.OfficialAccounts.WebAuth.");

    public static IEndpointRouteBuilder MapWebAuthPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(AuthorizePath, (HttpContext context) => Page(context, "authorize.html")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(AuthorizePath + ".js", (HttpContext context) => Page(context, "authorize.js")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(AuthorizePath + ".css", (HttpContext context) => Page(context, "authorize.css")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(BridgePath, (HttpContext context) => Bridge(context)).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(WeChatBridgePath, (HttpContext context) => Bridge(context)).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static IResult Page(HttpContext context, string name)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // The query (a redirect_uri, a state) is the page's own business: nothing of it goes on in a Referer.
        headers["Referrer-Policy"] = "no-referrer";
        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
        }

        return Serve(context, Files[name], cacheable: !name.EndsWith(".html", StringComparison.Ordinal));
    }

    private static IResult Bridge(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Any site's page loads it, as a classic script or with crossorigin set.
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        headers.AccessControlAllowOrigin = "*";
        return Serve(context, Files["jweixin.js"], cacheable: true);
    }

    private static IResult Serve(HttpContext context, EmbeddedFile file, bool cacheable)
    {
        if (cacheable)
        {
            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers.ETag = file.ETag;
            if (context.Request.Headers.IfNoneMatch.Any(tag => tag == file.ETag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
        }

        return Results.Bytes(file.Content, file.ContentType);
    }
}
