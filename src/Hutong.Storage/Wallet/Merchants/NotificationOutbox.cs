using Hutong.Wallet.Merchants.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class NotificationOutbox(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : INotificationOutbox
{
    public async Task<IReadOnlyList<MerchantNotification>> LeaseDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        var due = await Due(db, now).OrderBy(n => n.NextAttemptAt).Take(limit).Select(n => n.Id).ToListAsync(cancellationToken);
        return due.Count == 0 ? [] : await LeaseAsync(db, due, now, lease, cancellationToken);
    }

    public async Task MarkFailedAsync(Guid id, Guid leaseToken, int attempts, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await db.MerchantNotifications.Where(n => n.Id == id && n.LeaseToken == leaseToken).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.Attempts, attempts).SetProperty(n => n.NextAttemptAt, next).SetProperty(n => n.LeasedUntil, (DateTimeOffset?)null).SetProperty(n => n.LeaseToken, (Guid?)null), cancellationToken);
    }

    public async Task<IReadOnlyList<MerchantNotification>> ListAsync(Guid merchantId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MerchantNotifications.AsNoTracking().Where(n => n.MerchantId == merchantId)
            .OrderByDescending(n => n.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(n => n.ToDomain());
    }

    private static IQueryable<MerchantNotificationRow> Due(HutongDbContext db, DateTimeOffset now) =>
        db.MerchantNotifications.Where(n => n.NextAttemptAt != null && n.NextAttemptAt <= now && (n.LeasedUntil == null || n.LeasedUntil <= now));

    /// <summary>
    /// Takes the rows that are still due for this node under a token of its own: the conditional update is the lock,
    /// so two nodes sweeping at once never both attempt a row.
    /// </summary>
    private static async Task<IReadOnlyList<MerchantNotification>> LeaseAsync(
        HutongDbContext db, List<Guid> ids, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var until = now + lease;
        var taken = await Due(db, now).Where(n => ids.Contains(n.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.LeasedUntil, until).SetProperty(n => n.LeaseToken, token), cancellationToken);
        if (taken == 0)
        {
            return [];
        }

        var rows = await db.MerchantNotifications.AsNoTracking().Where(n => ids.Contains(n.Id) && n.LeaseToken == token).ToListAsync(cancellationToken);
        return rows.ConvertAll(n => n.ToDomain());
    }
}
