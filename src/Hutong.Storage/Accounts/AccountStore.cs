using Hutong.Accounts.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Accounts;

internal sealed class AccountStore(IDbContextFactory<HutongDbContext> contexts) : IAccountStore
{
    public async Task<bool> TryAddAsync(Account account, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The common refusal, answered without a failed write; a true race still ends at the unique index below.
        if (await HandleExistsAsync(db, account.Handle, cancellationToken))
        {
            return false;
        }

        db.Accounts.Add(new AccountRow
        {
            Id = account.Id,
            Handle = account.Handle,
            DisplayName = account.DisplayName,
            AvatarUrl = account.AvatarUrl,
            PasswordHash = account.PasswordHash,
            CreatedAt = account.CreatedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index on the handle is the arbiter, also for two sign-ups racing for it; anything else is a fault.
            if (await HandleExistsAsync(db, account.Handle, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<Account?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == userId, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<Account>> ListAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Accounts.AsNoTracking().Where(a => userIds.Contains(a.Id)).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToDomain);
    }

    public async Task<Account?> FindByHandleAsync(string handle, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Handle == handle, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    public async Task UpdateProfileAsync(Guid userId, string displayName, string? avatarUrl, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Accounts.Where(a => a.Id == userId).ExecuteUpdateAsync(
            set => set.SetProperty(a => a.DisplayName, displayName).SetProperty(a => a.AvatarUrl, avatarUrl),
            cancellationToken);
    }

    public async Task UpdatePasswordHashAsync(Guid userId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Accounts.Where(a => a.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordHash, passwordHash), cancellationToken);
    }

    public async Task MarkDeletedAsync(Guid userId, string erasedName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Accounts.Where(a => a.Id == userId).ExecuteUpdateAsync(
            set => set.SetProperty(a => a.DisplayName, erasedName).SetProperty(a => a.AvatarUrl, (string?)null).SetProperty(a => a.DeletedAt, at),
            cancellationToken);
    }

    public async Task ReleaseHandleAsync(string handle, DateTimeOffset deletedBefore, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Handle == handle && a.DeletedAt <= deletedBefore, cancellationToken) is { } held)
        {
            // A handle no one can type ('~' is not allowed in handles), unique because it is the account's own id.
            var tombstone = "~" + held.Id.ToString("N")[..31];
            await db.Accounts.Where(a => a.Id == held.Id && a.Handle == handle).ExecuteUpdateAsync(set => set.SetProperty(a => a.Handle, tombstone), cancellationToken);
        }
    }

    private static Task<bool> HandleExistsAsync(HutongDbContext db, string handle, CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking().AnyAsync(a => a.Handle == handle, cancellationToken);

    private static Account ToDomain(AccountRow row) =>
        new(row.Id, row.Handle, row.DisplayName, row.AvatarUrl, row.PasswordHash, row.CreatedAt, row.DeletedAt);
}
