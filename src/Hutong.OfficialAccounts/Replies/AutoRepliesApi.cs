using System.Security.Claims;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Http;
using Hutong.OfficialAccounts.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.OfficialAccounts.Replies;

/// <summary>docs/api.md "Auto-replies": the account's admins read and replace its auto-replies.</summary>
public static class AutoRepliesApi
{
    public static IEndpointRouteBuilder MapOfficialAccountAutoReplies(this IEndpointRouteBuilder app)
    {
        var studio = app.MapGroup("/api/v1/official-accounts/{accountId}/auto-replies").WithTags("Official accounts").RequireAuthorization();
        studio.MapGet("/", Get);
        studio.MapPut("/", Save);
        return app;
    }

    private static async Task<Results<Ok<AutoRepliesInfo>, ProblemHttpResult>> Get(
        string accountId, ClaimsPrincipal user, AutoReplyService replies, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await replies.GetAsync(user.UserId(), id, cancellationToken)).ToOk() : OfficialAccountService.NotFound.ToProblem();

    private static async Task<Results<Ok<AutoRepliesInfo>, ProblemHttpResult>> Save(
        string accountId, AutoRepliesRequest request, ClaimsPrincipal user, AutoReplyService replies, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await replies.SaveAsync(user.UserId(), id, request, cancellationToken)).ToOk() : OfficialAccountService.NotFound.ToProblem();
}
