using System.Security.Claims;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>
/// docs/api.md "Merchants": a merchant's orders on its owner's screens (an operator may look), what is still to
/// settle, and refunds made by hand, which go through the same order grain as the <c>/v3</c> refunds.
/// </summary>
public static class MerchantOrdersApi
{
    public static IEndpointRouteBuilder MapMerchantOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/merchants/{merchantId}/orders").WithTags("Merchants").RequireAuthorization();
        api.MapGet("", ListAsync);
        api.MapGet("/{transactionId}", GetAsync);
        api.MapPost("/{transactionId}/refunds", RefundAsync);
        return app;
    }

    private static async Task<Results<Ok<MerchantOrderList>, ProblemHttpResult>> ListAsync(
        string merchantId, string? cursor, int? limit, ClaimsPrincipal user, MerchantOrders orders, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await orders.ListAsync(user.UserId(), id, cursor, limit, cancellationToken)).ToOk() : MerchantService.NotFound.ToProblem();

    private static async Task<Results<Ok<MerchantOrderInfo>, ProblemHttpResult>> GetAsync(
        string merchantId, string transactionId, ClaimsPrincipal user, MerchantOrders orders, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id) ? (await orders.GetAsync(user.UserId(), id, transactionId, cancellationToken)).ToOk() : MerchantService.NotFound.ToProblem();

    private static async Task<Results<Ok<MerchantRefundInfo>, ProblemHttpResult>> RefundAsync(
        string merchantId, string transactionId, MerchantRefundRequest request, ClaimsPrincipal user, MerchantOrders orders, CancellationToken cancellationToken) =>
        Ids.TryParse(merchantId, out var id)
            ? (await orders.RefundAsync(user.UserId(), id, transactionId, request, cancellationToken)).ToOk()
            : MerchantService.NotFound.ToProblem();
}
