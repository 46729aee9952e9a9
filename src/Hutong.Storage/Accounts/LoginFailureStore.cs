using Hutong.Accounts.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Accounts;

internal sealed class LoginFailureStore(IDbContextFactory<HutongDbContext> contexts) : ILoginFailureStore
{
    public async Task<LoginFailures> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var stale = now - window;
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // One statement: both assignments see the row as it was, and racing attempts each add one.
            var counted = await db.LoginFailures.Where(f => f.Key == key).ExecuteUpdateAsync(
                set => set
                    .SetProperty(f => f.Count, f => f.Since <= stale ? 1 : f.Count + 1)
                    .SetProperty(f => f.Since, f => f.Since <= stale ? now : f.Since),
                cancellationToken);
            if (counted == 0)
            {
                db.LoginFailures.Add(new LoginFailureRow { Key = key, Count = 1, Since = now });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    // Now and then, windows long over go, so counters for addresses seen once do not pile up.
                    if (Random.Shared.Next(100) == 0)
                    {
                        await db.LoginFailures.Where(f => f.Since <= stale).ExecuteDeleteAsync(cancellationToken);
                    }

                    return new LoginFailures(1, now);
                }
                catch (DbUpdateException) when (attempt == 0)
                {
                    // Another attempt made the row first: count on it.
                    continue;
                }
            }

            // A success may have cleared the row since; then this attempt is the first of a new window.
            var row = await db.LoginFailures.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
            return row is null ? new LoginFailures(1, now) : new LoginFailures(row.Count, row.Since);
        }
    }

    public async Task ForgetOneAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LoginFailures.Where(f => f.Key == key && f.Count > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.Count, f => f.Count - 1), cancellationToken);
    }

    public async Task ClearAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LoginFailures.Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken);
    }
}
