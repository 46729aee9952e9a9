using System.Security.Claims;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Broadcasts;
using Hutong.OfficialAccounts.Developer;
using Hutong.OfficialAccounts.Articles;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Menus;
using Hutong.OfficialAccounts.QrCodes;
using Hutong.OfficialAccounts.Replies;
using Hutong.OfficialAccounts.Threads;
using Hutong.OfficialAccounts.WebAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.OfficialAccounts;

/// <summary>docs/api.md "Official accounts": the studio's side, the follower's side and the operators' review.</summary>
public static class OfficialAccountsApi
{
    public static IEndpointRouteBuilder MapOfficialAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/official-accounts").WithTags("Official accounts").RequireAuthorization();
        api.MapPost("/", Create);
        api.MapGet("/", Search);
        api.MapGet("/mine", Mine);
        api.MapGet("/following", Following);
        api.MapGet("/{accountId}", Get);
        api.MapPatch("/{accountId}", Update);
        api.MapPost("/{accountId}/secret", ResetSecret);
        api.MapGet("/{accountId}/qr", Qr);
        api.MapPut("/{accountId}/follow", Follow);
        api.MapPatch("/{accountId}/follow", UpdateFollow);
        api.MapDelete("/{accountId}/follow", Unfollow);
        api.MapPost("/{accountId}/reports", Report);
        api.MapGet("/{accountId}/followers", Followers);
        api.MapPatch("/{accountId}/followers/{openId}", UpdateFollower);
        api.MapGet("/{accountId}/tags", Tags);
        api.MapPost("/{accountId}/tags", CreateTag);
        api.MapPatch("/{accountId}/tags/{tagId:int}", RenameTag);
        api.MapDelete("/{accountId}/tags/{tagId:int}", DeleteTag);
        api.MapGet("/threads", Threads);
        api.MapGet("/{accountId}/messages", Thread);
        api.MapGet("/{accountId}/history", History);
        api.MapPost("/{accountId}/messages", Send);
        api.MapPost("/{accountId}/messages/read", ReadThread);
        api.MapGet("/{accountId}/followers/{openId}/messages", FollowerThread);
        api.MapPost("/{accountId}/followers/{openId}/messages", Reply);
        api.MapGet("/{accountId}/broadcasts", Broadcasts);
        api.MapPost("/{accountId}/broadcasts", Broadcast);
        api.MapGet("/{accountId}/developer", Developer);
        api.MapPut("/{accountId}/developer", SaveDeveloper);
        api.MapPost("/{accountId}/developer/verify", VerifyDeveloper);
        api.MapDelete("/{accountId}/developer", DisableDeveloper);

        var admin = app.MapGroup("/api/v1/admin/official-accounts").WithTags("Operators").RequireAuthorization();
        admin.MapGet("/", ReviewQueue);
        admin.MapGet("/summary", ReviewSummary);
        admin.MapGet("/reports", Reported);
        admin.MapPost("/{accountId}/reports/dismiss", DismissReports);
        admin.MapPost("/{accountId}/approve", Approve);
        admin.MapPost("/{accountId}/reject", Reject);

        app.MapOfficialAccountArticles();
        app.MapOfficialAccountAutoReplies();
        app.MapOfficialAccountMenus();
        app.MapOfficialAccountQrCodes();
        app.MapWebAuthApi();
        return app;
    }

    private static async Task<Results<Created<CreatedOfficialAccount>, ProblemHttpResult>> Create(
        CreateOfficialAccountRequest request, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/official-accounts/{result.Value.Account.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Ok<OfficialAccountList>> Search(
        string? q, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.SearchAsync(user.UserId(), q, cancellationToken));

    private static async Task<Ok<OfficialAccountList>> Mine(ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.OwnedAsync(user.UserId(), cancellationToken));

    private static async Task<Ok<OfficialAccountList>> Following(ClaimsPrincipal user, FollowService follows, CancellationToken cancellationToken) =>
        TypedResults.Ok(await follows.FollowingAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<OfficialAccountInfo>, ProblemHttpResult>> Get(
        string accountId, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await accounts.GetAsync(user.UserId(), id, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<OfficialAccountInfo>, ProblemHttpResult>> Update(
        string accountId, UpdateOfficialAccountRequest request, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await accounts.UpdateAsync(user.UserId(), id, request, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<AppSecretResponse>, ProblemHttpResult>> ResetSecret(
        string accountId, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await accounts.ResetSecretAsync(user.UserId(), id, cancellationToken)).ToOk() : NoAccount();

    /// <summary>The account's own code (its profile): <c>?format=png</c> (default) or <c>svg</c>.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Qr(
        string accountId, string? format, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(accountId, out var id) || await accounts.VisibleAsync(user.UserId(), id, cancellationToken) is null)
        {
            return NoAccount();
        }

        var link = DeepLinks.OfficialAccount(id);
        return format?.ToLowerInvariant() switch
        {
            null or "" or "png" => TypedResults.File(Core.Qr.QrCodes.Png(link), "image/png"),
            "svg" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Core.Qr.QrCodes.Svg(link)), "image/svg+xml"),
            _ => BadFormat(),
        };
    }

    /// <summary>A follow, through a parameter code when the request carries its ticket (which must be the account's, and live).</summary>
    private static async Task<Results<Ok<OfficialAccountInfo>, ProblemHttpResult>> Follow(
        string accountId, FollowRequest? request, ClaimsPrincipal user, FollowService follows, QrCodeService codes, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(accountId, out var id))
        {
            return NoAccount();
        }

        request ??= new FollowRequest();
        QrScene? scene = null;
        if (request.Ticket is not null)
        {
            var found = await codes.SceneAsync(id, request.Ticket, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error.ToProblem();
            }

            scene = found.Value;
        }

        return (await follows.FollowAsync(user.UserId(), id, request, scene, cancellationToken)).ToOk();
    }

    private static async Task<Results<Ok<OfficialAccountInfo>, ProblemHttpResult>> UpdateFollow(
        string accountId, UpdateFollowRequest request, ClaimsPrincipal user, FollowService follows, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await follows.UpdateAsync(user.UserId(), id, request, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<NoContent, ProblemHttpResult>> Unfollow(
        string accountId, ClaimsPrincipal user, FollowService follows, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await follows.UnfollowAsync(user.UserId(), id, cancellationToken)).ToNoContent() : NoAccount();

    private static async Task<Results<NoContent, ProblemHttpResult>> Report(
        string accountId, ReportOfficialAccountRequest request, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await accounts.ReportAsync(user.UserId(), id, request, cancellationToken)).ToNoContent() : NoAccount();

    private static async Task<Results<Ok<FollowerPage>, ProblemHttpResult>> Followers(
        string accountId, string? cursor, int? limit, ClaimsPrincipal user, FollowService follows, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await follows.FollowersAsync(user.UserId(), id, cursor, limit, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<FollowerInfo>, ProblemHttpResult>> UpdateFollower(
        string accountId, string openId, UpdateFollowerRequest request, ClaimsPrincipal user,
        OfficialAccountService accounts, FollowerTagService tags, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        return managed.IsSuccess ? (await tags.UpdateFollowerAsync(managed.Value, openId, request, cancellationToken)).ToOk() : managed.Error.ToProblem();
    }

    private static async Task<Results<Ok<FollowerTagList>, ProblemHttpResult>> Tags(
        string accountId, ClaimsPrincipal user, OfficialAccountService accounts, FollowerTagService tags, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        return managed.IsSuccess ? TypedResults.Ok(await tags.ListAsync(managed.Value, cancellationToken)) : managed.Error.ToProblem();
    }

    private static async Task<Results<Ok<FollowerTagInfo>, ProblemHttpResult>> CreateTag(
        string accountId, FollowerTagRequest request, ClaimsPrincipal user, OfficialAccountService accounts, FollowerTagService tags, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        return managed.IsSuccess ? (await tags.CreateAsync(managed.Value, request.Name, cancellationToken)).ToOk() : managed.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RenameTag(
        string accountId, int tagId, FollowerTagRequest request, ClaimsPrincipal user, OfficialAccountService accounts, FollowerTagService tags, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        return managed.IsSuccess ? (await tags.RenameAsync(managed.Value, tagId, request.Name, cancellationToken)).ToNoContent() : managed.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTag(
        string accountId, int tagId, ClaimsPrincipal user, OfficialAccountService accounts, FollowerTagService tags, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        return managed.IsSuccess ? (await tags.DeleteAsync(managed.Value, tagId, cancellationToken)).ToNoContent() : managed.Error.ToProblem();
    }

    private static async Task<Ok<AccountThreadList>> Threads(ClaimsPrincipal user, ThreadService threads, CancellationToken cancellationToken) =>
        TypedResults.Ok(await threads.ThreadsAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<AccountThread>, ProblemHttpResult>> Thread(
        string accountId, string? cursor, int? limit, ClaimsPrincipal user, ThreadService threads, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await threads.ThreadAsync(user.UserId(), id, cursor, limit, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<AccountThread>, ProblemHttpResult>> History(
        string accountId, string? cursor, int? limit, ClaimsPrincipal user, ThreadService threads, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await threads.HistoryAsync(user.UserId(), id, cursor, limit, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Created<AccountMessage>, Ok<AccountMessage>, ProblemHttpResult>> Send(
        string accountId, SendToAccountRequest request, ClaimsPrincipal user, ThreadService threads, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(accountId, out var id))
        {
            return NoAccount();
        }

        var result = await threads.SendAsync(user.UserId(), id, request, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (message, created) = result.Value;
        return created ? TypedResults.Created($"/api/v1/official-accounts/{accountId}/messages", message) : TypedResults.Ok(message);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadThread(
        string accountId, ReadAccountThreadRequest request, ClaimsPrincipal user, ThreadService threads, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await threads.MarkReadAsync(user.UserId(), id, request, cancellationToken)).ToNoContent() : NoAccount();

    private static async Task<Results<Ok<AccountThread>, ProblemHttpResult>> FollowerThread(
        string accountId, string openId, string? cursor, int? limit, ClaimsPrincipal user, ThreadService threads, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await threads.FollowerThreadAsync(user.UserId(), id, openId, cursor, limit, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<AccountMessage>, ProblemHttpResult>> Reply(
        string accountId, string openId, AccountReplyRequest request, ClaimsPrincipal user, ThreadService threads, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await threads.StudioReplyAsync(user.UserId(), id, openId, request, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<BroadcastList>, ProblemHttpResult>> Broadcasts(
        string accountId, ClaimsPrincipal user, BroadcastService broadcasts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await broadcasts.ListAsync(user.UserId(), id, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Created<BroadcastInfo>, Ok<BroadcastInfo>, ProblemHttpResult>> Broadcast(
        string accountId, BroadcastRequest request, ClaimsPrincipal user, BroadcastService broadcasts, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(accountId, out var id))
        {
            return NoAccount();
        }

        var result = await broadcasts.SendAsync(user.UserId(), id, request, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (broadcast, created) = result.Value;
        return created ? TypedResults.Created($"/api/v1/official-accounts/{accountId}/broadcasts/{broadcast.Id}", broadcast) : TypedResults.Ok(broadcast);
    }

    private static async Task<Results<Ok<DeveloperSettingsInfo>, NoContent, ProblemHttpResult>> Developer(
        string accountId, ClaimsPrincipal user, DeveloperService developer, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(accountId, out var id))
        {
            return NoAccount();
        }

        var result = await developer.GetAsync(user.UserId(), id, cancellationToken);
        return !result.IsSuccess ? result.Error.ToProblem() : result.Value is { } settings ? TypedResults.Ok(settings) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DeveloperSettingsInfo>, ProblemHttpResult>> SaveDeveloper(
        string accountId, DeveloperSettingsRequest request, ClaimsPrincipal user, DeveloperService developer, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await developer.SaveAsync(user.UserId(), id, request, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<DeveloperSettingsInfo>, ProblemHttpResult>> VerifyDeveloper(
        string accountId, ClaimsPrincipal user, DeveloperService developer, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await developer.VerifyAsync(user.UserId(), id, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<NoContent, ProblemHttpResult>> DisableDeveloper(
        string accountId, ClaimsPrincipal user, DeveloperService developer, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await developer.DisableAsync(user.UserId(), id, cancellationToken)).ToNoContent() : NoAccount();

    private static async Task<Results<Ok<OfficialAccountList>, ProblemHttpResult>> ReviewQueue(
        ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        (await accounts.ReviewQueueAsync(user.UserId(), cancellationToken)).ToOk();

    private static async Task<Results<Ok<OfficialAccountInfo>, ProblemHttpResult>> Approve(
        string accountId, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await accounts.ReviewAsync(user.UserId(), id, approve: true, null, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<OfficialAccountInfo>, ProblemHttpResult>> Reject(
        string accountId, RejectOfficialAccountRequest request, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await accounts.ReviewAsync(user.UserId(), id, approve: false, request.Reason, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Ok<ReviewSummary>> ReviewSummary(ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await accounts.ReviewSummaryAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<ReportedAccountList>, ProblemHttpResult>> Reported(
        ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        (await accounts.ReportedAsync(user.UserId(), cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DismissReports(
        string accountId, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await accounts.DismissReportsAsync(user.UserId(), id, cancellationToken)).ToNoContent() : NoAccount();

    private static async Task<Result<OfficialAccount>> ManagedAsync(
        string accountId, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? await accounts.ManagedAsync(user.UserId(), id, cancellationToken) : OfficialAccountService.NotFound;

    private static ProblemHttpResult NoAccount() => OfficialAccountService.NotFound.ToProblem();

    private static ProblemHttpResult BadFormat()
    {
        var errors = new FieldErrors();
        errors.Add("format", "format is png or svg.");
        return errors.ToError().ToProblem();
    }
}
