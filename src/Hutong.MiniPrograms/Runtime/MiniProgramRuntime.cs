using System.Collections.Frozen;
using System.Security.Cryptography;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hutong.MiniPrograms.Runtime;

/// <summary>
/// Serves the mini-program runtime (host module, view frame, logic frame and worker) under <c>/mp/runtime/{file}</c>.
/// </summary>
/// <remarks>
/// The frames are sandboxed (opaque origin), where Chromium's CSP <c>'self'</c> would name no usable origin, so
/// every source is this server's explicit origin. Frames may run scripts only from <c>/mp/runtime/</c> and from
/// <see cref="PackagesPath"/>, where the server must serve compiled packages (the logic bundle and the WXS script)
/// and nothing else.
/// </remarks>
public static class MiniProgramRuntime
{
    /// <summary>Where compiled package files (logic.js, wxs.js, view.json, assets) are served from.</summary>
    public const string PackagesPath = "/mp/packages/";

    /// <summary>Where the runtime's own files are served from.</summary>
    public const string RuntimePath = "/mp/runtime/";

    private static readonly FrozenDictionary<string, EmbeddedFile> Files = EmbeddedFiles.Load(typeof(MiniProgramRuntime).Assembly, "Hutong.MiniPrograms.Runtime.");

    /// <summary>
    /// A hash of every runtime file: a URL with <c>?v=</c> this value is cached for a year, any other for five minutes.
    /// </summary>
    public static string Version { get; } = Convert.ToHexStringLower(
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Concat(Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value.ETag)))))[..16];

    /// <summary>The host module that opens an app of <paramref name="kind"/> (one of <c>MiniProgramKinds</c>).</summary>
    public static string HostModule(string kind) => kind switch
    {
        MiniProgramKinds.Game => "game-host.js",
        MiniProgramKinds.Story => "story-host.js",
        _ => "host.js",
    };

    /// <summary>Maps <c>GET /mp/runtime/{file}</c>.</summary>
    public static IEndpointRouteBuilder MapMiniProgramRuntime(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(RuntimePath + "{file}", Serve).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(string file, HttpContext context)
    {
        if (!Files.TryGetValue(file, out var runtimeFile))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ETag = runtimeFile.ETag;
        headers.CacheControl = context.Request.Query["v"] == Version
            ? "public, max-age=31536000, immutable"
            : "public, max-age=300";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = FramePolicy(file, context.Request);
        }
        else
        {
            // The host module is imported by the client's page; the worker by a blob worker of the opaque logic frame.
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        }

        if (context.Request.Headers.IfNoneMatch.Any(tag => tag == runtimeFile.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(runtimeFile.Content, runtimeFile.ContentType);
    }

    private static string FramePolicy(string file, HttpRequest request)
    {
        var origin = request.Scheme + "://" + request.Host.Value;
        var scripts = $"script-src {origin}{RuntimePath} {origin}{PackagesPath}";
        var common = $"default-src 'none'; style-src {origin}{RuntimePath} 'unsafe-inline'; font-src data: {origin}; connect-src 'none'; " +
            $"frame-ancestors {origin}; base-uri 'none'; form-action 'none'";
        var media = $"img-src https: data: blob: {origin}; media-src https: data: blob: {origin}";
        return file switch
        {
            // The worker is a blob made by the frame (a URL of this origin would be cross-origin to the opaque frame);
            // it inherits this policy, so its network is closed too.
            "logic.html" or "game.html" => $"{common}; {media}; {scripts}; worker-src blob:",
            // The open data context holds friends' data and must not send it anywhere: no network, and images only from
            // this node (the package's assets, people's avatars), never from an address its code could choose to carry it.
            "open-data.html" => $"{common}; img-src data: blob: {origin}; media-src 'none'; {scripts}; worker-src blob:",
            _ => $"{common}; {media}; {scripts}",
        };
    }
}
