using Hutong.Wallet.Merchants.Notifications;
using Hutong.Wallet.Merchants.Orders;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet.Merchants;

/// <summary>Orders and refunds. Writes take the node's SQLite writer turns (<see cref="WriterTurns"/>), as the ledger's do.</summary>
internal sealed class OrderStore(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : IOrderStore
{
    public async Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<OrderWrite> writes, CancellationToken cancellationToken)
    {
        var results = new bool[writes.Count];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserts = writes.OfType<OrderInsert>().Select(i => MerchantOrderRow.From(i.Order)).ToList();
        var inserted = new HashSet<Guid>();
        if (inserts.Count > 0)
        {
            // A number used before (or twice in this batch) is skipped: its order is not among those read back.
            await BulkInsert.InsertMissingAsync(db, inserts, cancellationToken);
            var ids = inserts.ConvertAll(o => o.Id);
            inserted.UnionWith(await db.MerchantOrders.Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken));
        }

        // Steps that change many rows alike are one statement for the batch; a payment's values are its own.
        var posted = new List<Guid>();
        var delivered = new List<(int Index, NotificationDelivered Write)>();
        for (var i = 0; i < writes.Count; i++)
        {
            switch (writes[i])
            {
                case OrderInsert insert:
                    results[i] = inserted.Contains(insert.Order.Id);
                    break;
                case OrderPaid paid:
                    results[i] = await MarkPaidAsync(db, paid, cancellationToken);
                    break;
                case OrderPosted post:
                    posted.Add(post.Id);
                    results[i] = true;
                    break;
                case NotificationDelivered done:
                    delivered.Add((i, done));
                    break;
                default:
                    throw new ArgumentException($"Unknown order write {writes[i].GetType().Name}.", nameof(writes));
            }
        }

        if (posted.Count > 0)
        {
            await db.MerchantOrders.Where(o => EF.Parameter(posted).Contains(o.Id)).ExecuteUpdateAsync(set => set.SetProperty(o => o.PayPosted, true), cancellationToken);
        }

        if (delivered.Count > 0)
        {
            await MarkDeliveredAsync(db, delivered, results, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    public Task<MerchantOrder?> FindAsync(Guid id, CancellationToken cancellationToken) => FirstAsync(o => o.Id == id, cancellationToken);

    public Task<MerchantOrder?> FindByOutTradeNoAsync(Guid merchantId, string outTradeNo, CancellationToken cancellationToken) =>
        FirstAsync(o => o.MerchantId == merchantId && o.OutTradeNo == outTradeNo, cancellationToken);

    public Task<MerchantOrder?> FindByTransactionIdAsync(string transactionId, CancellationToken cancellationToken) =>
        FirstAsync(o => o.TransactionId == transactionId, cancellationToken);

    public async Task<IReadOnlyList<MerchantOrder>> ListByTransactionIdsAsync(IReadOnlyCollection<string> transactionIds, CancellationToken cancellationToken)
    {
        if (transactionIds.Count == 0)
        {
            return [];
        }

        // One parameter holding the whole list (JSON on SQLite, an array on PostgreSQL), as the ledger asks for its ids.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = transactionIds.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.MerchantOrders.AsNoTracking().Where(o => EF.Parameter(ids).Contains(o.TransactionId)).ToListAsync(cancellationToken);
        return rows.ConvertAll(o => o.ToDomain());
    }

    public Task<MerchantOrder?> FindByPrepayIdAsync(string prepayId, CancellationToken cancellationToken) =>
        FirstAsync(o => o.PrepayId == prepayId, cancellationToken);

    public async Task<bool> RenewPrepayAsync(Guid id, string prepayId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        return await db.MerchantOrders.Where(o => o.Id == id && o.State == TradeStates.NotPay)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.PrepayId, prepayId).SetProperty(o => o.PrepayIssuedAt, at), cancellationToken) == 1;
    }

    public async Task<bool> CloseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        return await db.MerchantOrders.Where(o => o.Id == id && o.State == TradeStates.NotPay)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.State, TradeStates.Closed).SetProperty(o => o.Open, false), cancellationToken) == 1;
    }

    public async Task MarkSettledAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await db.MerchantOrders.Where(o => o.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.SettledAt, at).SetProperty(o => o.Open, false), cancellationToken);
    }

    public async Task<IReadOnlyList<MerchantOrder>> ListDueAsync(DateTimeOffset now, DateTimeOffset settleBefore, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MerchantOrders.AsNoTracking()
            .Where(o => o.Open && ((o.State == TradeStates.NotPay && o.ExpiresAt <= now)
                || (o.State != TradeStates.NotPay && (!o.PayPosted || o.PaidAt <= settleBefore))))
            .OrderBy(o => o.ExpiresAt).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(o => o.ToDomain());
    }

    public async Task<IReadOnlyList<MerchantOrder>> ListByMerchantAsync(Guid merchantId, Hutong.Core.TimeCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.MerchantOrders.AsNoTracking().Where(o => o.MerchantId == merchantId);
        if (after is { } cursor && Guid.TryParse(cursor.Key, out var afterId))
        {
            var at = cursor.At;
            query = query.Where(o => o.CreatedAt < at || (o.CreatedAt == at && o.Id.CompareTo(afterId) < 0));
        }

        var rows = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(o => o.ToDomain());
    }

    public async Task<long> UnsettledAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MerchantOrders
            .Where(o => o.MerchantId == merchantId && o.Open && (o.State == TradeStates.Success || o.State == TradeStates.Refund))
            .SumAsync(o => o.Amount - o.RefundedAmount, cancellationToken);
    }

    public async Task<MerchantRefund> AddRefundAsync(MerchantRefund refund, CancellationToken cancellationToken)
    {
        if (await FindRefundAsync(refund.MerchantId, refund.OutRefundNo, cancellationToken) is { } existing)
        {
            return existing;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        db.MerchantRefunds.Add(new MerchantRefundRow
        {
            Id = refund.Id,
            MerchantId = refund.MerchantId,
            OrderId = refund.OrderId,
            RefundId = refund.RefundId,
            OutRefundNo = refund.OutRefundNo,
            Amount = refund.Amount,
            Reason = refund.Reason,
            NotifyUrl = refund.NotifyUrl,
            RequestHash = refund.RequestHash,
            State = refund.State,
            CreatedAt = refund.CreatedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return refund;
        }
        catch (DbUpdateException)
        {
            return await FindRefundAsync(refund.MerchantId, refund.OutRefundNo, cancellationToken)
                ?? throw new InvalidOperationException("A refund that clashed on its number is not there.");
        }
    }

    public async Task<MerchantRefund?> FindRefundAsync(Guid merchantId, string outRefundNo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MerchantRefunds.AsNoTracking().FirstOrDefaultAsync(r => r.MerchantId == merchantId && r.OutRefundNo == outRefundNo, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<MerchantRefund>> ListRefundsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MerchantRefunds.AsNoTracking().Where(r => r.OrderId == orderId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.CreatedAt).Select(r => r.ToDomain())];
    }

    public async Task<IReadOnlyList<MerchantRefund>> ListRefundsByRefundIdsAsync(IReadOnlyCollection<string> refundIds, CancellationToken cancellationToken)
    {
        if (refundIds.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = refundIds.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.MerchantRefunds.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.RefundId)).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task<bool> CompleteRefundAsync(
        Guid refundId, Guid orderId, long amount, DateTimeOffset at, MerchantNotification? notification, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var done = await db.MerchantRefunds.Where(r => r.Id == refundId && r.State == RefundStates.Processing)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, RefundStates.Success).SetProperty(r => r.SuccessAt, at), cancellationToken);
        if (done != 1)
        {
            return false;
        }

        await db.MerchantOrders.Where(o => o.Id == orderId).ExecuteUpdateAsync(
            set => set.SetProperty(o => o.RefundedAmount, o => o.RefundedAmount + amount).SetProperty(o => o.State, TradeStates.Refund), cancellationToken);
        if (notification is not null)
        {
            db.MerchantNotifications.Add(NotificationRow(notification));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task RemoveRefundAsync(Guid refundId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await db.MerchantRefunds.Where(r => r.Id == refundId && r.State == RefundStates.Processing).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MerchantRefund>> ListProcessingRefundsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MerchantRefunds.AsNoTracking().Where(r => r.State == RefundStates.Processing && r.CreatedAt <= before)
            .OrderBy(r => r.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    /// <summary>Marks the order paid if it is still unpaid, and then (only then) queues its notification.</summary>
    private static async Task<bool> MarkPaidAsync(HutongDbContext db, OrderPaid paid, CancellationToken cancellationToken)
    {
        var marked = await db.MerchantOrders.Where(o => o.Id == paid.Id && o.State == TradeStates.NotPay)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.State, TradeStates.Success).SetProperty(o => o.PayerId, paid.PayerId)
                .SetProperty(o => o.PayerOpenId, paid.PayerOpenId).SetProperty(o => o.PaidAt, paid.At), cancellationToken) == 1;
        if (marked)
        {
            db.MerchantNotifications.Add(NotificationRow(paid.Notification));
        }

        return marked;
    }

    /// <summary>
    /// Marks notifications delivered by the attempts holding their leases, all at the batch's latest time (they were
    /// answered within its few milliseconds). A lease token is one attempt's alone, so a row whose token is among the
    /// batch's is that attempt's row. Each result says whether the row is delivered now, by this attempt or another.
    /// </summary>
    private static async Task MarkDeliveredAsync(HutongDbContext db, List<(int Index, NotificationDelivered Write)> delivered, bool[] results, CancellationToken cancellationToken)
    {
        var ids = delivered.ConvertAll(d => d.Write.Id);
        var tokens = delivered.ConvertAll(d => (Guid?)d.Write.LeaseToken);
        var at = delivered.Max(d => d.Write.At);
        var marked = await db.MerchantNotifications.Where(n => EF.Parameter(ids).Contains(n.Id) && EF.Parameter(tokens).Contains(n.LeaseToken))
            .ExecuteUpdateAsync(set => set
                .SetProperty(n => n.DeliveredAt, at).SetProperty(n => n.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(n => n.LeasedUntil, (DateTimeOffset?)null).SetProperty(n => n.LeaseToken, (Guid?)null)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        var done = marked == delivered.Count
            ? ids.ToHashSet()
            : (await db.MerchantNotifications.Where(n => EF.Parameter(ids).Contains(n.Id) && n.DeliveredAt != null).Select(n => n.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (index, write) in delivered)
        {
            results[index] = done.Contains(write.Id);
        }
    }

    internal static MerchantNotificationRow NotificationRow(MerchantNotification n) => new()
    {
        Id = n.Id,
        MerchantId = n.MerchantId,
        EventType = n.EventType,
        Url = n.Url,
        Body = n.Body,
        Attempts = n.Attempts,
        NextAttemptAt = n.NextAttemptAt,
        CreatedAt = n.CreatedAt,
        LeaseToken = n.LeaseToken,
        LeasedUntil = n.LeasedUntil,
    };

    private async Task<MerchantOrder?> FirstAsync(System.Linq.Expressions.Expression<Func<MerchantOrderRow, bool>> where, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MerchantOrders.AsNoTracking().FirstOrDefaultAsync(where, cancellationToken))?.ToDomain();
    }
}
