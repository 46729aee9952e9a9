using System.Security.Claims;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Hutong.OfficialAccounts.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.OfficialAccounts.QrCodes;

/// <summary>
/// docs/api.md "Parameter QR codes": the studio makes and lists an account's codes; a person who scanned one reports
/// the scan (and follows through it with <c>PUT .../follow {ticket}</c>).
/// </summary>
internal static class QrCodesApi
{
    public static IEndpointRouteBuilder MapOfficialAccountQrCodes(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/official-accounts/{accountId}").WithTags("Official accounts").RequireAuthorization();
        api.MapPost("/qr-codes", Create);
        api.MapGet("/qr-codes", List);
        api.MapPost("/scans", Scan);
        return app;
    }

    private static async Task<Results<Created<QrCodeInfo>, Ok<QrCodeInfo>, ProblemHttpResult>> Create(
        string accountId, CreateQrCodeRequest request, HttpRequest http, ClaimsPrincipal user, OfficialAccountService accounts, QrCodeService codes,
        CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error.ToProblem();
        }

        var created = await codes.CreateAsync(managed.Value, request, cancellationToken);
        if (!created.IsSuccess)
        {
            return created.Error.ToProblem();
        }

        var info = Info(QrLinks.Origin(http), created.Value.Code);
        return created.Value.Created ? TypedResults.Created(info.ImageUrl, info) : TypedResults.Ok(info);
    }

    private static async Task<Results<Ok<QrCodeList>, ProblemHttpResult>> List(
        string accountId, int? limit, string? cursor, HttpRequest http, ClaimsPrincipal user, OfficialAccountService accounts, QrCodeService codes,
        CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error.ToProblem();
        }

        var page = await codes.ListAsync(managed.Value, cursor, limit, cancellationToken);
        if (!page.IsSuccess)
        {
            return page.Error.ToProblem();
        }

        var origin = QrLinks.Origin(http);
        return TypedResults.Ok(new QrCodeList([.. page.Value.Codes.Select(c => Info(origin, c))], page.Value.NextCursor));
    }

    private static async Task<Results<Ok<OfficialAccountInfo>, ProblemHttpResult>> Scan(
        string accountId, ScanQrCodeRequest request, ClaimsPrincipal user, QrCodeService codes, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id)
            ? (await codes.ScanAsync(user.UserId(), id, request.Ticket, cancellationToken)).ToOk()
            : OfficialAccountService.NotFound.ToProblem();

    private static QrCodeInfo Info(string origin, QrCode code) => new(
        code.Ticket, code.Permanent, code.SceneId, code.SceneStr, code.CreatedAt, code.ExpiresAt,
        QrLinks.Url(origin, code), QrLinks.ImageUrl(origin, code.Ticket), code.Scans, code.Follows);

    private static async Task<Result<OfficialAccount>> ManagedAsync(
        string accountId, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? await accounts.ManagedAsync(user.UserId(), id, cancellationToken) : OfficialAccountService.NotFound;
}
