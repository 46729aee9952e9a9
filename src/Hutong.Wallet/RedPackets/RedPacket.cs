namespace Hutong.Wallet.RedPackets;

/// <summary>
/// A red packet as stored. Its money sits in an escrow ledger account of its own (<see cref="Id"/>) that can never go
/// negative, so however opens race, the shares cannot add up to more than was put in. Who opened what is not stored
/// here: each open is a ledger transfer out of that account, under an id made of the packet and the opener, so a
/// person opens once even across a restart.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.wallet.red-packet")]
public sealed record RedPacket(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string PacketId,
    [property: Id(2)] Guid SenderId,
    [property: Id(3)] Guid ConversationId,
    [property: Id(4)] bool Lucky,
    [property: Id(5)] long TotalAmount,
    [property: Id(6)] int Count,
    [property: Id(7)] string? Greeting,
    [property: Id(8)] string State,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset ExpiresAt,
    [property: Id(11)] long? MessageSeq,
    [property: Id(12)] bool Settled);

/// <summary>One opened share.</summary>
[GenerateSerializer, Immutable, Alias("hutong.wallet.red-packet-share")]
public sealed record PacketShare([property: Id(0)] Guid UserId, [property: Id(1)] long Amount, [property: Id(2)] DateTimeOffset OpenedAt);

/// <summary>A packet with its opens in the order they happened, and its state as people see it.</summary>
[GenerateSerializer, Immutable, Alias("hutong.wallet.red-packet-view")]
public sealed record PacketView([property: Id(0)] RedPacket Packet, [property: Id(1)] IReadOnlyList<PacketShare> Opens, [property: Id(2)] string State);

public interface IRedPacketStore
{
    /// <summary>Adds the packet unless its sender already used its id; returns the one stored under that id.</summary>
    Task<RedPacket> AddAsync(RedPacket packet, CancellationToken cancellationToken);

    Task<RedPacket?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task SetMessageSeqAsync(Guid id, long seq, CancellationToken cancellationToken);

    /// <summary>Moves the packet from one state to another; false when it was no longer in <paramref name="from"/>.</summary>
    Task<bool> ResolveAsync(Guid id, string from, string to, CancellationToken cancellationToken);

    /// <summary>Marks that what was left has gone back to the sender.</summary>
    Task MarkSettledAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Active packets past their expiry, and expired ones whose money has not gone back yet.</summary>
    Task<IReadOnlyList<RedPacket>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>True while a packet of the sender's may still send money back to them (active, or expired and not yet returned).</summary>
    Task<bool> AnyOutstandingAsync(Guid senderId, CancellationToken cancellationToken);
}
