using Hutong.Accounts.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Contacts;

/// <summary>Contact reads and writes on one context: the transaction of <see cref="ContactStore.AtomicallyAsync{T}"/>.</summary>
internal sealed class ContactChanges(HutongDbContext db) : IContactChanges
{
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

    public async Task<FriendRequest?> FindRequestAsync(Guid requestId, CancellationToken cancellationToken) =>
        (await db.FriendRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken))?.ToDomain();

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

    public Task SetRequestStateAsync(Guid requestId, FriendRequestState state, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.FriendRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.State, state).SetProperty(r => r.RespondedAt, at),
            cancellationToken);

    public Task DeclineOpenRequestsAsync(Guid from, Guid to, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.FriendRequests
            .Where(r => r.FromUserId == from && r.ToUserId == to && r.State == FriendRequestState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, FriendRequestState.Declined).SetProperty(r => r.RespondedAt, now), cancellationToken);

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

    public async Task<Friendship?> FindFriendshipAsync(Guid userId, Guid friendId, CancellationToken cancellationToken) =>
        (await db.Friendships.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == userId && f.FriendId == friendId, cancellationToken))?.ToDomain();

    public async Task UpdateFriendshipAsync(Friendship friendship, CancellationToken cancellationToken)
    {
        var row = await db.Friendships.FirstAsync(f => f.UserId == friendship.UserId && f.FriendId == friendship.FriendId, cancellationToken);
        row.Remark = friendship.Remark;
        row.Tags = [.. friendship.Tags];
        row.ChatOnly = friendship.ChatOnly;
        row.HideTheirMoments = friendship.HideTheirMoments;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> GetFriendTagsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await db.Friendships.AsNoTracking()
            .Where(f => f.UserId == userId)
            .Select(f => new { f.FriendId, f.Tags })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.FriendId, r => (IReadOnlyList<string>)r.Tags);
    }

    public async Task SetFriendTagsAsync(Guid userId, IReadOnlyDictionary<Guid, IReadOnlyList<string>> tags, CancellationToken cancellationToken)
    {
        var ids = tags.Keys.ToArray();
        // One array parameter, not one per friend: a tag may be given to thousands at once.
        var rows = await db.Friendships
            .Where(f => f.UserId == userId && EF.Parameter(ids).Contains(f.FriendId))
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Tags = [.. tags[row.FriendId]];
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddBlockAsync(Guid userId, Guid blockedId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!await db.Blocks.AnyAsync(x => x.UserId == userId && x.BlockedId == blockedId, cancellationToken))
        {
            db.Blocks.Add(new BlockRow { UserId = userId, BlockedId = blockedId, Since = since });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
