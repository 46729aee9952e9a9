using System.Security.Claims;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Http;
using Hutong.OfficialAccounts.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.OfficialAccounts.Menus;

/// <summary>
/// docs/api.md "Menus": the account's admins edit its menu; followers read it (without click replies) and use it.
/// </summary>
public static class MenusApi
{
    public static IEndpointRouteBuilder MapOfficialAccountMenus(this IEndpointRouteBuilder app)
    {
        var menu = app.MapGroup("/api/v1/official-accounts/{accountId}/menu").WithTags("Official accounts").RequireAuthorization();
        menu.MapGet("/", Get);
        menu.MapPut("/", Save);
        menu.MapDelete("/", Delete);
        menu.MapPost("/clicks", Click);
        return app;
    }

    private static async Task<Results<Ok<AccountMenu>, ProblemHttpResult>> Get(
        string accountId, ClaimsPrincipal user, MenuService menus, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await menus.GetAsync(user.UserId(), id, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<Ok<AccountMenu>, ProblemHttpResult>> Save(
        string accountId, AccountMenu request, ClaimsPrincipal user, MenuService menus, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await menus.SaveAsync(user.UserId(), id, request, cancellationToken)).ToOk() : NoAccount();

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string accountId, ClaimsPrincipal user, MenuService menus, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await menus.DeleteAsync(user.UserId(), id, cancellationToken)).ToNoContent() : NoAccount();

    private static async Task<Results<NoContent, ProblemHttpResult>> Click(
        string accountId, MenuClickRequest request, ClaimsPrincipal user, MenuService menus, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? (await menus.ClickAsync(user.UserId(), id, request, cancellationToken)).ToNoContent() : NoAccount();

    private static ProblemHttpResult NoAccount() => OfficialAccountService.NotFound.ToProblem();
}
