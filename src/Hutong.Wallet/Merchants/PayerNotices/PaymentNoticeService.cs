using Hutong.Contracts.Events;
using Hutong.Contracts.Wallet;
using Hutong.Core.Errors;
using Hutong.Realtime.Log;
using Hutong.Wallet.Merchants.Orders;
using Microsoft.Extensions.Logging;

namespace Hutong.Wallet.Merchants.PayerNotices;

/// <summary>
/// Pay notices (docs/api.md "Pay notices"): a payer is told on their devices when a payment leaves their wallet and when
/// a refund comes back to it, and lists what they were told from their wallet's history, so nothing needs a table of
/// its own and nothing is missed while offline. Telling is one event append with what the order already holds; it is a
/// courtesy, so a failure is logged and never touches the payment.
/// </summary>
public sealed partial class PaymentNoticeService(EventLog events, IPaymentNoticeStore store, ILogger<PaymentNoticeService> logger)
{
    /// <summary>Tells the payer of an order just paid and posted.</summary>
    internal Task TellPaidAsync(MerchantOrder paid, Merchant merchant) =>
        TellAsync(paid.PayerId!.Value, paid.Id, new PaidNotice(
            merchant.ShortName, paid.Amount, paid.Currency, paid.Description, paid.TransactionId, paid.PaidAt!.Value));

    /// <summary>Tells the payer of a refund whose money has just come back.</summary>
    internal Task TellRefundedAsync(MerchantOrder order, Merchant merchant, MerchantRefund refund) =>
        TellAsync(order.PayerId!.Value, order.Id, new RefundedNotice(
            merchant.ShortName, refund.Amount, order.Currency, order.Description, order.TransactionId, refund.RefundId, refund.SuccessAt ?? refund.CreatedAt));

    /// <summary>The caller's Pay notices, newest first.</summary>
    public async Task<Result<PaymentNoticeList>> ListAsync(Guid me, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var page = WalletInput.Page(limit, cursor);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var (movements, next) = await store.ListAsync(me, page.Value.After, page.Value.Limit, cancellationToken);
        return new PaymentNoticeList([.. movements.Select(ToNotice)], next?.Encode());
    }

    private static PaymentNotice ToNotice(PayerMovement m) => m.RefundId is { } refundId
        ? new RefundedNotice(m.MerchantName, m.Amount, m.Currency, m.Description, m.TransactionId, refundId, m.At)
        : new PaidNotice(m.MerchantName, m.Amount, m.Currency, m.Description, m.TransactionId, m.At);

    private async Task TellAsync(Guid payerId, Guid orderId, PaymentNotice notice)
    {
        try
        {
            await events.AppendAsync(payerId, new PaymentNoticeEvent(notice));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NotTold(logger, orderId, e);
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Order {OrderId}'s money moved, but its payer's Pay notice could not be written; their wallet's history and notices list still show it.")]
    private static partial void NotTold(ILogger logger, Guid orderId, Exception exception);
}
