using Hutong.Contracts.Wallet;
using Hutong.Wallet.RedPackets;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet;

internal sealed class RedPacketStore(IDbContextFactory<HutongDbContext> contexts) : IRedPacketStore
{
    public async Task<RedPacket> AddAsync(RedPacket packet, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(packet.SenderId, packet.PacketId, cancellationToken) is { } existing)
        {
            return existing;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.RedPackets.Add(RedPacketRow.From(packet));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return packet;
        }
        catch (DbUpdateException)
        {
            // The same id raced in from another request: the first one stands.
            return (await FindOwnAsync(packet.SenderId, packet.PacketId, cancellationToken))!;
        }
    }

    public async Task<RedPacket?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.RedPackets.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken))?.ToDomain();
    }

    public async Task SetMessageSeqAsync(Guid id, long seq, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RedPackets.Where(p => p.Id == id).ExecuteUpdateAsync(set => set.SetProperty(p => p.MessageSeq, seq), cancellationToken);
    }

    public async Task<bool> ResolveAsync(Guid id, string from, string to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RedPackets.Where(p => p.Id == id && p.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, to), cancellationToken) == 1;
    }

    public async Task MarkSettledAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RedPackets.Where(p => p.Id == id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Settled, true), cancellationToken);
    }

    public async Task<IReadOnlyList<RedPacket>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.RedPackets.AsNoTracking()
            .Where(p => !p.Settled && (p.State == RedPacketStates.Expired || (p.State == RedPacketStates.Active && p.ExpiresAt <= now)))
            .OrderBy(p => p.ExpiresAt).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(p => p.ToDomain());
    }

    public async Task<bool> AnyOutstandingAsync(Guid senderId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RedPackets.AnyAsync(
            p => p.SenderId == senderId && (p.State == RedPacketStates.Active || (p.State == RedPacketStates.Expired && !p.Settled)), cancellationToken);
    }

    private async Task<RedPacket?> FindOwnAsync(Guid senderId, string packetId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.RedPackets.AsNoTracking().FirstOrDefaultAsync(p => p.SenderId == senderId && p.PacketId == packetId, cancellationToken))?.ToDomain();
    }
}
