using Hutong.Wallet.Merchants.Notifications;

namespace Hutong.Wallet.Merchants.Orders;

public interface IOrderStore
{
    /// <summary>
    /// Carries out the writes in one transaction, in order; for each, whether it took effect (an order inserted rather
    /// than its number found taken; a row that was in the state the change expects).
    /// </summary>
    Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<OrderWrite> writes, CancellationToken cancellationToken);

    Task<MerchantOrder?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<MerchantOrder?> FindByOutTradeNoAsync(Guid merchantId, string outTradeNo, CancellationToken cancellationToken);

    Task<MerchantOrder?> FindByTransactionIdAsync(string transactionId, CancellationToken cancellationToken);

    /// <summary>The orders among these transaction ids that exist, in one query (a page of wallet history names its merchants).</summary>
    Task<IReadOnlyList<MerchantOrder>> ListByTransactionIdsAsync(IReadOnlyCollection<string> transactionIds, CancellationToken cancellationToken);

    Task<MerchantOrder?> FindByPrepayIdAsync(string prepayId, CancellationToken cancellationToken);

    /// <summary>Gives an unpaid order a new prepay id issued at <paramref name="at"/>; false when it was not unpaid.</summary>
    Task<bool> RenewPrepayAsync(Guid id, string prepayId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Closes an unpaid order; false when it was not unpaid.</summary>
    Task<bool> CloseAsync(Guid id, CancellationToken cancellationToken);

    Task MarkSettledAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Unpaid orders past their time, paid ones whose money has not moved, and paid ones due for settlement.</summary>
    Task<IReadOnlyList<MerchantOrder>> ListDueAsync(DateTimeOffset now, DateTimeOffset settleBefore, int limit, CancellationToken cancellationToken);

    /// <summary>A merchant's orders, newest first by (creation, id), after the page that ended at <paramref name="after"/> when given.</summary>
    Task<IReadOnlyList<MerchantOrder>> ListByMerchantAsync(Guid merchantId, Hutong.Core.TimeCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>What paid orders of the merchant hold that has not settled yet: paid less refunded.</summary>
    Task<long> UnsettledAsync(Guid merchantId, CancellationToken cancellationToken);

    /// <summary>Adds the refund unless the merchant used its <c>out_refund_no</c> before; returns the one stored under that number.</summary>
    Task<MerchantRefund> AddRefundAsync(MerchantRefund refund, CancellationToken cancellationToken);

    Task<MerchantRefund?> FindRefundAsync(Guid merchantId, string outRefundNo, CancellationToken cancellationToken);

    Task<IReadOnlyList<MerchantRefund>> ListRefundsAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>The refunds among these refund ids (WeChat's <c>refund_id</c>) that exist, in one query.</summary>
    Task<IReadOnlyList<MerchantRefund>> ListRefundsByRefundIdsAsync(IReadOnlyCollection<string> refundIds, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a processing refund done, adds it to the order's refunded amount, and queues its notification when there
    /// is one, in one transaction; false when it was done already.
    /// </summary>
    Task<bool> CompleteRefundAsync(Guid refundId, Guid orderId, long amount, DateTimeOffset at, MerchantNotification? notification, CancellationToken cancellationToken);

    /// <summary>Forgets a refund the ledger refused, so that the same <c>out_refund_no</c> can be tried again.</summary>
    Task RemoveRefundAsync(Guid refundId, CancellationToken cancellationToken);

    /// <summary>Refunds accepted whose money has not yet moved (a node stopped between the two).</summary>
    Task<IReadOnlyList<MerchantRefund>> ListProcessingRefundsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}

/// <summary>A write of the hot path of a payment, carried out in a shared transaction by <see cref="OrderWriter"/>.</summary>
public abstract record OrderWrite;

/// <summary>A new order, unless the merchant used its <c>out_trade_no</c> before.</summary>
public sealed record OrderInsert(MerchantOrder Order) : OrderWrite;

/// <summary>An unpaid order paid by the person (known to its app by the openid), with its notification queued.</summary>
public sealed record OrderPaid(Guid Id, Guid PayerId, string PayerOpenId, DateTimeOffset At, MerchantNotification Notification) : OrderWrite;

/// <summary>The payment's money has moved in the ledger.</summary>
public sealed record OrderPosted(Guid Id) : OrderWrite;

/// <summary>A notification delivered by the attempt holding <see cref="LeaseToken"/>; it took effect if the notification is delivered now.</summary>
public sealed record NotificationDelivered(Guid Id, Guid LeaseToken, DateTimeOffset At) : OrderWrite;

