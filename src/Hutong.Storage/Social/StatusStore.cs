using Hutong.Social.Status;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Social;

internal sealed class StatusStore(IDbContextFactory<HutongDbContext> contexts) : IStatusStore
{
    public async Task<(Status Status, bool Created)> AddAsync(Status status, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(status.AuthorId, status.ClientId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Statuses.Add(StatusRow.From(status));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (status, true);
        }
        catch (DbUpdateException)
        {
            // The same client id raced in from another request: the first one stands (if it does not, this was another failure).
            var raced = await FindOwnAsync(status.AuthorId, status.ClientId, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return (raced, false);
        }
    }

    public async Task<Status?> FindAsync(Guid statusId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Statuses.AsNoTracking().FirstOrDefaultAsync(s => s.Id == statusId, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<SeenStatus>> BoardAsync(Guid viewerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await VisibleTo(db, viewerId).Where(s => s.ExpiresAt > now)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { Status = s, Seen = s.AuthorId == viewerId || db.StatusSeen.Any(x => x.ViewerId == viewerId && x.StatusId == s.Id) })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new SeenStatus(r.Status.ToDomain(), r.Seen));
    }

    public async Task<bool> MaySeeAsync(Guid viewerId, Guid authorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Lets(db, authorId, viewerId).AnyAsync(cancellationToken);
    }

    public async Task MarkSeenAsync(Guid viewerId, Guid statusId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.InsertMissingAsync(db, [new StatusSeenRow { ViewerId = viewerId, StatusId = statusId, At = at }], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ReactAsync(Reaction reaction, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.UpsertAsync(
            db,
            [new StatusReactionRow { StatusId = reaction.StatusId, UserId = reaction.UserId, Reaction = reaction.Emoji, At = reaction.At }],
            [nameof(StatusReactionRow.Reaction), nameof(StatusReactionRow.At)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Reaction>> ReactionsAsync(Guid statusId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StatusReactions.AsNoTracking().Where(r => r.StatusId == statusId).OrderBy(r => r.At).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task<IReadOnlyList<Guid>> RemoveAsync(IReadOnlyCollection<Guid> statusIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = statusIds.ToList();
        var media = await db.Statuses.Where(s => EF.Parameter(ids).Contains(s.Id))
            .Select(s => new { s.MediaId, s.PosterId }).ToListAsync(cancellationToken);
        await db.StatusSeen.Where(s => EF.Parameter(ids).Contains(s.StatusId)).ExecuteDeleteAsync(cancellationToken);
        await db.StatusReactions.Where(r => EF.Parameter(ids).Contains(r.StatusId)).ExecuteDeleteAsync(cancellationToken);
        await db.Statuses.Where(s => EF.Parameter(ids).Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. media.SelectMany(m => new[] { m.MediaId, m.PosterId }).OfType<Guid>().Distinct()];
    }

    public async Task<IReadOnlyList<(Guid Id, DateTimeOffset ExpiresAt)>> ExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Statuses.AsNoTracking().Where(s => s.ExpiresAt <= now).OrderBy(s => s.ExpiresAt)
            .Select(s => new { s.Id, s.ExpiresAt }).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(s => (s.Id, s.ExpiresAt));
    }

    public async Task<IReadOnlyList<Status>> WithMediaAsync(Guid mediaId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Statuses.AsNoTracking().Where(s => (s.MediaId == mediaId || s.PosterId == mediaId) && s.ExpiresAt > now)
            .Take(20).ToListAsync(cancellationToken);
        return rows.ConvertAll(s => s.ToDomain());
    }

    /// <summary>The viewer's own statuses and those of authors who let the viewer see theirs.</summary>
    private static IQueryable<StatusRow> VisibleTo(HutongDbContext db, Guid viewerId) =>
        db.Statuses.AsNoTracking().Where(s => s.AuthorId == viewerId
            || (db.Friendships.Any(f => f.UserId == s.AuthorId && f.FriendId == viewerId && !f.ChatOnly)
                && db.Friendships.Any(f => f.UserId == viewerId && f.FriendId == s.AuthorId)
                && !db.Blocks.Any(b => (b.UserId == s.AuthorId && b.BlockedId == viewerId) || (b.UserId == viewerId && b.BlockedId == s.AuthorId))));

    /// <summary>One row when the author lets the viewer see their statuses: friends both ways, not chat-only, no block.</summary>
    private static IQueryable<FriendshipProbe> Lets(HutongDbContext db, Guid authorId, Guid viewerId) =>
        db.Friendships.AsNoTracking()
            .Where(f => f.UserId == authorId && f.FriendId == viewerId && !f.ChatOnly
                && db.Friendships.Any(m => m.UserId == viewerId && m.FriendId == authorId)
                && !db.Blocks.Any(b => (b.UserId == authorId && b.BlockedId == viewerId) || (b.UserId == viewerId && b.BlockedId == authorId)))
            .Select(f => new FriendshipProbe(f.UserId));

    private async Task<Status?> FindOwnAsync(Guid authorId, string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Statuses.AsNoTracking().FirstOrDefaultAsync(s => s.AuthorId == authorId && s.ClientId == clientId, cancellationToken))?.ToDomain();
    }

    private sealed record FriendshipProbe(Guid UserId);
}
