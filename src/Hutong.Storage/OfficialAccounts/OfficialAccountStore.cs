using Hutong.Contracts.OfficialAccounts;
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
            .Where(a => a.State == OfficialAccountStates.Active && a.SearchName.Contains(needle))
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
        return await db.OfficialAccounts.AnyAsync(a => a.AvatarId == mediaId && a.State == OfficialAccountStates.Active, cancellationToken);
    }

    public async Task AddReportAsync(Guid accountId, Guid reporterId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.OfficialAccountReports.Add(new OfficialAccountReportRow { Id = Guid.CreateVersion7(at), AccountId = accountId, ReporterId = reporterId, Reason = reason, At = at });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OpenReports>> OpenReportsAsync(int take, int newest, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = db.OfficialAccountReports.Where(r => r.DismissedAt == null);
        var reported = await open
            .GroupBy(r => r.AccountId)
            .Select(g => new { AccountId = g.Key, Reporters = g.Select(r => r.ReporterId).Distinct().Count(), LastAt = g.Max(r => r.At) })
            .OrderByDescending(g => g.LastAt)
            .ThenBy(g => g.AccountId)
            .Take(take)
            .ToListAsync(cancellationToken);
        if (reported.Count == 0)
        {
            return [];
        }

        var ids = reported.ConvertAll(r => r.AccountId);
        var accounts = await db.OfficialAccounts.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                Row = a,
                Newest = db.OfficialAccountReports
                    .Where(r => r.AccountId == a.Id && r.DismissedAt == null)
                    .OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
                    .Take(newest)
                    .Select(r => new AccountReport(r.Reason, r.At))
                    .ToList(),
            })
            .ToDictionaryAsync(a => a.Row.Id, cancellationToken);
        // An account deleted between the two reads took its reports with it: it is left out.
        return [.. reported
            .Where(r => accounts.ContainsKey(r.AccountId))
            .Select(r => new OpenReports(accounts[r.AccountId].Row.ToDomain(), r.Reporters, r.LastAt, accounts[r.AccountId].Newest))];
    }

    public async Task DismissReportsAsync(Guid accountId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.OfficialAccountReports.Where(r => r.AccountId == accountId && r.DismissedAt == null && r.At <= at)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.DismissedAt, at), cancellationToken);
    }

    private async Task<bool> TakenAsync(OfficialAccount account, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OfficialAccounts.AnyAsync(a => a.OriginalId == account.OriginalId || a.AppId == account.AppId, cancellationToken);
    }
}
