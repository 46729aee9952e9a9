using System.Security.Claims;
using Hutong.Contracts.Chat;
using Hutong.Core;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hutong.Chat.Media;

/// <summary>docs/api.md: <c>POST /api/v1/media</c> and <c>GET /api/v1/media/{mediaId}</c>.</summary>
public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var limits = app.ServiceProvider.GetRequiredService<IOptions<ChatOptions>>().Value;
        var api = app.MapGroup("/api/v1/media").WithTags("Media").RequireAuthorization();
        // Bearer tokens, not cookies: a form post from another site carries no credentials, so no antiforgery token.
        api.MapPost("/", Upload)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxMediaBytes + (64 * 1024)));
        api.MapGet("/{mediaId}", Download);
        return app;
    }

    /// <summary><c>?as=image|video</c> says what the upload is meant as; <c>maxSeconds</c> (with <c>as=video</c>) limits its length.</summary>
    private static async Task<Results<Created<MediaUploaded>, ProblemHttpResult>> Upload(
        IFormFile? file, string? @as, int? maxSeconds, ClaimsPrincipal user, MediaService media, CancellationToken cancellationToken)
    {
        var expected = UploadExpectation.Parse(@as, maxSeconds);
        if (!expected.IsSuccess)
        {
            return expected.Error.ToProblem();
        }

        var result = await media.UploadAsync(user.UserId(), file, expected.Value, cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/media/{result.Value.MediaId}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string mediaId, ClaimsPrincipal user, MediaService media, HttpContext http, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(mediaId, out var id))
        {
            return MediaService.NotFound.ToProblem();
        }

        var result = await media.OpenAsync(user.UserId(), id, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (item, content) = result.Value;
        // The sniffed type, never re-guessed by the browser; anything that is not plain media downloads instead of rendering.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        var inline = item.ContentType.StartsWith("image/", StringComparison.Ordinal)
            || item.ContentType.StartsWith("audio/", StringComparison.Ordinal)
            || item.ContentType.StartsWith("video/", StringComparison.Ordinal);
        return TypedResults.Stream(content, item.ContentType, inline ? null : item.FileName ?? "file", enableRangeProcessing: true);
    }
}
