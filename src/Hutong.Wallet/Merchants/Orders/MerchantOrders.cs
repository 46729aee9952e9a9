using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Errors;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>The owner's view of a merchant's orders, and refunds from its screen.</summary>
public sealed class MerchantOrders(MerchantService merchants, IOrderStore orders, IGrainFactory grains)
{
    private static readonly Error OrderNotFound = Error.NotFound(ErrorCodes.OrderNotFound, "No such order of this merchant.");

    public async Task<Result<MerchantOrderList>> ListAsync(Guid me, Guid merchantId, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (await merchants.VisibleAsync(me, merchantId, cancellationToken) is null)
        {
            return MerchantService.NotFound;
        }

        var wanted = WalletInput.Page(limit, cursor);
        if (!wanted.IsSuccess)
        {
            return wanted.Error;
        }

        var (size, after) = wanted.Value;
        var page = await orders.ListByMerchantAsync(merchantId, after, size, cancellationToken);
        var next = page.Count == size ? new TimeCursor(page[^1].CreatedAt, page[^1].Id.ToString()).Encode() : null;
        return new MerchantOrderList([.. page.Select(o => Info(o, null))], next);
    }

    public async Task<Result<MerchantOrderInfo>> GetAsync(Guid me, Guid merchantId, string transactionId, CancellationToken cancellationToken)
    {
        var order = await FindAsync(me, merchantId, transactionId, owned: false, cancellationToken);
        return order.IsSuccess ? Info(order.Value, await orders.ListRefundsAsync(order.Value.Id, cancellationToken)) : order.Error;
    }

    public async Task<Result<MerchantRefundInfo>> RefundAsync(Guid me, Guid merchantId, string transactionId, MerchantRefundRequest request, CancellationToken cancellationToken)
    {
        var order = await FindAsync(me, merchantId, transactionId, owned: true, cancellationToken);
        if (!order.IsSuccess)
        {
            return order.Error;
        }

        var errors = new FieldErrors();
        if (!OrderNumbers.IsMerchantNumber(request.OutRefundNo, 64))
        {
            errors.Add("outRefundNo", "6 to 64 of letters, digits, _ - | *.");
        }

        if (request.Amount <= 0)
        {
            errors.Add("amount", "A refund is at least 0.01.");
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > 80 })
        {
            errors.Add("reason", "At most 80 characters.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var hash = OrderService.Hash(order.Value.Id.ToString("N"), request.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            order.Value.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, null);
        var refunded = await grains.GetGrain<IOrderGrain>(order.Value.Id)
            .RefundAsync(new RefundCommand(request.OutRefundNo, request.Amount, order.Value.Amount, reason, null, hash));
        if (!refunded.IsSuccess)
        {
            // The order's refusals speak WeChat Pay's codes; the owner's screen gets Hutong's.
            return refunded.Error.Code switch
            {
                V3.WeChatPayCodes.NotEnough => WalletErrors.InsufficientFunds,
                V3.WeChatPayCodes.InvalidRequest when refunded.Error.Title.StartsWith("out_refund_no", StringComparison.Ordinal) => WalletErrors.IdempotencyConflict,
                _ => Error.Conflict(ErrorCodes.RefundRefused, "The order cannot take this refund.", refunded.Error.Title),
            };
        }

        var refund = (await orders.ListRefundsAsync(order.Value.Id, cancellationToken)).Single(r => r.Id == refunded.Value);
        return RefundInfo(refund);
    }

    private async Task<Result<MerchantOrder>> FindAsync(Guid me, Guid merchantId, string transactionId, bool owned, CancellationToken cancellationToken)
    {
        if (owned)
        {
            var merchant = await merchants.OwnedAsync(me, merchantId, cancellationToken);
            if (!merchant.IsSuccess)
            {
                return merchant.Error;
            }
        }
        else if (await merchants.VisibleAsync(me, merchantId, cancellationToken) is null)
        {
            return MerchantService.NotFound;
        }

        var order = transactionId.Length <= 32 ? await orders.FindByTransactionIdAsync(transactionId, cancellationToken) : null;
        return order is not null && order.MerchantId == merchantId ? order : OrderNotFound;
    }

    private static MerchantOrderInfo Info(MerchantOrder order, IReadOnlyList<MerchantRefund>? refunds) => new(
        order.TransactionId, order.OutTradeNo, order.TradeType, order.AppId, order.Description, order.Amount, order.Currency, order.State,
        order.RefundedAmount, order.CreatedAt, order.ExpiresAt, order.PaidAt, order.SettledAt, refunds?.Select(RefundInfo).ToList());

    private static MerchantRefundInfo RefundInfo(MerchantRefund refund) =>
        new(refund.RefundId, refund.OutRefundNo, refund.Amount, refund.Reason, refund.State, refund.CreatedAt, refund.SuccessAt);
}
