using System.Security.Claims;
using Hutong.Contracts.Wallet;
using Hutong.Core.Http;
using Hutong.Wallet.RedPackets;
using Hutong.Wallet.Transfers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Wallet;

/// <summary>docs/api.md "Wallet and red packets": the caller's own wallet only; there is no way to name another's.</summary>
public static class WalletApi
{
    public static IEndpointRouteBuilder MapWalletApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/wallet").WithTags("Wallet").RequireAuthorization();
        api.MapGet("", Get);
        api.MapPut("/pin", SetPin);
        api.MapPost("/top-ups", TopUp);
        api.MapPost("/withdrawals", Withdraw);
        api.MapGet("/transactions", List);

        var transfers = app.MapGroup("/api/v1/transfers").WithTags("Wallet").RequireAuthorization();
        transfers.MapPost("", SendTransfer);
        transfers.MapGet("/{id}", GetTransfer);
        transfers.MapPost("/{id}/accept", AcceptTransfer);
        transfers.MapPost("/{id}/decline", DeclineTransfer);

        var packets = app.MapGroup("/api/v1/red-packets").WithTags("Wallet").RequireAuthorization();
        packets.MapPost("", SendRedPacket);
        packets.MapGet("/{id}", GetRedPacket);
        packets.MapPost("/{id}/open", OpenRedPacket);
        return app;
    }

    private static async Task<Ok<WalletInfo>> Get(ClaimsPrincipal user, WalletService wallet, CancellationToken cancellationToken) =>
        TypedResults.Ok(await wallet.GetAsync(user.UserId(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> SetPin(
        SetPinRequest request, ClaimsPrincipal user, WalletService wallet, CancellationToken cancellationToken) =>
        (await wallet.SetPinAsync(user.UserId(), request, cancellationToken)).ToNoContent();

    private static async Task<Results<Created<WalletReceipt>, ProblemHttpResult>> TopUp(
        TopUpRequest request, ClaimsPrincipal user, WalletService wallet, CancellationToken cancellationToken)
    {
        var result = await wallet.TopUpAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created("/api/v1/wallet/transactions", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<WalletReceipt>, ProblemHttpResult>> Withdraw(
        WithdrawalRequest request, ClaimsPrincipal user, WalletService wallet, CancellationToken cancellationToken)
    {
        var result = await wallet.WithdrawAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created("/api/v1/wallet/transactions", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<WalletEntryList>, ProblemHttpResult>> List(
        ClaimsPrincipal user, WalletService wallet, string? cursor, int? limit, CancellationToken cancellationToken) =>
        (await wallet.ListAsync(user.UserId(), cursor, limit, cancellationToken)).ToOk();

    private static async Task<Results<Created<TransferInfo>, ProblemHttpResult>> SendTransfer(
        SendTransferRequest request, ClaimsPrincipal user, TransferService transfers, CancellationToken cancellationToken)
    {
        var result = await transfers.SendAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/transfers/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<TransferInfo>, ProblemHttpResult>> GetTransfer(
        string id, ClaimsPrincipal user, TransferService transfers, CancellationToken cancellationToken) =>
        (await transfers.GetAsync(user.UserId(), id, cancellationToken)).ToOk();

    private static async Task<Results<Ok<TransferInfo>, ProblemHttpResult>> AcceptTransfer(
        string id, ClaimsPrincipal user, TransferService transfers, CancellationToken cancellationToken) =>
        (await transfers.AcceptAsync(user.UserId(), id, cancellationToken)).ToOk();

    private static async Task<Results<Ok<TransferInfo>, ProblemHttpResult>> DeclineTransfer(
        string id, ClaimsPrincipal user, TransferService transfers, CancellationToken cancellationToken) =>
        (await transfers.DeclineAsync(user.UserId(), id, cancellationToken)).ToOk();

    private static async Task<Results<Created<RedPacketInfo>, ProblemHttpResult>> SendRedPacket(
        SendRedPacketRequest request, ClaimsPrincipal user, RedPacketService packets, CancellationToken cancellationToken)
    {
        var result = await packets.SendAsync(user.UserId(), request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/red-packets/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RedPacketInfo>, ProblemHttpResult>> GetRedPacket(string id, ClaimsPrincipal user, RedPacketService packets) =>
        (await packets.GetAsync(user.UserId(), id)).ToOk();

    private static async Task<Results<Ok<RedPacketOpened>, ProblemHttpResult>> OpenRedPacket(string id, ClaimsPrincipal user, RedPacketService packets) =>
        (await packets.OpenAsync(user.UserId(), id)).ToOk();
}
