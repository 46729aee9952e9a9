using Hutong.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hutong.Wallet.Ledger;

/// <summary>
/// The node's group commit for money. Requests never depend on one another across callers (each is checked against
/// the balances the ones before it left), so many callers share one transaction and each still gets its own outcomes,
/// once its transfers are durable.
/// </summary>
public sealed class LedgerWriter(ILedgerStore store, TimeProvider clock, ILogger<LedgerWriter> logger)
    : GroupCommit<LedgerWriter.Unit, IReadOnlyList<TransferOutcome>>(logger)
{
    /// <summary>Transfers per transaction.</summary>
    protected override int MaxBatchWeight => 2_000;

    /// <summary>
    /// Applies the requests in order, in one transaction with whatever else is waiting; one outcome each. Accounts in
    /// <paramref name="opening"/> are opened first where they do not exist.
    /// </summary>
    public Task<IReadOnlyList<TransferOutcome>> ApplyAsync(IReadOnlyList<TransferRequest> requests, IReadOnlyList<LedgerAccount>? opening = null) =>
        EnqueueAsync(new Unit(requests, opening ?? []));

    /// <summary>One request, one outcome; the accounts it may open first.</summary>
    public async Task<TransferOutcome> ApplyAsync(TransferRequest request, params IReadOnlyList<LedgerAccount> opening) =>
        (await ApplyAsync([request], opening))[0];

    protected override int Weight(Unit unit) => unit.Requests.Count;

    protected override async Task<IReadOnlyList<IReadOnlyList<TransferOutcome>>> CommitAsync(IReadOnlyList<Unit> units)
    {
        var outcomes = await store.ApplyAsync(
            [.. units.SelectMany(u => u.Requests)], [.. units.SelectMany(u => u.Opening)], clock.GetUtcNow(), CancellationToken.None);
        var results = new IReadOnlyList<TransferOutcome>[units.Count];
        var at = 0;
        for (var i = 0; i < units.Count; i++)
        {
            results[i] = outcomes.Skip(at).Take(units[i].Requests.Count).ToList();
            at += units[i].Requests.Count;
        }

        return results;
    }

    public sealed record Unit(IReadOnlyList<TransferRequest> Requests, IReadOnlyList<LedgerAccount> Opening);
}
