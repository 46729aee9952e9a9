using Hutong.OfficialAccounts.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.OfficialAccounts;

internal sealed class OfficialAccountStore(IDbContextFactory<HutongDbContext> contexts) : IOfficialAccountStore
{
    public async Task<bool> TryAddAsync(OfficialAccount account, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.OfficialAccounts.AnyAsync(a => a.OriginalId == account.OriginalId || a.AppId == account.AppId, cancellationToken))
        {
            return false;
        }

        db.OfficialAccounts.Add(OfficialAccountRow.From(account));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await TakenAsync(account, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<OfficialAccount?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.OfficialAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken))?.ToDomain();
    }

    public async Task<OfficialAccount?> FindByAppIdAsync(string appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.OfficialAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.AppId == appId, cancellationToken))?.ToDomain();
    }

    public async Task<OfficialAccount?> FindByOriginalIdAsync(string originalId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.OfficialAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.OriginalId == originalId, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<OfficialAccount>> OwnedByAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.OfficialAccounts.AsNoTracking().Where(a => a.OwnerId == ownerId).OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task<IReadOnlyList<OfficialAccount>> SearchAsync(string text, int take, CancellationToken cancellationToken)
    {
        var needle = text.ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.OfficialAccounts.AsNoTracking()
            .Where(a => a.State == Contracts.OfficialAccounts.OfficialAccountStates.Active && a.SearchName.Contains(needle))
            .OrderBy(a => a.SearchName == needle ? 0 : a.SearchName.StartsWith(needle) ? 1 : 2)
            .ThenBy(a => a.SearchName.Length)
            .ThenBy(a => a.CreatedAt)
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task<IReadOnlyList<OfficialAccount>> InStateAsync(string state, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.OfficialAccounts.AsNoTracking().Where(a => a.State == state).OrderBy(a => a.CreatedAt).Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task UpdateAsync(OfficialAccount account, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.OfficialAccounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(
            set => set
                .SetProperty(a => a.Name, account.Name)
                .SetProperty(a => a.SearchName, account.Name.ToLowerInvariant())
                .SetProperty(a => a.Description, account.Description)
                .SetProperty(a => a.AvatarId, account.AvatarId)
                .SetProperty(a => a.SecretHash, account.SecretHash),
            cancellationToken);
    }

    public async Task<bool> ReviewAsync(Guid accountId, string from, string to, string? note, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OfficialAccounts.Where(a => a.Id == accountId && a.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, to).SetProperty(a => a.ReviewNote, note), cancellationToken) == 1;
    }

    public async Task<bool> IsActiveAvatarAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OfficialAccounts.AnyAsync(a => a.AvatarId == mediaId && a.State == Contracts.OfficialAccounts.OfficialAccountStates.Active, cancellationToken);
    }

    public async Task AddReportAsync(Guid accountId, Guid reporterId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.OfficialAccountReports.Add(new OfficialAccountReportRow { Id = Guid.CreateVersion7(at), AccountId = accountId, ReporterId = reporterId, Reason = reason, At = at });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> TakenAsync(OfficialAccount account, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OfficialAccounts.AnyAsync(a => a.OriginalId == account.OriginalId || a.AppId == account.AppId, cancellationToken);
    }
}
