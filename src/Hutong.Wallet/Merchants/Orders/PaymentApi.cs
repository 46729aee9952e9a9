using System.Security.Claims;
using Hutong.Contracts.Wallet;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>
/// docs/api.md "Payments": the paying person's side. A preview shows the cashier what it is about to pay, once the
/// merchant's signature says the merchant asked for it; paying needs the PIN. Only the payer sees a payment after.
/// </summary>
public static class PaymentApi
{
    public static IEndpointRouteBuilder MapPaymentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/payments").WithTags("Payments").RequireAuthorization();
        api.MapPost("/preview", PreviewAsync);
        api.MapPost("", PayAsync);
        api.MapPost("/native/preview", PreviewNativeAsync);
        api.MapPost("/native", PayNativeAsync);
        api.MapGet("/{transactionId}", GetAsync);
        return app;
    }

    private static async Task<Results<Ok<PaymentPreview>, ProblemHttpResult>> PreviewAsync(
        PayRequest request, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken) =>
        (await orders.PreviewAsync(user.UserId(), request, cancellationToken)).ToOk();

    private static async Task<Results<Ok<PaymentResult>, ProblemHttpResult>> PayAsync(
        PayRequest request, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken) =>
        (await orders.PayAsync(user.UserId(), request, cancellationToken)).ToOk();

    private static async Task<Results<Ok<PaymentPreview>, ProblemHttpResult>> PreviewNativeAsync(
        NativePaymentRequest request, OrderService orders, CancellationToken cancellationToken) =>
        (await orders.PreviewNativeAsync(request, cancellationToken)).ToOk();

    private static async Task<Results<Ok<PaymentResult>, ProblemHttpResult>> PayNativeAsync(
        NativePaymentRequest request, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken) =>
        (await orders.PayNativeAsync(user.UserId(), request, cancellationToken)).ToOk();

    private static async Task<Results<Ok<PaymentResult>, ProblemHttpResult>> GetAsync(
        string transactionId, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken) =>
        (await orders.GetPaymentAsync(user.UserId(), transactionId, cancellationToken)).ToOk();
}
