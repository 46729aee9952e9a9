using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Core.Errors;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Contacts;

internal sealed class ContactStore(IDbContextFactory<HutongDbContext> contexts) : IContactStore
{
    public async Task<Result<T>> AtomicallyAsync<T>(Guid a, Guid b, Func<IContactChanges, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which already makes writers take turns.
        // PostgreSQL: lock both account rows, in id order so that two changes of the same pair cannot deadlock.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            var (first, second) = a.CompareTo(b) <= 0 ? (a, b) : (b, a);
            await db.Database.ExecuteSqlAsync(
                $"SELECT 1 FROM accounts WHERE id = {first} OR id = {second} ORDER BY id FOR UPDATE",
                cancellationToken);
        }

        var result = await work(new ContactChanges(db));
        if (result.IsSuccess)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    public async Task<Relationship> GetRelationshipAsync(Guid me, Guid other, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await new ContactChanges(db).GetRelationshipAsync(me, other, now, cancellationToken);
    }

    public async Task<IReadOnlySet<Guid>> FriendsNotBlockingAsync(Guid userId, IReadOnlyCollection<Guid> others, CancellationToken cancellationToken)
    {
        if (others.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = others.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One array parameter, not one per person: a group may be configured larger than SQLite's parameter limit.
        var welcoming = await db.Friendships.AsNoTracking()
            .Where(f => f.UserId == userId && EF.Parameter(ids).Contains(f.FriendId)
                && !db.Blocks.Any(x => x.UserId == f.FriendId && x.BlockedId == userId))
            .Select(f => f.FriendId)
            .ToListAsync(cancellationToken);
        return welcoming.ToHashSet();
    }

    public async Task<FriendRequest?> FindRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await new ContactChanges(db).FindRequestAsync(requestId, cancellationToken);
    }

    public async Task<IReadOnlyList<(FriendRequest Request, UserCard From, UserCard To)>> ListRequestsAsync(
        Guid userId, bool incoming, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from r in db.FriendRequests.AsNoTracking()
                where incoming ? r.ToUserId == userId : r.FromUserId == userId
                join f in db.Accounts on r.FromUserId equals f.Id
                join t in db.Accounts on r.ToUserId equals t.Id
                orderby r.CreatedAt descending, r.Id
                select new { Request = r, From = f, To = t })
            .Skip(offset).Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(x => (x.Request.ToDomain(), Card(x.From), Card(x.To)));
    }

    public async Task<(Friendship Friendship, UserCard Card)?> FindFriendAsync(Guid userId, Guid friendId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
                from f in db.Friendships.AsNoTracking()
                where f.UserId == userId && f.FriendId == friendId
                join a in db.Accounts on f.FriendId equals a.Id
                select new { Friendship = f, Account = a })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Friendship.ToDomain(), Card(row.Account));
    }

    public async Task<IReadOnlyList<(Friendship Friendship, UserCard Card)>> ListFriendsAsync(Guid userId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from f in db.Friendships.AsNoTracking()
                where f.UserId == userId
                join a in db.Accounts on f.FriendId equals a.Id
                orderby f.Since, f.FriendId
                select new { Friendship = f, Account = a })
            .Skip(offset).Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(x => (x.Friendship.ToDomain(), Card(x.Account)));
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> GetFriendTagsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await new ContactChanges(db).GetFriendTagsAsync(userId, cancellationToken);
    }

    public async Task RemoveBlockAsync(Guid userId, Guid blockedId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Blocks.Where(x => x.UserId == userId && x.BlockedId == blockedId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(UserCard Card, DateTimeOffset Since)>> ListBlocksAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from x in db.Blocks.AsNoTracking()
                where x.UserId == userId
                join a in db.Accounts on x.BlockedId equals a.Id
                orderby x.Since descending
                select new { Account = a, x.Since })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(x => (Card(x.Account), x.Since));
    }

    public async Task<IReadOnlyList<Guid>> ForgetAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var friends = await db.Friendships.Where(f => f.UserId == userId).Select(f => f.FriendId).ToListAsync(cancellationToken);
        await db.Friendships.Where(f => f.UserId == userId || f.FriendId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.FriendRequests.Where(r => r.FromUserId == userId || r.ToUserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Blocks.Where(b => b.UserId == userId || b.BlockedId == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return friends;
    }

    private static UserCard Card(AccountRow row) => new(row.Id, row.Handle, row.DisplayName, row.AvatarUrl);
}
