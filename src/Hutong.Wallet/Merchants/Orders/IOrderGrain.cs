using Hutong.Core.Errors;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>
/// One order: its payment, close, refunds and settlement take turns here, so that two devices paying at once, a close
/// racing a payment, or two refunds cannot interleave on one node. The database's conditional updates and the ledger's
/// idempotent transfer ids hold the same lines across nodes. Keyed by the order's id.
/// </summary>
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>Stores a new order keyed by this grain's id; false if its <c>out_trade_no</c> was taken.</summary>
    Task<bool> CreateAsync(MerchantOrder order);

    /// <summary>
    /// Pays the order from the person's wallet and answers it paid; paying again as the same person answers the same
    /// payment. <paramref name="merchant"/> is the order's merchant as the caller just read it to check the request.
    /// </summary>
    Task<Result<MerchantOrder>> PayAsync(Guid payerId, string payerOpenId, Merchant merchant);

    /// <summary>An unpaid order whose prepay id is past its two hours gets a new one; answers the order as it is now.</summary>
    Task<MerchantOrder> RenewPrepayAsync();

    /// <summary>Closes the order if unpaid: <c>ORDERPAID</c> if it was paid.</summary>
    Task<Result<Done>> CloseAsync();

    /// <summary>Refunds part of the paid order; the same <c>out_refund_no</c> again answers the same refund.</summary>
    Task<Result<Guid>> RefundAsync(RefundCommand command);

    /// <summary>Does what is due: closes an order past its time, moves a payment's money, settles to the merchant.</summary>
    Task SweepAsync();
}

/// <summary>A merchant's refund request, checked for shape already.</summary>
[GenerateSerializer, Immutable, Alias("hutong.wallet.refund-command")]
public sealed record RefundCommand(
    [property: Id(0)] string OutRefundNo,
    [property: Id(1)] long Amount,
    [property: Id(2)] long Total,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string? NotifyUrl,
    [property: Id(5)] string RequestHash);
