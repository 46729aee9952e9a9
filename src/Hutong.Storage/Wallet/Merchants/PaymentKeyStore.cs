using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class PaymentKeyStore(IDbContextFactory<HutongDbContext> contexts) : Hutong.Wallet.Merchants.Platform.IPaymentKeyStore
{
    public async Task<IReadOnlyList<Hutong.Wallet.Merchants.Platform.PaymentKey>> ListAsync(DateTimeOffset retiredAfter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PaymentKeys.AsNoTracking().Where(k => k.RetiredAt == null || k.RetiredAt >= retiredAfter).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(k => k.CreatedAt).Select(k => k.ToDomain())];
    }

    public async Task AddAsync(Hutong.Wallet.Merchants.Platform.PaymentKey key, bool onlyIfNone, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two nodes starting at once may each add a first key: both are then listed and both verify, and the newest
        // signs, so nothing needs them to agree.
        if (onlyIfNone && await db.PaymentKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        await db.PaymentKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(set => set.SetProperty(k => k.RetiredAt, key.CreatedAt), cancellationToken);
        db.PaymentKeys.Add(new PaymentKeyRow { SerialNo = key.SerialNo, PrivateKey = key.PrivateKey, Certificate = key.Certificate, CreatedAt = key.CreatedAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
