using Hutong.OfficialAccounts.WebAuth;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>Web authorization domains and grants. Writes take the node's SQLite writer turns (<see cref="WriterTurns"/>).</summary>
internal sealed class WebAuthStore(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : IWebAuthStore
{
    public async Task<IReadOnlyList<string>> DomainsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebAuthDomains.AsNoTracking().Where(d => d.AccountId == accountId).OrderBy(d => d.Position).Select(d => d.Domain).ToListAsync(cancellationToken);
    }

    public async Task SetDomainsAsync(Guid accountId, IReadOnlyList<string> domains, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            using var turn = await turns.TakeAsync(db, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.WebAuthDomains.Where(d => d.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
            db.WebAuthDomains.AddRange(domains.Select((domain, i) => new WebAuthDomainRow { AccountId = accountId, Domain = domain, Position = i }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another save of the same account's domains committed between this one's delete and insert
                // (PostgreSQL): the same replacement again, after it, wins as the later save should.
            }
        }
    }

    public async Task AddAsync(WebGrant grant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        // Nothing has to run when a grant expires: each new one of the account clears those whose time is up.
        await db.WebGrants.Where(g => g.AccountId == grant.AccountId && g.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.WebGrants.Add(WebGrantRow.From(grant));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(WebCodeUse Use, WebGrant? Grant)> UseCodeAsync(string codeHash, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = await db.WebGrants.AsNoTracking()
            .FirstOrDefaultAsync(g => g.Hash == codeHash && g.Kind == WebGrantKinds.Code && g.AccountId == accountId, cancellationToken);
        if (code is null || code.ExpiresAt <= now)
        {
            return (WebCodeUse.Invalid, null);
        }

        using var turn = await turns.TakeAsync(db, cancellationToken);
        var taken = await db.WebGrants.Where(g => g.Hash == codeHash && g.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.UsedAt, now), cancellationToken);
        return taken == 1 ? (WebCodeUse.Exchanged, code.ToDomain()) : (WebCodeUse.Used, null);
    }

    public async Task<WebGrant?> FindAsync(string hash, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grant = await db.WebGrants.AsNoTracking().FirstOrDefaultAsync(g => g.Hash == hash && g.Kind == kind && g.ExpiresAt > now, cancellationToken);
        return grant?.ToDomain();
    }
}
