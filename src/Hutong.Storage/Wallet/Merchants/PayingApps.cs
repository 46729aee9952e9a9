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

    public async Task<string?> NameAsync(string appId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OfficialAccounts.Where(a => a.AppId == appId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken)
            ?? await db.MiniPrograms.Where(a => a.AppId == appId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
    }
}
