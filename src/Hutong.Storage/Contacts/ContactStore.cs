using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Core.Errors;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Contacts;

internal sealed class ContactStore(HutongDbContext db) : IContactStore
{
    public async Task<Result<T>> AtomicallyAsync<T>(Guid a, Guid b, Func<Task<Result<T>>> work, CancellationToken cancellationToken)
    {
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

        var result = await work();
        if (result.IsSuccess)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return result;
    }

    public async Task<Relationship> GetRelationshipAsync(Guid me, Guid other, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var friends = await db.Friendships.AnyAsync(f => f.UserId == me && f.FriendId == other, cancellationToken);
        var blockers = await db.Blocks
            .Where(x => (x.UserId == me && x.BlockedId == other) || (x.UserId == other && x.BlockedId == me))
            .Select(x => x.UserId)
            .ToListAsync(cancellationToken);
        var open = await db.FriendRequests.AsNoTracking()
            .Where(r => r.State == FriendRequestState.Pending && r.ExpiresAt > now
                && ((r.FromUserId == me && r.ToUserId == other) || (r.FromUserId == other && r.ToUserId == me)))
            .ToListAsync(cancellationToken);
        return new Relationship(
            friends,
            blockers.Contains(me),
            blockers.Contains(other),
            open.Where(r => r.FromUserId == me).MaxBy(r => r.CreatedAt)?.ToDomain(),
            open.Where(r => r.FromUserId == other).MaxBy(r => r.CreatedAt)?.ToDomain());
    }

    public Task<int> CountFriendsAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Friendships.CountAsync(f => f.UserId == userId, cancellationToken);

    public async Task AddRequestAsync(FriendRequest request, CancellationToken cancellationToken)
    {
        db.FriendRequests.Add(new FriendRequestRow
        {
            Id = request.Id,
            FromUserId = request.FromUserId,
            ToUserId = request.ToUserId,
            Greeting = request.Greeting,
            State = request.State,
            CreatedAt = request.CreatedAt,
            ExpiresAt = request.ExpiresAt,
            RespondedAt = request.RespondedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task RenewRequestAsync(Guid requestId, string greeting, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        db.FriendRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.Greeting, greeting).SetProperty(r => r.CreatedAt, createdAt).SetProperty(r => r.ExpiresAt, expiresAt),
            cancellationToken);

    public async Task<FriendRequest?> FindRequestAsync(Guid requestId, CancellationToken cancellationToken) =>
        (await db.FriendRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken))?.ToDomain();

    public Task SetRequestStateAsync(Guid requestId, FriendRequestState state, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.FriendRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.State, state).SetProperty(r => r.RespondedAt, at),
            cancellationToken);

    public Task DeclineOpenRequestsAsync(Guid from, Guid to, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.FriendRequests
            .Where(r => r.FromUserId == from && r.ToUserId == to && r.State == FriendRequestState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, FriendRequestState.Declined).SetProperty(r => r.RespondedAt, now), cancellationToken);

    public async Task<IReadOnlyList<(FriendRequest Request, UserCard From, UserCard To)>> ListRequestsAsync(
        Guid userId, bool incoming, int offset, int limit, CancellationToken cancellationToken)
    {
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

    public async Task AddFriendshipAsync(Guid a, Guid b, DateTimeOffset since, CancellationToken cancellationToken)
    {
        db.Friendships.AddRange(
            new FriendshipRow { UserId = a, FriendId = b, Since = since },
            new FriendshipRow { UserId = b, FriendId = a, Since = since });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> RemoveFriendshipAsync(Guid a, Guid b, CancellationToken cancellationToken) =>
        await db.Friendships
            .Where(f => (f.UserId == a && f.FriendId == b) || (f.UserId == b && f.FriendId == a))
            .ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<(Friendship Friendship, UserCard Card)?> FindFriendAsync(Guid userId, Guid friendId, CancellationToken cancellationToken)
    {
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

    public async Task UpdateFriendshipAsync(Friendship friendship, CancellationToken cancellationToken)
    {
        var row = await db.Friendships.FirstAsync(f => f.UserId == friendship.UserId && f.FriendId == friendship.FriendId, cancellationToken);
        row.Remark = friendship.Remark;
        row.Tags = [.. friendship.Tags];
        row.ChatOnly = friendship.ChatOnly;
        row.HideTheirMoments = friendship.HideTheirMoments;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task AddBlockAsync(Guid userId, Guid blockedId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!await db.Blocks.AnyAsync(x => x.UserId == userId && x.BlockedId == blockedId, cancellationToken))
        {
            db.Blocks.Add(new BlockRow { UserId = userId, BlockedId = blockedId, Since = since });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task RemoveBlockAsync(Guid userId, Guid blockedId, CancellationToken cancellationToken) =>
        db.Blocks.Where(x => x.UserId == userId && x.BlockedId == blockedId).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<(UserCard Card, DateTimeOffset Since)>> ListBlocksAsync(Guid userId, CancellationToken cancellationToken)
    {
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
