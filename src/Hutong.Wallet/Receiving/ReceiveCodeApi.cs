using System.Security.Claims;
using System.Text;
using Hutong.Contracts.Wallet;
using Hutong.Core.Http;
using Hutong.Core.Qr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Wallet.Receiving;

/// <summary>
/// docs/api.md "Receive codes": the caller's own code (as JSON, or drawn as a QR code), its reset, and paying someone
/// else's, scanned.
/// </summary>
public static class ReceiveCodeApi
{
    public static IEndpointRouteBuilder MapReceiveCodeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/wallet/receive-code").WithTags("Wallet").RequireAuthorization();
        api.MapGet("", GetAsync);
        api.MapPost("/reset", ResetAsync);
        api.MapPost("/preview", PreviewAsync);
        api.MapPost("/payments", PayAsync);
        return app;
    }

    private static async Task<Results<Ok<ReceiveCodeInfo>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal user, ReceiveCodeService codes, string? format, long? amount, CancellationToken cancellationToken)
    {
        if (format?.ToLowerInvariant() is not (null or "" or "json" or "png" or "svg"))
        {
            return WalletErrors.Invalid("format", "format is json, png or svg.").ToProblem();
        }

        var code = await codes.GetAsync(user.UserId(), amount, cancellationToken);
        if (!code.IsSuccess)
        {
            return code.Error.ToProblem();
        }

        return format?.ToLowerInvariant() switch
        {
            "png" => TypedResults.File(QrCodes.Png(code.Value.CodeUrl), "image/png"),
            "svg" => TypedResults.File(Encoding.UTF8.GetBytes(QrCodes.Svg(code.Value.CodeUrl)), "image/svg+xml"),
            _ => TypedResults.Ok(code.Value),
        };
    }

    private static async Task<Ok<ReceiveCodeInfo>> ResetAsync(ClaimsPrincipal user, ReceiveCodeService codes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await codes.ResetAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<ReceiveCodePreview>, ProblemHttpResult>> PreviewAsync(
        ReceiveCodePreviewRequest request, ClaimsPrincipal user, ReceiveCodeService codes, CancellationToken cancellationToken) =>
        (await codes.PreviewAsync(user.UserId(), request, cancellationToken)).ToOk();

    private static async Task<Results<Created<ReceiveCodePayment>, ProblemHttpResult>> PayAsync(
        PayByCodeRequest request, ClaimsPrincipal user, ReceiveCodeService codes, CancellationToken cancellationToken)
    {
        var result = await codes.PayAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created("/api/v1/wallet/transactions", result.Value) : result.Error.ToProblem();
    }
}
