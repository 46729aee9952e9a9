using Hutong.Chat.Events;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Chat;

internal sealed class UserEventStore(IDbContextFactory<HutongDbContext> contexts) : IUserEventStore
{
    public async Task<long> GetLastSeqAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserEvents.Where(e => e.UserId == userId).MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<StoredUserEvent>> ReadAsync(Guid userId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.UserEvents.AsNoTracking()
            .Where(e => e.UserId == userId && e.Seq > afterSeq)
            .OrderBy(e => e.Seq).Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(e => e.ToDomain());
    }
}
