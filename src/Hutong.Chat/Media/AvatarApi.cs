using System.Security.Claims;
using Hutong.Accounts.Identity;
using Hutong.Contracts.Accounts;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Chat.Media;

/// <summary>
/// docs/api.md: <c>PUT /api/v1/me/avatar</c> (an image, cropped square by the client) and <c>DELETE</c>. The image is
/// an upload like any other, so it is served by the media API with the media's access rules.
/// </summary>
public static class AvatarApi
{
    /// <summary>An avatar is small; a cropped 512-pixel square is a few hundred kilobytes at most.</summary>
    public const long MaxAvatarBytes = 5 * 1024 * 1024;

    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"];

    public static IEndpointRouteBuilder MapAvatarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/me/avatar").WithTags("Accounts").RequireAuthorization();
        api.MapPut("/", Upload).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxAvatarBytes + (64 * 1024)));
        api.MapDelete("/", Clear);
        return app;
    }

    private static async Task<Results<Ok<AvatarResponse>, ProblemHttpResult>> Upload(
        IFormFile? file, ClaimsPrincipal user, MediaService media, AccountService accounts, CancellationToken cancellationToken)
    {
        if (file is { Length: > MaxAvatarBytes })
        {
            return new Error(Contracts.ErrorCodes.PayloadTooLarge, 413, $"An avatar has at most {MaxAvatarBytes / (1024 * 1024)} MB.").ToProblem();
        }

        var uploaded = await media.UploadAsync(user.UserId(), file, UploadExpectation.Any, cancellationToken);
        if (!uploaded.IsSuccess)
        {
            return uploaded.Error.ToProblem();
        }

        // The type comes from the bytes, so a renamed file of another kind never becomes an avatar.
        if (!ImageTypes.Contains(uploaded.Value.ContentType))
        {
            return Error.Validation(new Dictionary<string, string[]> { ["file"] = ["An avatar is a JPEG, PNG, WebP or GIF image."] }).ToProblem();
        }

        var result = await accounts.SetAvatarAsync(user.UserId(), Guid.Parse(uploaded.Value.MediaId), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new AvatarResponse(result.Value.AvatarUrl)) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Clear(ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.SetAvatarAsync(user.UserId(), null, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
