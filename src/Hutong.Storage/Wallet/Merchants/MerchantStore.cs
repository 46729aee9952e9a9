using Hutong.Wallet.Merchants;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet.Merchants;

internal sealed class MerchantStore(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : IMerchantStore
{
    public Task<Added> AddAsync(Merchant merchant, int limit, CancellationToken cancellationToken) => AddWithinAsync(
        // Two applications of one person on two nodes: the second waits for the first's commit on its account row.
        db => db.Database.ExecuteSqlAsync($"SELECT 1 FROM accounts WHERE id = {merchant.OwnerId} FOR UPDATE", cancellationToken),
        db => db.Merchants.CountAsync(m => m.OwnerId == merchant.OwnerId && m.State != MerchantStates.Rejected, cancellationToken),
        limit,
        db => db.Merchants.Add(new MerchantRow
        {
            Id = merchant.Id,
            MchId = merchant.MchId,
            OwnerId = merchant.OwnerId,
            Name = merchant.Name,
            ShortName = merchant.ShortName,
            Category = merchant.Category,
            State = merchant.State,
            CreatedAt = merchant.CreatedAt,
        }),
        cancellationToken);

    public async Task<Merchant?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Merchants.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<Merchant>> ListAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var list = ids.Distinct().ToList();
        var rows = await db.Merchants.AsNoTracking().Where(m => EF.Parameter(list).Contains(m.Id)).ToListAsync(cancellationToken);
        return rows.ConvertAll(m => m.ToDomain());
    }

    public async Task<Merchant?> FindByMchIdAsync(string mchId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Merchants.AsNoTracking().FirstOrDefaultAsync(m => m.MchId == mchId, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<Merchant>> ListByOwnerAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Merchants.AsNoTracking().Where(m => m.OwnerId == ownerId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(m => m.CreatedAt).Select(m => m.ToDomain())];
    }

    public async Task<IReadOnlyList<Merchant>> ListByStateAsync(string state, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Merchants.AsNoTracking().Where(m => m.State == state).OrderBy(m => m.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(m => m.ToDomain());
    }

    public async Task<bool> ReviewAsync(Guid id, string state, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Merchants.Where(m => m.Id == id && m.State == MerchantStates.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, state).SetProperty(m => m.RejectReason, reason).SetProperty(m => m.ReviewedAt, at), cancellationToken) == 1;
    }

    public async Task SetApiV3KeyAsync(Guid id, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Merchants.Where(m => m.Id == id).ExecuteUpdateAsync(set => set.SetProperty(m => m.ApiV3Key, key), cancellationToken);
    }

    public Task<Added> AddKeyAsync(MerchantKey key, int limit, CancellationToken cancellationToken) => AddWithinAsync(
        db => db.Database.ExecuteSqlAsync($"SELECT 1 FROM merchants WHERE id = {key.MerchantId} FOR UPDATE", cancellationToken),
        db => db.MerchantKeys.CountAsync(k => k.MerchantId == key.MerchantId && k.RevokedAt == null, cancellationToken),
        limit,
        db => db.MerchantKeys.Add(new MerchantKeyRow { MerchantId = key.MerchantId, SerialNo = key.SerialNo, PublicKey = key.PublicKey, CreatedAt = key.CreatedAt }),
        cancellationToken);

    /// <summary>
    /// Counts and adds in one transaction that holds off the owner's other additions: the writer's turn on SQLite,
    /// <paramref name="lockOwner"/> (a row lock) on PostgreSQL. A unique name taken is <see cref="Added.Taken"/>.
    /// </summary>
    private async Task<Added> AddWithinAsync(
        Func<HutongDbContext, Task> lockOwner, Func<HutongDbContext, Task<int>> count, int limit, Action<HutongDbContext> add, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            await lockOwner(db);
        }

        if (await count(db) >= limit)
        {
            return Added.Full;
        }

        add(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Added.Yes;
        }
        catch (DbUpdateException)
        {
            return Added.Taken;
        }
    }

    public async Task<IReadOnlyList<MerchantKey>> ListKeysAsync(IReadOnlyCollection<Guid> merchantIds, CancellationToken cancellationToken)
    {
        var ids = merchantIds.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MerchantKeys.AsNoTracking().Where(k => EF.Parameter(ids).Contains(k.MerchantId) && k.RevokedAt == null).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(k => k.CreatedAt).Select(k => k.ToDomain())];
    }

    public async Task<IReadOnlyList<MerchantKey>> ListKeysAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MerchantKeys.AsNoTracking().Where(k => k.MerchantId == merchantId && k.RevokedAt == null).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(k => k.CreatedAt).Select(k => k.ToDomain())];
    }

    public async Task<bool> RevokeKeyAsync(Guid merchantId, string serialNo, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MerchantKeys.Where(k => k.MerchantId == merchantId && k.SerialNo == serialNo && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, at), cancellationToken) == 1;
    }

    public async Task BindAppAsync(MerchantApp app, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.InsertMissingAsync(db, [new MerchantAppRow { MerchantId = app.MerchantId, AppId = app.AppId, BoundAt = app.BoundAt }], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> UnbindAppAsync(Guid merchantId, string appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MerchantApps.Where(a => a.MerchantId == merchantId && a.AppId == appId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<MerchantApp>> ListAppsAsync(IReadOnlyCollection<Guid> merchantIds, CancellationToken cancellationToken)
    {
        var ids = merchantIds.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MerchantApps.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.MerchantId)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(a => a.BoundAt).Select(a => a.ToDomain())];
    }

    public async Task<IReadOnlyList<MerchantApp>> ListAppsAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MerchantApps.AsNoTracking().Where(a => a.MerchantId == merchantId).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(a => a.BoundAt).Select(a => a.ToDomain())];
    }

    public async Task<bool> IsBoundAsync(Guid merchantId, string appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MerchantApps.AnyAsync(a => a.MerchantId == merchantId && a.AppId == appId, cancellationToken);
    }
}
