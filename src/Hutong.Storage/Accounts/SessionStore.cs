using Hutong.Accounts.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Accounts;

internal sealed class SessionStore(IDbContextFactory<HutongDbContext> contexts) : ISessionStore
{
    public async Task AddAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.DeviceSessions.Add(new DeviceSessionRow
        {
            DeviceId = session.DeviceId,
            UserId = session.UserId,
            Name = session.Name,
            TokenHash = session.TokenHash,
            CreatedAt = session.CreatedAt,
            LastSeenAt = session.LastSeenAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<DeviceSession?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DeviceSessions.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == tokenHash, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<DeviceSession>> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DeviceSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToDomain);
    }

    public async Task TouchAsync(IReadOnlyDictionary<Guid, DateTimeOffset> lastSeen, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (deviceId, at) in lastSeen)
        {
            await db.DeviceSessions.Where(s => s.DeviceId == deviceId).ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, at), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(Guid userId, Guid deviceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DeviceSessions.Where(s => s.UserId == userId && s.DeviceId == deviceId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static DeviceSession ToDomain(DeviceSessionRow row) =>
        new(row.DeviceId, row.UserId, row.Name, row.TokenHash, row.CreatedAt, row.LastSeenAt);
}
