using System.Text;
using Hutong.Core;
using Hutong.Core.Qr;
using Hutong.MiniPrograms.Versions;
using Hutong.OfficialAccounts.AppApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static Hutong.OfficialAccounts.AppApi.AppCall;

namespace Hutong.MiniPrograms.AppApi;

/// <summary>
/// Mini-program codes as WeChat's server makes them: <c>/wxa/getwxacode</c> (a page path of up to 128 bytes, 100,000
/// codes an app) and <c>/wxa/getwxacodeunlimit</c> (a page and a scene of up to 32 characters, unlimited). The answer
/// is the image, or <c>{errcode, errmsg}</c> as JSON; the access token is the credential. A code holds the
/// <c>hutong://mp/</c> link of the app at that page, which Scan opens.
/// </summary>
public static class WxaApi
{
    public static readonly WeChatError InvalidPathLength = new(40159, "invalid length for path, or the data is not json string");
    public static readonly WeChatError InvalidScene = new(40129, "invalid scene");
    public static readonly WeChatError InvalidPage = new(41030, "invalid page");
    public static readonly WeChatError CodeLimit = new(45029, "qrcode count out of limit");

    /// <summary>The characters WeChat allows in a scene.</summary>
    private const string SceneCharacters = "!#$&'()*+,/:;=?@-._~";

    public static IEndpointRouteBuilder MapWxaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/wxa").WithTags("Mini-programs (WeChat)").AllowAnonymous();
        api.MapPost("/getwxacode", Limited);
        api.MapPost("/getwxacodeunlimit", Unlimited);
        return app;
    }

    private static async Task<IResult> Limited(
        HttpRequest request, string? access_token, MiniProgramTokens tokens, IGrainFactory grains, IOptions<MiniProgramsOptions> options, CancellationToken cancellationToken)
    {
        var (app, json, error) = await MiniProgramAppCall.OpenAsync(request, access_token, tokens, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var path = Text(json, "path")?.TrimStart('/');
        if (string.IsNullOrEmpty(path) || Encoding.UTF8.GetByteCount(path) > 128 || path.Any(char.IsControl))
        {
            return Error(InvalidPathLength);
        }

        return await grains.GetGrain<IMiniProgramGrain>(app!.Id).LimitedCodeAsync(path, options.Value.MaxLimitedCodes)
            ? Png(DeepLinks.MiniProgram(app.AppId, path), Number(json, "width"))
            : Error(CodeLimit);
    }

    private static async Task<IResult> Unlimited(HttpRequest request, string? access_token, MiniProgramTokens tokens, IVersionStore versions, CancellationToken cancellationToken)
    {
        var (app, json, error) = await MiniProgramAppCall.OpenAsync(request, access_token, tokens, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var scene = Text(json, "scene");
        if (string.IsNullOrEmpty(scene) || scene.Length > 32 || !scene.All(c => char.IsAsciiLetterOrDigit(c) || SceneCharacters.Contains(c, StringComparison.Ordinal)))
        {
            return Error(InvalidScene);
        }

        var page = Text(json, "page")?.TrimStart('/');
        var checkPath = json?["check_path"] is not { } check || check.GetValueKind() != System.Text.Json.JsonValueKind.False;
        if (page is not null && checkPath
            && (app!.ReleasedVersionId is not { } released || await versions.FindAsync(released, cancellationToken) is not { } version || !version.Pages.Contains(page, StringComparer.Ordinal)))
        {
            return Error(InvalidPage);
        }

        // The scene reaches the page as its query's scene, URL-encoded, as in WeChat (onLoad's options.scene).
        var path = (page ?? "") + "?scene=" + Uri.EscapeDataString(scene);
        return Png(DeepLinks.MiniProgram(app!.AppId, path), Number(json, "width"));
    }

    /// <summary>The code's image, about <paramref name="width"/> pixels wide (WeChat: 280 to 1280, 430 by default).</summary>
    private static IResult Png(string link, int? width)
    {
        var pixels = Math.Clamp(width ?? 430, 280, 1280);
        return Results.File(QrCodes.Png(link, Math.Max(1, pixels / 41)), "image/png");
    }
}
