using Hutong.Core;
namespace Hutong.Wallet.Ledger;

/// <summary>Where the ledger lives. Each call is one database transaction: all of it is written, or none.</summary>
public interface ILedgerStore
{
    Task<LedgerAccount?> FindAccountAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The transfer created under <paramref name="id"/>, if any.</summary>
    Task<Transfer?> FindTransferAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the requests in order, each seeing the ones before it, and returns one outcome each. The accounts in
    /// <paramref name="opening"/> are opened first where they do not exist yet, in the same transaction, so a first
    /// payment to someone costs no extra round trip.
    /// </summary>
    Task<IReadOnlyList<TransferOutcome>> ApplyAsync(
        IReadOnlyList<TransferRequest> requests, IReadOnlyList<LedgerAccount> opening, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Transfers that moved an account's balance (posted at once, or the post of a pending one), newest first by
    /// (time, id), after the page that ended at <paramref name="after"/> if given. Holds and their voids change what may be spent, not the balance, and
    /// are left out, so a transfer shows once, when its money moves.
    /// </summary>
    Task<IReadOnlyList<Transfer>> ListAsync(Guid accountId, TimeCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Sums over every account, for checking the invariants.</summary>
    Task<LedgerTotals> TotalsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Sums over all accounts. In a sound ledger posted debits equal posted credits, pending debits equal pending
/// credits, and no account that must not go negative has.
/// </summary>
public sealed record LedgerTotals(long DebitsPosted, long CreditsPosted, long DebitsPending, long CreditsPending, int AccountsBelowZero)
{
    public bool Balanced => DebitsPosted == CreditsPosted && DebitsPending == CreditsPending && AccountsBelowZero == 0;
}
