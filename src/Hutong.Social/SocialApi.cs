using System.Security.Claims;
using Hutong.Contracts.Social;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Hutong.Social.Moments;
using Hutong.Social.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Social;

/// <summary>docs/api.md "Moments" and "Status".</summary>
public static class SocialApi
{
    public static IEndpointRouteBuilder MapSocialApi(this IEndpointRouteBuilder app)
    {
        var moments = app.MapGroup("/api/v1/moments").WithTags("Moments").RequireAuthorization();
        moments.MapPost("/posts", CreatePost);
        moments.MapGet("/posts/{postId}", GetPost);
        moments.MapDelete("/posts/{postId}", DeletePost);
        moments.MapPut("/posts/{postId}/like", Like);
        moments.MapDelete("/posts/{postId}/like", Unlike);
        moments.MapPost("/posts/{postId}/comments", Comment);
        moments.MapDelete("/posts/{postId}/comments/{commentId}", DeleteComment);
        moments.MapGet("/timeline", Timeline);
        moments.MapGet("/users/{userId}", Profile);
        moments.MapGet("/users/{userId}/posts", Album);
        moments.MapPatch("/settings", UpdateSettings);
        moments.MapGet("/notices", Notices);
        moments.MapPost("/notices/read", ReadNotices);

        var status = app.MapGroup("/api/v1/statuses").WithTags("Status").RequireAuthorization();
        status.MapPost("/", PostStatus);
        status.MapGet("/", Board);
        status.MapGet("/{statusId}", GetStatus);
        status.MapDelete("/{statusId}", DeleteStatus);
        status.MapPut("/{statusId}/seen", Seen);
        status.MapPut("/{statusId}/reaction", React);
        return app;
    }

    private static async Task<Results<Created<PostInfo>, Ok<PostInfo>, ProblemHttpResult>> CreatePost(
        CreatePostRequest request, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken)
    {
        var result = await moments.CreateAsync(user.UserId(), request, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (post, created) = result.Value;
        return created ? TypedResults.Created($"/api/v1/moments/posts/{post.Id}", post) : TypedResults.Ok(post);
    }

    private static async Task<Results<Ok<PostInfo>, ProblemHttpResult>> GetPost(
        string postId, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        Ids.TryParse(postId, out var id) ? (await moments.GetAsync(user.UserId(), id, cancellationToken)).ToOk() : MomentsService.PostNotFound.ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeletePost(
        string postId, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        Ids.TryParse(postId, out var id) ? (await moments.DeleteAsync(user.UserId(), id, cancellationToken)).ToNoContent() : MomentsService.PostNotFound.ToProblem();

    private static async Task<Results<Ok<PostInfo>, ProblemHttpResult>> Like(
        string postId, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        Ids.TryParse(postId, out var id) ? (await moments.LikeAsync(user.UserId(), id, cancellationToken)).ToOk() : MomentsService.PostNotFound.ToProblem();

    private static async Task<Results<Ok<PostInfo>, ProblemHttpResult>> Unlike(
        string postId, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        Ids.TryParse(postId, out var id) ? (await moments.UnlikeAsync(user.UserId(), id, cancellationToken)).ToOk() : MomentsService.PostNotFound.ToProblem();

    private static async Task<Results<Ok<PostComment>, ProblemHttpResult>> Comment(
        string postId, AddCommentRequest request, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        Ids.TryParse(postId, out var id) ? (await moments.CommentAsync(user.UserId(), id, request, cancellationToken)).ToOk() : MomentsService.PostNotFound.ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteComment(
        string postId, string commentId, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(postId, out var post))
        {
            return MomentsService.PostNotFound.ToProblem();
        }

        return Ids.TryParse(commentId, out var comment)
            ? (await moments.DeleteCommentAsync(user.UserId(), post, comment, cancellationToken)).ToNoContent()
            : MomentsService.CommentNotFound.ToProblem();
    }

    private static async Task<Results<Ok<PostPage>, ProblemHttpResult>> Timeline(
        int? limit, string? cursor, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        (await moments.TimelineAsync(user.UserId(), limit, cursor, cancellationToken)).ToOk();

    private static async Task<Results<Ok<MomentsProfile>, ProblemHttpResult>> Profile(
        string userId, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        Ids.TryParse(userId, out var id) ? (await moments.ProfileAsync(user.UserId(), id, cancellationToken)).ToOk() : NoSuchUser();

    private static async Task<Results<Ok<PostPage>, ProblemHttpResult>> Album(
        string userId, int? limit, string? cursor, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        Ids.TryParse(userId, out var id) ? (await moments.AlbumAsync(user.UserId(), id, limit, cursor, cancellationToken)).ToOk() : NoSuchUser();

    private static async Task<Results<Ok<MomentsProfile>, ProblemHttpResult>> UpdateSettings(
        UpdateMomentsSettingsRequest request, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        (await moments.UpdateSettingsAsync(user.UserId(), request, cancellationToken)).ToOk();

    private static async Task<Results<Ok<MomentNoticePage>, ProblemHttpResult>> Notices(
        int? limit, string? cursor, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken) =>
        (await moments.NoticesAsync(user.UserId(), limit, cursor, cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadNotices(
        ReadNoticesRequest request, ClaimsPrincipal user, MomentsService moments, CancellationToken cancellationToken)
    {
        var result = await moments.ReadNoticesAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<Created<StatusInfo>, Ok<StatusInfo>, ProblemHttpResult>> PostStatus(
        PostStatusRequest request, ClaimsPrincipal user, StatusService statuses, CancellationToken cancellationToken)
    {
        var result = await statuses.PostAsync(user.UserId(), request, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (status, created) = result.Value;
        return created ? TypedResults.Created($"/api/v1/statuses/{status.Id}", status) : TypedResults.Ok(status);
    }

    private static async Task<Ok<StatusBoard>> Board(ClaimsPrincipal user, StatusService statuses, CancellationToken cancellationToken) =>
        TypedResults.Ok(await statuses.BoardAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<StatusInfo>, ProblemHttpResult>> GetStatus(
        string statusId, ClaimsPrincipal user, StatusService statuses, CancellationToken cancellationToken) =>
        Ids.TryParse(statusId, out var id) ? (await statuses.GetAsync(user.UserId(), id, cancellationToken)).ToOk() : StatusService.NotFound.ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteStatus(
        string statusId, ClaimsPrincipal user, StatusService statuses, CancellationToken cancellationToken) =>
        Ids.TryParse(statusId, out var id) ? (await statuses.DeleteAsync(user.UserId(), id, cancellationToken)).ToNoContent() : StatusService.NotFound.ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> Seen(
        string statusId, ClaimsPrincipal user, StatusService statuses, CancellationToken cancellationToken) =>
        Ids.TryParse(statusId, out var id) ? (await statuses.SeenAsync(user.UserId(), id, cancellationToken)).ToNoContent() : StatusService.NotFound.ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> React(
        string statusId, ReactToStatusRequest request, ClaimsPrincipal user, StatusService statuses, CancellationToken cancellationToken) =>
        Ids.TryParse(statusId, out var id) ? (await statuses.ReactAsync(user.UserId(), id, request, cancellationToken)).ToNoContent() : StatusService.NotFound.ToProblem();

    private static ProblemHttpResult NoSuchUser() =>
        Error.NotFound(Contracts.ErrorCodes.UserNotFound, "No such person.").ToProblem();
}
