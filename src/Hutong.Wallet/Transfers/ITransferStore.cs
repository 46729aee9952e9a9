namespace Hutong.Wallet.Transfers;

/// <summary>
/// A transfer between two people: the money waits (a pending ledger transfer) until the receiver answers or it expires.
/// <see cref="Id"/> names it everywhere; <see cref="TransferId"/> is the sender's idempotency key, unique per sender only.
/// </summary>
public sealed record PersonTransfer(
    Guid Id, string TransferId, Guid SenderId, Guid ReceiverId, long Amount, string? Note, string State,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Settled);

public interface ITransferStore
{
    /// <summary>Adds the transfer unless the sender already used its id; returns the one stored under that id.</summary>
    Task<PersonTransfer> AddAsync(PersonTransfer transfer, CancellationToken cancellationToken);

    /// <summary>The transfer by the node's id; the caller checks who may see it.</summary>
    Task<PersonTransfer?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Moves a pending transfer to <paramref name="state"/>; false when it was no longer pending (someone else won).</summary>
    Task<bool> ResolveAsync(Guid id, string state, CancellationToken cancellationToken);

    /// <summary>Marks that the ledger has carried out the transfer's state.</summary>
    Task MarkSettledAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Pending transfers past their expiry, and resolved ones whose ledger step is not yet done.</summary>
    Task<IReadOnlyList<PersonTransfer>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
