using System.Security.Claims;
using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Contracts.Contacts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Hutong.Core.RateLimits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Accounts;

/// <summary>docs/api.md "Contacts".</summary>
public static class ContactsApi
{
    private static readonly Error NoSuchRequest = Error.NotFound(ErrorCodes.RequestNotFound, "No such friend request.");

    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Contacts").RequireAuthorization();
        api.MapPost("/friend-requests", SendRequest).RequireClusterRateLimit(RateLimitPolicies.FriendRequests);
        api.MapGet("/friend-requests", ListRequests);
        api.MapPost("/friend-requests/{requestId}/accept", Accept);
        api.MapPost("/friend-requests/{requestId}/decline", Decline);
        api.MapGet("/friends", ListFriends);
        api.MapGet("/friends/{userId}", GetFriend);
        api.MapPatch("/friends/{userId}", UpdateFriend);
        api.MapDelete("/friends/{userId}", RemoveFriend);
        api.MapGet("/friend-tags", ListTags);
        api.MapPost("/friend-tags", CreateTag);
        api.MapPut("/friend-tags/{name}", UpdateTag);
        api.MapDelete("/friend-tags/{name}", DeleteTag);
        api.MapGet("/blocks", ListBlocks);
        api.MapPost("/blocks/{userId}", Block);
        api.MapDelete("/blocks/{userId}", Unblock);
        return app;
    }

    private static async Task<Results<Created<SendFriendRequestResponse>, ProblemHttpResult>> SendRequest(
        SendFriendRequest request, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken)
    {
        var result = await contacts.SendRequestAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/friend-requests/{result.Value.RequestId}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<FriendRequestList>, ProblemHttpResult>> ListRequests(
        string? direction, int? limit, string? cursor, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        (await contacts.ListRequestsAsync(user.UserId(), direction, limit, cursor, cancellationToken)).ToOk();

    private static async Task<Results<Ok<FriendRequestInfo>, ProblemHttpResult>> Accept(
        string requestId, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        Ids.TryParse(requestId, out var id)
            ? (await contacts.AcceptAsync(user.UserId(), id, cancellationToken)).ToOk()
            : NoSuchRequest.ToProblem();

    private static async Task<Results<Ok<FriendRequestInfo>, ProblemHttpResult>> Decline(
        string requestId, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        Ids.TryParse(requestId, out var id)
            ? (await contacts.DeclineAsync(user.UserId(), id, cancellationToken)).ToOk()
            : NoSuchRequest.ToProblem();

    private static async Task<Results<Ok<FriendList>, ProblemHttpResult>> ListFriends(
        int? limit, string? cursor, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        (await contacts.ListFriendsAsync(user.UserId(), limit, cursor, cancellationToken)).ToOk();

    private static async Task<Results<Ok<FriendInfo>, ProblemHttpResult>> GetFriend(
        string userId, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        Ids.TryParse(userId, out var id)
            ? (await contacts.GetFriendAsync(user.UserId(), id, cancellationToken)).ToOk()
            : AccountService.UserNotFound.ToProblem();

    private static async Task<Results<Ok<FriendInfo>, ProblemHttpResult>> UpdateFriend(
        string userId, UpdateFriendRequest update, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        Ids.TryParse(userId, out var id)
            ? (await contacts.UpdateFriendAsync(user.UserId(), id, update, cancellationToken)).ToOk()
            : AccountService.UserNotFound.ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveFriend(
        string userId, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        Ids.TryParse(userId, out var id)
            ? (await contacts.RemoveFriendAsync(user.UserId(), id, cancellationToken)).ToNoContent()
            : AccountService.UserNotFound.ToProblem();

    private static async Task<Ok<FriendTagList>> ListTags(ClaimsPrincipal user, FriendTagService tags, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tags.ListAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Created<FriendTagInfo>, ProblemHttpResult>> CreateTag(
        CreateFriendTagRequest request, ClaimsPrincipal user, FriendTagService tags, CancellationToken cancellationToken)
    {
        var result = await tags.CreateAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/friend-tags/{Uri.EscapeDataString(result.Value.Name)}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<FriendTagInfo>, ProblemHttpResult>> UpdateTag(
        string name, UpdateFriendTagRequest update, HttpContext http, ClaimsPrincipal user, FriendTagService tags, CancellationToken cancellationToken) =>
        (await tags.UpdateAsync(user.UserId(), TagName(http, name), update, cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTag(
        string name, HttpContext http, ClaimsPrincipal user, FriendTagService tags, CancellationToken cancellationToken) =>
        (await tags.DeleteAsync(user.UserId(), TagName(http, name), cancellationToken)).ToNoContent();

    /// <summary>
    /// The tag a path names. Servers decode a path before routing except for "%2F", so that an escaped '/' cannot split
    /// a segment; a tag may hold a '/', so its name is decoded from the request's own target where the server keeps it
    /// (Kestrel does), and otherwise by turning the one escape left back into its '/'.
    /// </summary>
    private static string TagName(HttpContext http, string routed)
    {
        if (!routed.Contains('%', StringComparison.Ordinal))
        {
            return routed;
        }

        if (http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } target)
        {
            var path = target.Split('?', 2)[0].TrimEnd('/');
            return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        }

        return routed.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Ok<BlockList>> ListBlocks(ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await contacts.ListBlocksAsync(user.UserId(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> Block(
        string userId, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        Ids.TryParse(userId, out var id)
            ? (await contacts.BlockAsync(user.UserId(), id, cancellationToken)).ToNoContent()
            : AccountService.UserNotFound.ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> Unblock(
        string userId, ClaimsPrincipal user, ContactService contacts, CancellationToken cancellationToken) =>
        Ids.TryParse(userId, out var id)
            ? (await contacts.UnblockAsync(user.UserId(), id, cancellationToken)).ToNoContent()
            : AccountService.UserNotFound.ToProblem();
}
