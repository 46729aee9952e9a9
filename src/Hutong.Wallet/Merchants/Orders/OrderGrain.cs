using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants.Notifications;
using Hutong.Wallet.Merchants.PayerNotices;
using Hutong.Wallet.Merchants.V3;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>
/// Not reentrant: each step finishes before the next begins. A payment reserves the payer's money (a pending ledger
/// transfer), then marks the order paid and queues its notification in one transaction, then posts the reservation; a
/// close marks the order closed before voiding any reservation. Whichever of the two marks the row first wins, on any
/// node, and the other undoes only its own reservation, so money moves exactly when the order says paid.
/// <para>
/// The order is created here, so the payment that usually follows within seconds finds it in memory instead of reading
/// it back. Only a payment uses what is held, and only as a guess: its writes are conditional on the stored row, and a
/// write that does not take effect reads the row. Every other step reads the order from storage.
/// </para>
/// </summary>
[CollectionAgeLimit(Minutes = 5)]
internal sealed class OrderGrain(
    IOrderStore orders, OrderWriter writer, IMerchantStore merchants, ILedgerStore ledgerStore, LedgerWriter ledger, NotificationDispatcher dispatcher, PaymentNoticeService payerNotices, IOptions<WalletOptions> options, TimeProvider clock)
    : Grain, IOrderGrain
{
    /// <summary>Most refunds one order may have.</summary>
    internal const int MaxRefunds = 50;

    /// <summary>How long after payment an order can still be refunded.</summary>
    internal static readonly TimeSpan RefundWindow = TimeSpan.FromDays(365);

    /// <summary>The order as this activation created it, until a step other than a payment runs.</summary>
    private MerchantOrder? _created;

    private Guid Id => this.GetPrimaryKey();

    private string Currency => options.Value.Currency;

    public async Task<bool> CreateAsync(MerchantOrder order)
    {
        if (order.Id != Id || !await writer.WriteAsync(new OrderInsert(order)))
        {
            return false;
        }

        _created = order;
        return true;
    }

    public async Task<Result<MerchantOrder>> PayAsync(Guid payerId, string payerOpenId, Merchant merchant)
    {
        var order = _created ?? await orders.FindAsync(Id, CancellationToken.None) ?? throw new InvalidOperationException($"Order {Id} is not stored.");
        _created = null;
        if (order.Paid)
        {
            return order.PayerId == payerId ? order : PaymentErrors.OrderPaid;
        }

        var now = clock.Now();
        if (!order.Payable(now))
        {
            return PaymentErrors.OrderClosed;
        }

        if (merchant is not { IsApproved: true, ApiV3Key: { } apiV3Key } || merchant.Id != order.MerchantId)
        {
            return PaymentErrors.MerchantUnavailable;
        }

        var hold = await ledger.ApplyAsync(
            new TransferRequest(HoldId(order.Id), payerId, order.Id, order.Amount, TransferCode.MerchantPayment, TransferKind.Pending, Reference: order.TransactionId),
            WalletAccounts.Person(payerId, Currency), WalletAccounts.OrderEscrow(order.Id, order.MerchantId, Currency));
        switch (hold.Result)
        {
            case TransferResult.ExceedsCredits:
                return PaymentErrors.InsufficientFunds;
            case TransferResult.ExistsWithDifferentFields:
                // Another payer's reservation, made on another node: theirs is the payment.
                return PaymentErrors.OrderPaid;
            case not (TransferResult.Created or TransferResult.Exists):
                throw new InvalidOperationException($"The ledger refused order {order.Id}'s reservation: {hold.Result}.");
        }

        var paid = order with { State = TradeStates.Success, PayerId = payerId, PayerOpenId = order.PayerOpenId ?? payerOpenId, PaidAt = now };
        var notification = dispatcher.Leased(NotificationBodies.Create(
            Guid.CreateVersion7(), order.MerchantId, apiV3Key, NotificationEvents.TransactionSuccess, order.NotifyUrl, V3Json.Transaction(paid, merchant.MchId), now));
        if (!await writer.WriteAsync(new OrderPaid(order.Id, payerId, paid.PayerOpenId!, now, notification)))
        {
            var current = await orders.FindAsync(order.Id, CancellationToken.None);
            if (current is { Paid: true } && current.PayerId == payerId)
            {
                return current;
            }

            await VoidHoldAsync(order, payerId);
            return current is { Paid: true } ? PaymentErrors.OrderPaid : PaymentErrors.OrderClosed;
        }

        await PostAsync(paid);
        dispatcher.Kick(notification);
        await payerNotices.TellPaidAsync(paid, merchant);

        // The order's busy moment is over: what follows (a refund, settlement) comes much later, through storage.
        DeactivateOnIdle();
        return paid with { PayPosted = true };
    }

    public async Task<MerchantOrder> RenewPrepayAsync()
    {
        _created = null;
        var order = await orders.FindAsync(Id, CancellationToken.None) ?? throw new InvalidOperationException($"Order {Id} is not stored.");
        var now = clock.Now();
        if (!order.PrepayExpired(now))
        {
            return order;
        }

        var prepayId = OrderNumbers.PrepayId(now);
        return await orders.RenewPrepayAsync(order.Id, prepayId, now, CancellationToken.None)
            ? order with { PrepayId = prepayId, PrepayIssuedAt = now }
            : await orders.FindAsync(Id, CancellationToken.None) ?? order;
    }

    public async Task<Result<Done>> CloseAsync()
    {
        _created = null;
        var order = await orders.FindAsync(Id, CancellationToken.None) ?? throw new InvalidOperationException($"Order {Id} is not stored.");
        if (order.State == TradeStates.Closed)
        {
            return Done.Value;
        }

        if (order.Paid || !await orders.CloseAsync(order.Id, CancellationToken.None))
        {
            return (await orders.FindAsync(order.Id, CancellationToken.None))?.State == TradeStates.Closed ? Done.Value : V3Errors.OrderPaid;
        }

        await VoidHoldAsync(order);
        return Done.Value;
    }

    public async Task<Result<Guid>> RefundAsync(RefundCommand command)
    {
        _created = null;
        var order = await orders.FindAsync(Id, CancellationToken.None) ?? throw new InvalidOperationException($"Order {Id} is not stored.");
        var merchant = await merchants.FindAsync(order.MerchantId, CancellationToken.None) ?? throw new InvalidOperationException("An order's merchant is gone.");
        var now = clock.GetUtcNow();
        if (await orders.FindRefundAsync(order.MerchantId, command.OutRefundNo, CancellationToken.None) is { } existing)
        {
            if (existing.OrderId != order.Id || existing.RequestHash != command.RequestHash)
            {
                return V3Errors.InvalidRequest("out_refund_no 已用于其他退款: this out_refund_no was used for another refund.");
            }

            // A refund accepted but not finished (a node stopped in between) is finished now.
            return existing.State == RefundStates.Processing ? await CarryOutAsync(order, merchant, existing) : existing.Id;
        }

        if (!order.Paid || order.PayerId is null)
        {
            return order.State == TradeStates.Closed ? V3Errors.OrderClosed : V3Errors.InvalidRequest("订单未支付: the order is not paid.");
        }

        if (!order.PayPosted)
        {
            await PostAsync(order);
            order = order with { PayPosted = true };
        }

        if (command.Total != order.Amount)
        {
            return V3Errors.ParamError("amount.total 与订单金额不一致: amount.total is not the order's amount.");
        }

        if (now - order.PaidAt > RefundWindow)
        {
            return V3Errors.InvalidRequest("订单已超过退款期限: orders can be refunded within a year of payment.");
        }

        var refunds = await orders.ListRefundsAsync(order.Id, CancellationToken.None);
        if (refunds.Count >= MaxRefunds)
        {
            return V3Errors.InvalidRequest($"退款次数超过限制: an order has at most {MaxRefunds} refunds.");
        }

        if (refunds.Sum(r => r.Amount) + command.Amount > order.Amount)
        {
            return V3Errors.InvalidRequest("退款金额超过订单可退金额: the refunds would exceed what was paid.");
        }

        var refund = await orders.AddRefundAsync(
            new MerchantRefund(Guid.CreateVersion7(), order.MerchantId, order.Id, NewRefundId(now), command.OutRefundNo, command.Amount, command.Reason,
                command.NotifyUrl, command.RequestHash, RefundStates.Processing, now, null),
            CancellationToken.None);
        return await CarryOutAsync(order, merchant, refund);
    }

    public async Task SweepAsync()
    {
        _created = null;
        var order = await orders.FindAsync(Id, CancellationToken.None);
        if (order is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (order.State == TradeStates.NotPay && now >= order.ExpiresAt)
        {
            await CloseAsync();
            return;
        }

        if (order.Paid && !order.PayPosted)
        {
            await PostAsync(order);
        }

        if (order.Paid && order.SettledAt is null && order.PaidAt <= now - options.Value.SettlementDelay)
        {
            await SettleAsync(order, now);
        }
    }

    private async Task<Result<Guid>> CarryOutAsync(MerchantOrder order, Merchant merchant, MerchantRefund refund)
    {
        // Before settlement the refund comes out of the order's escrow; after, out of the merchant's settled money.
        var fromEscrow = order.SettledAt is null;
        var moved = await ledger.ApplyAsync(
            new TransferRequest(RefundTransferId(refund.Id), fromEscrow ? order.Id : order.MerchantId, order.PayerId!.Value, refund.Amount,
                TransferCode.MerchantRefund, Reference: refund.RefundId),
            WalletAccounts.Person(order.PayerId.Value, Currency), WalletAccounts.Merchant(order.MerchantId, merchant.OwnerId, Currency));
        if (!moved.Succeeded)
        {
            if (moved.Result is TransferResult.ExceedsCredits)
            {
                // Nothing moved: the same out_refund_no may be tried again once the merchant has the money.
                await orders.RemoveRefundAsync(refund.Id, CancellationToken.None);
                return V3Errors.NotEnough;
            }

            throw new InvalidOperationException($"The ledger refused refund {refund.Id}: {moved.Result}.");
        }

        var now = clock.GetUtcNow();
        var done = refund with { State = RefundStates.Success, SuccessAt = now };
        var notification = refund.NotifyUrl is { } url && merchant.ApiV3Key is { } apiV3Key
            ? dispatcher.Leased(NotificationBodies.Create(Guid.CreateVersion7(), order.MerchantId, apiV3Key, NotificationEvents.RefundSuccess, url,
                V3Json.RefundNotice(done, order, merchant.MchId), now))
            : null;
        if (await orders.CompleteRefundAsync(refund.Id, order.Id, refund.Amount, now, notification, CancellationToken.None) && notification is not null)
        {
            dispatcher.Kick(notification);
        }

        // Told when this call moved the money: a refund finished after a restart may find it moved, and told, already.
        if (moved.Result == TransferResult.Created)
        {
            await payerNotices.TellRefundedAsync(order, merchant, done);
        }

        return refund.Id;
    }

    private async Task PostAsync(MerchantOrder order)
    {
        var post = await ledger.ApplyAsync(new TransferRequest(
            PayId(order.Id), order.PayerId!.Value, order.Id, order.Amount, TransferCode.MerchantPayment, TransferKind.PostPending, HoldId(order.Id), order.TransactionId));
        if (!post.Succeeded)
        {
            throw new InvalidOperationException($"The ledger refused to post order {order.Id}'s payment: {post.Result}.");
        }

        await writer.WriteAsync(new OrderPosted(order.Id));
    }

    /// <summary>Voids the payer's reservation, if one was made; with none (the usual close) nothing moves.</summary>
    private async Task VoidHoldAsync(MerchantOrder order, Guid? payerId = null)
    {
        var payer = payerId ?? order.PayerId ?? (await ledgerStore.FindTransferAsync(HoldId(order.Id), CancellationToken.None))?.DebitAccountId;
        if (payer is { } holder)
        {
            await ledger.ApplyAsync(new TransferRequest(
                VoidId(order.Id), holder, order.Id, order.Amount, TransferCode.MerchantPayment, TransferKind.VoidPending, HoldId(order.Id), order.TransactionId));
        }
    }

    private async Task SettleAsync(MerchantOrder order, DateTimeOffset now)
    {
        var merchant = await merchants.FindAsync(order.MerchantId, CancellationToken.None) ?? throw new InvalidOperationException("An order's merchant is gone.");
        var left = order.Amount - order.RefundedAmount;
        if (left > 0)
        {
            var settled = await ledger.ApplyAsync(
                new TransferRequest(SettleId(order.Id), order.Id, order.MerchantId, left, TransferCode.MerchantSettlement, Reference: order.TransactionId),
                WalletAccounts.Merchant(order.MerchantId, merchant.OwnerId, Currency));
            if (!settled.Succeeded)
            {
                throw new InvalidOperationException($"The ledger refused to settle order {order.Id}: {settled.Result}.");
            }
        }

        await orders.MarkSettledAsync(order.Id, now, CancellationToken.None);
    }

    /// <summary>WeChat's refund ids are 29 digits: "50", then the date, then random digits.</summary>
    private static string NewRefundId(DateTimeOffset now) =>
        "50" + now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + OrderNumbers.RandomDigits(19);

    internal static string HoldId(Guid orderId) => $"mch-hold:{orderId:N}";

    internal static string PayId(Guid orderId) => $"mch-pay:{orderId:N}";

    internal static string VoidId(Guid orderId) => $"mch-void:{orderId:N}";

    internal static string SettleId(Guid orderId) => $"mch-settle:{orderId:N}";

    internal static string RefundTransferId(Guid refundId) => $"mch-refund:{refundId:N}";
}
