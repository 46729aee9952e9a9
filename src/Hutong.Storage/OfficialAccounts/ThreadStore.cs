using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Threads;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.OfficialAccounts;

internal sealed class ThreadStore(IDbContextFactory<HutongDbContext> contexts) : IThreadStore
{
    public async Task<(ThreadMessage Message, bool Created)> AddFromFollowerAsync(
        ThreadMessage message, DateTimeOffset windowUntil, int windowAllowance, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(message, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = AccountMessageRow.From(message);
        db.AccountMessages.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same client id raced in from another request: the first one stands (if it does not, this was another failure).
            await transaction.RollbackAsync(cancellationToken);
            return (await FindOwnAsync(message, cancellationToken) ?? throw new InvalidOperationException("A follower's message was neither written nor found."), false);
        }

        await OpenAsync(db, message.AccountId, message.UserId!.Value, WindowKinds.Message, windowUntil, windowAllowance, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (row.ToDomain(), true);
    }

    public async Task<ThreadMessage?> AddFromAccountAsync(ThreadMessage message, bool inWindow, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (inWindow && !await TakeAsync(db, message, WindowKinds.Message, cancellationToken) && !await TakeAsync(db, message, WindowKinds.Event, cancellationToken))
        {
            return null;
        }

        var row = AccountMessageRow.From(message);
        db.AccountMessages.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row.ToDomain();
    }

    public async Task OpenWindowAsync(Guid accountId, Guid userId, string kind, DateTimeOffset until, int allowance, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OpenAsync(db, accountId, userId, kind, until, allowance, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ThreadMessage>> ThreadAsync(
        Guid accountId, Guid userId, DateTimeOffset followedAt, long? beforeSeq, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = beforeSeq ?? long.MaxValue;

        // Two reads on the (account, user, seq) index, merged: one over the follower's own items, one over broadcasts.
        var own = await db.AccountMessages.AsNoTracking()
            .Where(m => m.AccountId == accountId && m.UserId == userId && m.Seq < before)
            .OrderByDescending(m => m.Seq).Take(take).ToListAsync(cancellationToken);
        var broadcasts = await Broadcasts(db, accountId, userId, followedAt)
            .Where(m => m.Seq < before)
            .OrderByDescending(m => m.Seq).Take(take).ToListAsync(cancellationToken);
        return own.Concat(broadcasts).OrderByDescending(m => m.Seq).Take(take).Select(m => m.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<ThreadMessage>> HistoryAsync(Guid accountId, long? beforeSeq, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = beforeSeq ?? long.MaxValue;
        return (await db.AccountMessages.AsNoTracking()
            .Where(m => m.AccountId == accountId && m.UserId == null && m.Seq < before)
            .Where(m => db.Broadcasts.Any(b => b.Id == m.BroadcastId && b.Audience == BroadcastAudiences.All))
            .OrderByDescending(m => m.Seq).Take(take).ToListAsync(cancellationToken)).ConvertAll(m => m.ToDomain());
    }

    public async Task<bool> IsToAllAsync(Guid broadcastId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Broadcasts.AnyAsync(b => b.Id == broadcastId && b.Audience == BroadcastAudiences.All, cancellationToken);
    }

    public async Task<long> ReadUpToAsync(Guid accountId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Followers.Where(f => f.AccountId == accountId && f.UserId == userId).Select(f => f.ReadUpTo).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<long?> MarkReadAsync(Guid accountId, Guid userId, Guid upTo, DateTimeOffset followedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var seq = await db.AccountMessages.AsNoTracking().Where(m => m.Id == upTo && m.AccountId == accountId && m.UserId == userId).Select(m => (long?)m.Seq).FirstOrDefaultAsync(cancellationToken)
            ?? await Broadcasts(db, accountId, userId, followedAt).Where(m => m.Id == upTo).Select(m => (long?)m.Seq).FirstOrDefaultAsync(cancellationToken);
        if (seq is { } at)
        {
            await db.Followers.Where(f => f.AccountId == accountId && f.UserId == userId && f.ReadUpTo < at)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.ReadUpTo, at), cancellationToken);
        }

        return seq;
    }

    public async Task<int> UnreadAsync(Guid accountId, Guid userId, DateTimeOffset followedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var read = await db.Followers.Where(f => f.AccountId == accountId && f.UserId == userId).Select(f => f.ReadUpTo).FirstOrDefaultAsync(cancellationToken);
        var own = await db.AccountMessages.CountAsync(m => m.AccountId == accountId && m.UserId == userId && m.FromAccount && m.Seq > read, cancellationToken);
        return own + await Broadcasts(db, accountId, userId, followedAt).CountAsync(m => m.Seq > read, cancellationToken);
    }

    public async Task<IReadOnlyList<ThreadMessage>> WithMediaAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.AccountMessages.AsNoTracking().Where(m => m.MediaId == mediaId).Take(100).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    /// <summary>Broadcast items that reached the follower: to everyone since they followed, or naming them.</summary>
    internal static IQueryable<AccountMessageRow> Broadcasts(HutongDbContext db, Guid accountId, Guid userId, DateTimeOffset followedAt) =>
        db.AccountMessages.AsNoTracking()
            .Where(m => m.AccountId == accountId && m.UserId == null && m.SentAt >= followedAt)
            .Where(m => db.Broadcasts.Any(b => b.Id == m.BroadcastId && b.Audience == BroadcastAudiences.All)
                || db.BroadcastRecipients.Any(r => r.BroadcastId == m.BroadcastId && r.UserId == userId));

    private async Task<ThreadMessage?> FindOwnAsync(ThreadMessage message, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.AccountMessages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.AccountId == message.AccountId && m.UserId == message.UserId && m.ClientId == message.ClientId, cancellationToken))?.ToDomain();
    }

    private static async Task<bool> TakeAsync(HutongDbContext db, ThreadMessage message, string kind, CancellationToken cancellationToken) =>
        await db.ServiceWindows
            .Where(w => w.AccountId == message.AccountId && w.UserId == message.UserId && w.Kind == kind && w.Until > message.SentAt && w.Remaining > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Remaining, w => w.Remaining - 1), cancellationToken) == 1;

    private static Task OpenAsync(HutongDbContext db, Guid accountId, Guid userId, string kind, DateTimeOffset until, int allowance, CancellationToken cancellationToken) =>
        BulkInsert.UpsertAsync(
            db,
            [new ServiceWindowRow { AccountId = accountId, UserId = userId, Kind = kind, Until = until, Remaining = allowance }],
            [nameof(ServiceWindowRow.Until), nameof(ServiceWindowRow.Remaining)],
            cancellationToken);
}
