using Hutong.Wallet.Merchants;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet.Merchants;

/// <summary>Official accounts and mini-programs, as the wallet sees them: a name, and whether a person owns them.</summary>
internal sealed class PayingApps(IDbContextFactory<HutongDbContext> contexts) : IPayingApps
{
    public async Task<string?> AdministeredNameAsync(string appId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OfficialAccounts.Where(a => a.AppId == appId && a.OwnerId == userId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken)
            ?? await db.MiniPrograms.Where(a => a.AppId == appId && a.DeveloperId == userId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> appIds, CancellationToken cancellationToken)
    {
        var ids = appIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.MiniPrograms.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.AppId)).Select(a => new { a.AppId, a.Name }).ToListAsync(cancellationToken);
        // An official account's name wins, as NameAsync reads it first.
        names.AddRange(await db.OfficialAccounts.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.AppId)).Select(a => new { a.AppId, a.Name }).ToListAsync(cancellationToken));
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var app in names)
        {
            byId[app.AppId] = app.Name;
        }

        return byId;
    }

    public async Task<string?> NameAsync(string appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OfficialAccounts.Where(a => a.AppId == appId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken)
            ?? await db.MiniPrograms.Where(a => a.AppId == appId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
    }
}
