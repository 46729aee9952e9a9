using Hutong.Core;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants.PayerNotices;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet.Merchants;

/// <summary>
/// Pay notices read from the ledger, as the wallet's history is: a page of the payer's merchant payments and refunds,
/// then their refunds, orders and merchants, in four queries whatever the page holds.
/// </summary>
internal sealed class PaymentNoticeStore(IDbContextFactory<HutongDbContext> contexts) : IPaymentNoticeStore
{
    public async Task<(IReadOnlyList<PayerMovement> Movements, TimeCursor? Next)> ListAsync(Guid payerId, TimeCursor? after, int limit, CancellationToken cancellationToken)
    {
        const int payment = (int)TransferCode.MerchantPayment;
        const int refund = (int)TransferCode.MerchantRefund;
        const int posted = (int)TransferKind.Posted;
        // A payment is held, then posted: the post is when the money left, and the history's one line for it.
        const int postedHold = (int)TransferKind.PostPending;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var moved = db.LedgerTransfers.AsNoTracking().Where(t =>
            (t.DebitAccountId == payerId && t.Code == payment && t.Kind == postedHold)
            || (t.CreditAccountId == payerId && t.Code == refund && t.Kind == posted));
        if (after is { } last)
        {
            var (at, id) = (last.At, last.Key);
            moved = moved.Where(t => t.CreatedAt < at || (t.CreatedAt == at && string.Compare(t.Id, id) < 0));
        }

        var transfers = await moved.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(limit).ToListAsync(cancellationToken);
        var next = transfers.Count == limit ? new TimeCursor(transfers[^1].CreatedAt, transfers[^1].Id) : (TimeCursor?)null;
        if (transfers.Count == 0)
        {
            return ([], next);
        }

        // A payment's reference is its order's transaction id, a refund's its refund id.
        var refundIds = transfers.Where(t => t.Code == refund && t.Reference is not null).Select(t => t.Reference!).Distinct(StringComparer.Ordinal).ToList();
        var refunds = refundIds.Count == 0
            ? []
            : await db.MerchantRefunds.AsNoTracking().Where(r => EF.Parameter(refundIds).Contains(r.RefundId))
                .Select(r => new { r.RefundId, r.OrderId, r.SuccessAt }).ToListAsync(cancellationToken);
        var transactionIds = transfers.Where(t => t.Code == payment && t.Reference is not null).Select(t => t.Reference!).Distinct(StringComparer.Ordinal).ToList();
        var orderIds = refunds.Select(r => r.OrderId).Distinct().ToList();
        var orders = await db.MerchantOrders.AsNoTracking()
            .Where(o => EF.Parameter(transactionIds).Contains(o.TransactionId) || EF.Parameter(orderIds).Contains(o.Id))
            .Select(o => new { o.Id, o.TransactionId, o.MerchantId, o.Description, o.Currency, o.PaidAt }).ToListAsync(cancellationToken);
        var merchantIds = orders.Select(o => o.MerchantId).Distinct().ToList();
        var names = await db.Merchants.AsNoTracking().Where(m => EF.Parameter(merchantIds).Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.ShortName, cancellationToken);

        var byTransaction = orders.ToDictionary(o => o.TransactionId, StringComparer.Ordinal);
        var byId = orders.ToDictionary(o => o.Id);
        var refundsById = refunds.ToDictionary(r => r.RefundId, StringComparer.Ordinal);
        var movements = new List<PayerMovement>(transfers.Count);
        foreach (var transfer in transfers)
        {
            if (transfer.Reference is not { } reference)
            {
                continue;
            }

            if (transfer.Code == payment)
            {
                if (byTransaction.TryGetValue(reference, out var order) && names.TryGetValue(order.MerchantId, out var name))
                {
                    movements.Add(new PayerMovement(order.TransactionId, null, name, order.Description, transfer.Amount, order.Currency, order.PaidAt ?? transfer.CreatedAt));
                }
            }
            else if (refundsById.TryGetValue(reference, out var done) && byId.TryGetValue(done.OrderId, out var order)
                && names.TryGetValue(order.MerchantId, out var name))
            {
                movements.Add(new PayerMovement(order.TransactionId, reference, name, order.Description, transfer.Amount, order.Currency, done.SuccessAt ?? transfer.CreatedAt));
            }
        }

        return (movements, next);
    }
}
