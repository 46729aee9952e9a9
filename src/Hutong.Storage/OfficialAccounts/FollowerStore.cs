using Hutong.OfficialAccounts.Following;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.OfficialAccounts;

internal sealed class FollowerStore(IDbContextFactory<HutongDbContext> contexts) : IFollowerStore
{
    /// <summary>WeChat numbers an account's own tags from 100 (0, 1 and 2 are its built-in ones).</summary>
    private const int FirstTagId = 100;

    public async Task<Follower?> FindAsync(Guid accountId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Followers.AsNoTracking().FirstOrDefaultAsync(f => f.AccountId == accountId && f.UserId == userId, cancellationToken))?.ToDomain();
    }

    public async Task<Follower?> FindByOpenIdAsync(Guid accountId, string openId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Followers.AsNoTracking().FirstOrDefaultAsync(f => f.AccountId == accountId && f.OpenId == openId, cancellationToken))?.ToDomain();
    }

    public async Task<bool> FollowAsync(Follower follower, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Followers.FirstOrDefaultAsync(f => f.AccountId == follower.AccountId && f.UserId == follower.UserId, cancellationToken);
        if (row is { Following: true })
        {
            return false;
        }

        if (row is null)
        {
            db.Followers.Add(FollowerRow.From(follower));
        }
        else
        {
            row.Following = true;
            row.FollowedAt = follower.FollowedAt;
            row.Scene = follower.Scene;
            row.Language = follower.Language;
            row.Muted = false;
            row.QrSceneId = follower.QrSceneId;
            row.QrSceneStr = follower.QrSceneStr;
            row.QrTicket = follower.QrTicket;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same person's other device followed at the same moment: theirs is the follow.
            if (await FindAsync(follower.AccountId, follower.UserId, cancellationToken) is { Following: true })
            {
                return false;
            }

            throw;
        }
    }

    public async Task<bool> UnfollowAsync(Guid accountId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Followers.Where(f => f.AccountId == accountId && f.UserId == userId && f.Following)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.Following, false).SetProperty(f => f.Muted, false), cancellationToken) == 1;
    }

    public async Task SetMutedAsync(Guid accountId, Guid userId, bool muted, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Followers.Where(f => f.AccountId == accountId && f.UserId == userId).ExecuteUpdateAsync(set => set.SetProperty(f => f.Muted, muted), cancellationToken);
    }

    public async Task SetRemarkAsync(Guid accountId, Guid userId, string remark, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Followers.Where(f => f.AccountId == accountId && f.UserId == userId).ExecuteUpdateAsync(set => set.SetProperty(f => f.Remark, remark), cancellationToken);
    }

    public async Task<int> CountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Followers.CountAsync(f => f.AccountId == accountId && f.Following, cancellationToken);
    }

    public async Task<IReadOnlyList<(Follower Follower, IReadOnlyList<int> TagIds)>> PageAsync(
        Guid accountId, int? tagId, string? afterOpenId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Followers.AsNoTracking().Where(f => f.AccountId == accountId && f.Following);
        if (tagId is { } tag)
        {
            query = query.Where(f => db.FollowerTagMembers.Any(m => m.AccountId == accountId && m.TagId == tag && m.UserId == f.UserId));
        }

        if (afterOpenId is not null)
        {
            query = query.Where(f => string.Compare(f.OpenId, afterOpenId) > 0);
        }

        var rows = await query.OrderBy(f => f.OpenId).Take(take).ToListAsync(cancellationToken);
        var users = rows.ConvertAll(r => r.UserId);
        var tags = (await db.FollowerTagMembers.AsNoTracking().Where(m => m.AccountId == accountId && users.Contains(m.UserId)).ToListAsync(cancellationToken))
            .ToLookup(m => m.UserId, m => m.TagId);
        return rows.ConvertAll(r => (r.ToDomain(), (IReadOnlyList<int>)[.. tags[r.UserId].Order()]));
    }

    public async Task<IReadOnlyList<Follower>> FollowingAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Followers.AsNoTracking().Where(f => f.UserId == userId && f.Following).OrderByDescending(f => f.FollowedAt).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task<IReadOnlyDictionary<Guid, Follower>> StandingAsync(Guid userId, IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Followers.AsNoTracking().Where(f => f.UserId == userId && accountIds.Contains(f.AccountId)).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.AccountId, r => r.ToDomain());
    }

    public async Task<IReadOnlyDictionary<Guid, int>> CountsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Followers.AsNoTracking().Where(f => accountIds.Contains(f.AccountId) && f.Following)
            .GroupBy(f => f.AccountId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public async Task<IReadOnlyList<FollowerTag>> TagsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.FollowerTags.AsNoTracking().Where(t => t.AccountId == accountId).OrderBy(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.Name,
                Count = db.FollowerTagMembers.Count(m => m.AccountId == accountId && m.TagId == t.Id
                    && db.Followers.Any(f => f.AccountId == accountId && f.UserId == m.UserId && f.Following)),
            })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new FollowerTag(accountId, r.Id, r.Name, r.Count));
    }

    public async Task<FollowerTag?> AddTagAsync(Guid accountId, string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.FollowerTags.AnyAsync(t => t.AccountId == accountId && t.Name == name, cancellationToken))
            {
                return null;
            }

            var next = (await db.FollowerTags.Where(t => t.AccountId == accountId).MaxAsync(t => (int?)t.Id, cancellationToken) ?? FirstTagId - 1) + 1;
            db.FollowerTags.Add(new FollowerTagRow { AccountId = accountId, Id = next, Name = name });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new FollowerTag(accountId, next, name, 0);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another admin took the id (or the name) at the same moment: look again.
            }
        }
    }

    public async Task<bool> RenameTagAsync(Guid accountId, int tagId, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.FollowerTags.AnyAsync(t => t.AccountId == accountId && t.Name == name && t.Id != tagId, cancellationToken))
        {
            return false;
        }

        try
        {
            return await db.FollowerTags.Where(t => t.AccountId == accountId && t.Id == tagId).ExecuteUpdateAsync(set => set.SetProperty(t => t.Name, name), cancellationToken) == 1;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public async Task<bool> RemoveTagAsync(Guid accountId, int tagId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.FollowerTagMembers.Where(m => m.AccountId == accountId && m.TagId == tagId).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.FollowerTags.Where(t => t.AccountId == accountId && t.Id == tagId).ExecuteDeleteAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task TagAsync(Guid accountId, int tagId, IReadOnlyCollection<Guid> userIds, bool add, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!add)
        {
            await db.FollowerTagMembers.Where(m => m.AccountId == accountId && m.TagId == tagId && userIds.Contains(m.UserId)).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.InsertMissingAsync(db, userIds.Select(u => new FollowerTagMemberRow { AccountId = accountId, TagId = tagId, UserId = u }).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<int>> TagIdsAsync(Guid accountId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FollowerTagMembers.AsNoTracking().Where(m => m.AccountId == accountId && m.UserId == userId).OrderBy(m => m.TagId).Select(m => m.TagId).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Guid>> UsersAsync(Guid accountId, IReadOnlyCollection<string> openIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Followers.AsNoTracking().Where(f => f.AccountId == accountId && f.Following && EF.Parameter(openIds).Contains(f.OpenId))
            .ToDictionaryAsync(f => f.OpenId, f => f.UserId, StringComparer.Ordinal, cancellationToken);
    }
}
