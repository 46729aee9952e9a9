using System.Security.Claims;
using Hutong.Contracts.Wallet;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Wallet.Merchants.PayerNotices;

/// <summary>docs/api.md "Pay notices": the caller's own, and nobody else's.</summary>
public static class PaymentNoticeApi
{
    public static IEndpointRouteBuilder MapPaymentNoticeApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/wallet/notices").WithTags("Wallet").RequireAuthorization().MapGet("", List);
        return app;
    }

    private static async Task<Results<Ok<PaymentNoticeList>, ProblemHttpResult>> List(
        ClaimsPrincipal user, PaymentNoticeService notices, string? cursor, int? limit, CancellationToken cancellationToken) =>
        (await notices.ListAsync(user.UserId(), cursor, limit, cancellationToken)).ToOk();
}
