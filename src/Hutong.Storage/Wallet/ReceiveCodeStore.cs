using Hutong.Wallet.Receiving;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet;

internal sealed class ReceiveCodeStore(IDbContextFactory<HutongDbContext> contexts) : IReceiveCodeStore
{
    public async Task<string> GetOrAddAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ReceiveCodes.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        db.ReceiveCodes.Add(new ReceiveCodeRow { UserId = userId, Code = code, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return code;
        }
        catch (DbUpdateException)
        {
            // The person's first ask raced another: the code stored first is theirs.
            await using var reader = await contexts.CreateDbContextAsync(cancellationToken);
            return await reader.ReceiveCodes.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.Code).FirstAsync(cancellationToken);
        }
    }

    public async Task ResetAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var replaced = await db.ReceiveCodes.Where(c => c.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Code, code).SetProperty(c => c.CreatedAt, now), cancellationToken);
        if (replaced == 1)
        {
            return;
        }

        db.ReceiveCodes.Add(new ReceiveCodeRow { UserId = userId, Code = code, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A first ask made one meanwhile: the reset replaces it all the same.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            await again.ReceiveCodes.Where(c => c.UserId == userId)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Code, code).SetProperty(c => c.CreatedAt, now), cancellationToken);
        }
    }

    public async Task<Guid?> FindOwnerAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReceiveCodes.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.UserId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<CodePayment?> FindPaymentAsync(Guid payerId, string transferId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.CodePayments.AsNoTracking().FirstOrDefaultAsync(p => p.PayerId == payerId && p.TransferId == transferId, cancellationToken))?.ToDomain();
    }

    public async Task<CodePayment> AddPaymentAsync(CodePayment payment, CancellationToken cancellationToken)
    {
        if (await FindPaymentAsync(payment.PayerId, payment.TransferId, cancellationToken) is { } existing)
        {
            return existing;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.CodePayments.Add(new CodePaymentRow
        {
            Id = payment.Id,
            PayerId = payment.PayerId,
            TransferId = payment.TransferId,
            ReceiverId = payment.ReceiverId,
            Code = payment.Code,
            Amount = payment.Amount,
            Note = payment.Note,
            CreatedAt = payment.CreatedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return payment;
        }
        catch (DbUpdateException)
        {
            // The same id raced in from another request: the first one stands.
            return (await FindPaymentAsync(payment.PayerId, payment.TransferId, cancellationToken))!;
        }
    }
}
