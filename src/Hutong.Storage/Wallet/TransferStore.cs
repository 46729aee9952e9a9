using Hutong.Contracts.Wallet;
using Hutong.Wallet.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet;

internal sealed class TransferStore(IDbContextFactory<HutongDbContext> contexts) : ITransferStore
{
    public async Task<PersonTransfer> AddAsync(PersonTransfer transfer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.PersonTransfers.AsNoTracking()
            .FirstOrDefaultAsync(t => t.SenderId == transfer.SenderId && t.TransferId == transfer.TransferId, cancellationToken);
        if (existing is not null)
        {
            return existing.ToDomain();
        }

        db.PersonTransfers.Add(new PersonTransferRow
        {
            Id = transfer.Id,
            TransferId = transfer.TransferId,
            SenderId = transfer.SenderId,
            ReceiverId = transfer.ReceiverId,
            Amount = transfer.Amount,
            Note = transfer.Note,
            State = transfer.State,
            CreatedAt = transfer.CreatedAt,
            ExpiresAt = transfer.ExpiresAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return transfer;
        }
        catch (DbUpdateException)
        {
            // The same id raced in from another request: the first one stands.
            await using var reader = await contexts.CreateDbContextAsync(cancellationToken);
            return (await reader.PersonTransfers.AsNoTracking()
                .FirstAsync(t => t.SenderId == transfer.SenderId && t.TransferId == transfer.TransferId, cancellationToken)).ToDomain();
        }
    }

    public async Task<PersonTransfer?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.PersonTransfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken))?.ToDomain();
    }

    public async Task<bool> ResolveAsync(Guid id, string state, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PersonTransfers.Where(t => t.Id == id && t.State == TransferStates.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.State, state), cancellationToken) == 1;
    }

    public async Task MarkSettledAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.PersonTransfers.Where(t => t.Id == id).ExecuteUpdateAsync(set => set.SetProperty(t => t.Settled, true), cancellationToken);
    }

    public async Task<IReadOnlyList<PersonTransfer>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PersonTransfers.AsNoTracking()
            .Where(t => !t.Settled && (t.State != TransferStates.Pending || t.ExpiresAt <= now))
            .OrderBy(t => t.ExpiresAt).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(t => t.ToDomain());
    }
}
