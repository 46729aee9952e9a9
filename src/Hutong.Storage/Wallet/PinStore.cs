using Hutong.Wallet.Pins;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet;

internal sealed class PinStore(IDbContextFactory<HutongDbContext> contexts) : IPinStore
{
    public async Task<PinState?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Pins.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return row is null ? null : new PinState(row.PinHash, row.FailedAttempts, row.LockedUntil);
    }

    public async Task SetAsync(Guid userId, string pinHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Pins.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null)
        {
            db.Pins.Add(new PinRow { UserId = userId, PinHash = pinHash });
        }
        else
        {
            row.PinHash = pinHash;
            row.FailedAttempts = 0;
            row.LockedUntil = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PinState> FailAsync(Guid userId, int limit, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement, so that racing wrong attempts each count.
        await db.Pins.Where(p => p.UserId == userId).ExecuteUpdateAsync(
            set => set
                .SetProperty(p => p.LockedUntil, p => p.FailedAttempts + 1 >= limit ? lockUntil : p.LockedUntil)
                .SetProperty(p => p.FailedAttempts, p => p.FailedAttempts + 1 >= limit ? 0 : p.FailedAttempts + 1),
            cancellationToken);
        var row = await db.Pins.AsNoTracking().FirstAsync(p => p.UserId == userId, cancellationToken);
        return new PinState(row.PinHash, row.FailedAttempts, row.LockedUntil);
    }

    public async Task ClearFailuresAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Pins.Where(p => p.UserId == userId && p.FailedAttempts > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.FailedAttempts, 0), cancellationToken);
    }
}
