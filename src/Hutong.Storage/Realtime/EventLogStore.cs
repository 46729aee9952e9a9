using Hutong.Realtime.Log;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Realtime;

internal sealed class EventLogStore(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : IEventLogStore
{
    public async Task AppendAsync(IReadOnlyList<StoredEvent> entries, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, entries.Select(EventLogRow.From).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> GetLastSeqAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserEvents.Where(e => e.UserId == userId).MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid userId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.UserEvents.AsNoTracking()
            .Where(e => e.UserId == userId && e.Seq > afterSeq)
            .OrderBy(e => e.Seq).Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(e => e.ToDomain());
    }
}
