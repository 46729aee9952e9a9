using System.Security.Claims;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Wallet.Merchants;

/// <summary>docs/api.md "Merchants": the owner's side of a merchant, and the operators' review and platform keys.</summary>
public static class MerchantApi
{
    public static IEndpointRouteBuilder MapMerchantApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/merchants").WithTags("Merchants").RequireAuthorization();
        api.MapPost("", Create);
        api.MapGet("", Mine);
        api.MapGet("/{merchantId}", Get);
        api.MapPut("/{merchantId}/api-v3-key", SetApiV3Key);
        api.MapPost("/{merchantId}/keys", AddKey);
        api.MapDelete("/{merchantId}/keys/{serialNo}", RevokeKey);
        api.MapPut("/{merchantId}/apps/{appId}", BindApp);
        api.MapDelete("/{merchantId}/apps/{appId}", UnbindApp);
        api.MapGet("/{merchantId}/balance", Balance);
        api.MapPost("/{merchantId}/payouts", PayOut);

        var admin = app.MapGroup("/api/v1/admin").WithTags("Operators").RequireAuthorization();
        admin.MapGet("/merchants", ReviewQueue);
        admin.MapPost("/merchants/{merchantId}/approve", Approve);
        admin.MapPost("/merchants/{merchantId}/reject", Reject);
        admin.MapPost("/payments/platform-keys/rotate", RotatePlatformKey);
        return app;
    }

    private static async Task<Results<Created<MerchantInfo>, ProblemHttpResult>> Create(
        CreateMerchantRequest request, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken)
    {
        var result = await merchants.CreateAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/merchants/{result.Value.MerchantId}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Ok<MerchantList>> Mine(ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        TypedResults.Ok(await merchants.MineAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<MerchantInfo>, ProblemHttpResult>> Get(
        string merchantId, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await merchants.GetAsync(user.UserId(), id, cancellationToken)).ToOk() : NoMerchant();

    private static async Task<Results<NoContent, ProblemHttpResult>> SetApiV3Key(
        string merchantId, SetApiV3KeyRequest request, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await merchants.SetApiV3KeyAsync(user.UserId(), id, request, cancellationToken)).ToNoContent() : NoMerchant();

    private static async Task<Results<Created<MerchantKeyInfo>, ProblemHttpResult>> AddKey(
        string merchantId, AddMerchantKeyRequest request, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(merchantId, out var id))
        {
            return NoMerchant();
        }

        var result = await merchants.AddKeyAsync(user.UserId(), id, request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/merchants/{merchantId}/keys/{result.Value.SerialNo}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(
        string merchantId, string serialNo, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await merchants.RevokeKeyAsync(user.UserId(), id, serialNo, cancellationToken)).ToNoContent() : NoMerchant();

    private static async Task<Results<NoContent, ProblemHttpResult>> BindApp(
        string merchantId, string appId, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await merchants.BindAppAsync(user.UserId(), id, appId, cancellationToken)).ToNoContent() : NoMerchant();

    private static async Task<Results<NoContent, ProblemHttpResult>> UnbindApp(
        string merchantId, string appId, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await merchants.UnbindAppAsync(user.UserId(), id, appId, cancellationToken)).ToNoContent() : NoMerchant();

    private static async Task<Results<Ok<MerchantBalance>, ProblemHttpResult>> Balance(
        string merchantId, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await merchants.BalanceAsync(user.UserId(), id, cancellationToken)).ToOk() : NoMerchant();

    private static async Task<Results<Created<MerchantPayoutReceipt>, ProblemHttpResult>> PayOut(
        string merchantId, MerchantPayoutRequest request, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(merchantId, out var id))
        {
            return NoMerchant();
        }

        var result = await merchants.PayOutAsync(user.UserId(), id, request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/merchants/{merchantId}/balance", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MerchantList>, ProblemHttpResult>> ReviewQueue(
        string? state, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        (await merchants.ListByStateAsync(user.UserId(), state, cancellationToken)).ToOk();

    private static async Task<Results<Ok<MerchantInfo>, ProblemHttpResult>> Approve(
        string merchantId, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await merchants.ReviewAsync(user.UserId(), id, approve: true, null, cancellationToken)).ToOk() : NoMerchant();

    private static async Task<Results<Ok<MerchantInfo>, ProblemHttpResult>> Reject(
        string merchantId, RejectMerchantRequest request, ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id)
            ? (await merchants.ReviewAsync(user.UserId(), id, approve: false, request.Reason, cancellationToken)).ToOk()
            : NoMerchant();

    private static async Task<Results<Ok<PlatformKeyRotated>, ProblemHttpResult>> RotatePlatformKey(
        ClaimsPrincipal user, MerchantService merchants, CancellationToken cancellationToken) =>
        (await merchants.RotatePlatformKeyAsync(user.UserId(), cancellationToken)).ToOk();

    private static ProblemHttpResult NoMerchant() => MerchantService.NotFound.ToProblem();
}
