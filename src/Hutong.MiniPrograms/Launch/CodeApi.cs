using Hutong.Contracts;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Hutong.MiniPrograms.Packages;
using Hutong.MiniPrograms.Runtime;
using Hutong.MiniPrograms.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Hutong.MiniPrograms.Launch;

/// <summary>
/// A version's compiled code under its ticket (<see cref="CodeTickets"/>): <c>view.json</c> and <c>wxs.js</c> for
/// the view frames, <c>logic.js</c> for the logic worker, <c>assets/{path}</c> for the package's images and media; a
/// game's <c>game.js</c> and <c>open-data.js</c> (its open data context) instead of the first three; a story's
/// <c>story.json</c> (inkjs's compiled story) and its images under <c>assets/{name}</c>.
/// Only compiled package files are served under <see cref="MiniProgramRuntime.PackagesPath"/>: the frames' policy
/// lets them run scripts from there. No sign-in: the
/// ticket is the permission, and it names one version until it expires.
/// </summary>
public static class CodeApi
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IEndpointRouteBuilder MapMiniProgramCode(this IEndpointRouteBuilder app)
    {
        var code = app.MapGroup(MiniProgramRuntime.PackagesPath + "{ticket}").WithTags("Mini-programs").AllowAnonymous().ExcludeFromDescription();
        code.MapGet("/view.json", (string ticket, HttpContext http, CodeTickets tickets, IVersionStore versions, PackageStore packages, TimeProvider clock) =>
            ServeAsync(ticket, http, tickets, versions, packages, clock, v => IsStory(v) ? null : v.Code.ViewSha, "application/json; charset=utf-8"));
        code.MapGet("/story.json", (string ticket, HttpContext http, CodeTickets tickets, IVersionStore versions, PackageStore packages, TimeProvider clock) =>
            ServeAsync(ticket, http, tickets, versions, packages, clock, v => IsStory(v) ? v.Code.ViewSha : null, "application/json; charset=utf-8"));
        code.MapGet("/logic.js", (string ticket, HttpContext http, CodeTickets tickets, IVersionStore versions, PackageStore packages, TimeProvider clock) =>
            ServeAsync(ticket, http, tickets, versions, packages, clock, v => IsGame(v) ? null : v.Code.LogicSha, "text/javascript; charset=utf-8"));
        code.MapGet("/wxs.js", (string ticket, HttpContext http, CodeTickets tickets, IVersionStore versions, PackageStore packages, TimeProvider clock) =>
            ServeAsync(ticket, http, tickets, versions, packages, clock, v => v.Code.WxsSha, "text/javascript; charset=utf-8"));
        code.MapGet("/game.js", (string ticket, HttpContext http, CodeTickets tickets, IVersionStore versions, PackageStore packages, TimeProvider clock) =>
            ServeAsync(ticket, http, tickets, versions, packages, clock, v => IsGame(v) ? v.Code.LogicSha : null, "text/javascript; charset=utf-8"));
        code.MapGet("/open-data.js", (string ticket, HttpContext http, CodeTickets tickets, IVersionStore versions, PackageStore packages, TimeProvider clock) =>
            ServeAsync(ticket, http, tickets, versions, packages, clock, v => v.Code.OpenDataSha, "text/javascript; charset=utf-8"));
        code.MapGet("/assets/{**path}", (string ticket, string path, HttpContext http, CodeTickets tickets, IVersionStore versions, PackageStore packages, TimeProvider clock) =>
            ServeAsync(ticket, http, tickets, versions, packages, clock, v => v.Code.Assets.GetValueOrDefault(path), Types.TryGetContentType(path, out var type) ? type : "application/octet-stream", asset: true));
        return app;
    }

    /// <summary>A game's code has no view (<see cref="VersionCode"/>); its bundle is game.js, a mini-program's logic.js.</summary>
    private static bool IsGame(AppVersion version) => version.Code.ViewSha.Length == 0;

    /// <summary>A story's code has no logic (<see cref="VersionCode"/>): its view is story.json.</summary>
    private static bool IsStory(AppVersion version) => version.Code.LogicSha.Length == 0 && version.Code.ViewSha.Length > 0;

    private static async Task<IResult> ServeAsync(
        string ticket, HttpContext http, CodeTickets tickets, IVersionStore versions, PackageStore packages, TimeProvider clock,
        Func<AppVersion, string?> file, string contentType, bool asset = false)
    {
        var cancellationToken = http.RequestAborted;
        if (await tickets.ReadAsync(ticket, clock.GetUtcNow(), cancellationToken) is not { } versionId
            || await versions.FindAsync(versionId, cancellationToken) is not { } version
            || file(version) is not { } sha
            || await packages.OpenAsync(sha, cancellationToken) is not { } content)
        {
            return Error.NotFound(ErrorCodes.NotFound, "No such code, or its address has expired: open the mini-program again.").ToProblem();
        }

        // The frames load from an opaque origin: they may fetch this, nothing may sniff it into something else, and
        // the content of one version at one hash never changes.
        http.Response.Headers.AccessControlAllowOrigin = "*";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        if (asset)
        {
            // An asset opened by its address (an SVG's own script, in a tab or an official account's web view, which
            // keeps its pages' origins) would run at the node's origin, beside the web client: as a document it gets
            // an opaque origin and no script. Images, fonts and media loaded by the app's frames are not affected.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
        }

        return TypedResults.Stream(content, contentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{sha}\""));
    }
}
