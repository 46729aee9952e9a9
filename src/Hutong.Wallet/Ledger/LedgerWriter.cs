using System.Diagnostics.Metrics;
using Hutong.Core.Storage;
using Hutong.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Hutong.Wallet.Ledger;

/// <summary>
/// The node's group commit for money. Requests never depend on one another across callers (each is checked against
/// the balances the ones before it left), so many callers share one transaction and each still gets its own outcomes,
/// once its transfers are durable. Every transfer it creates is counted (<c>hutong.ledger.transfers</c>, by code and
/// phase), once: a retry that finds its transfer already there moves nothing.
/// </summary>
public sealed class LedgerWriter(ILedgerStore store, TimeProvider clock, ILogger<LedgerWriter> logger, IMeterFactory meters)
    : GroupCommit<LedgerWriter.Unit, IReadOnlyList<TransferOutcome>>(logger, meters)
{
    private readonly Counter<long> _created = HutongMeter.Create(meters).CreateCounter<long>(
        "hutong.ledger.transfers", "{transfer}", "Ledger transfers created, by code (why money moved) and phase.");

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
        foreach (var outcome in outcomes)
        {
            if (outcome is { Result: TransferResult.Created, Transfer: { } transfer })
            {
                _created.Add(1, new("hutong.transfer.code", CodeName(transfer.Code)), new("hutong.transfer.phase", PhaseName(transfer.Kind)));
            }
        }

        var results = new IReadOnlyList<TransferOutcome>[units.Count];
        var at = 0;
        for (var i = 0; i < units.Count; i++)
        {
            results[i] = outcomes.Skip(at).Take(units[i].Requests.Count).ToList();
            at += units[i].Requests.Count;
        }

        return results;
    }

    /// <summary>A code as a tag value: constants, so counting allocates nothing.</summary>
    internal static string CodeName(TransferCode code) => code switch
    {
        TransferCode.TopUp => "top_up",
        TransferCode.Withdrawal => "withdrawal",
        TransferCode.PersonToPerson => "person_to_person",
        TransferCode.RedPacketFund => "red_packet_fund",
        TransferCode.RedPacketOpen => "red_packet_open",
        TransferCode.RedPacketRefund => "red_packet_refund",
        TransferCode.MerchantPayment => "merchant_payment",
        TransferCode.MerchantSettlement => "merchant_settlement",
        TransferCode.MerchantRefund => "merchant_refund",
        TransferCode.MerchantPayout => "merchant_payout",
        TransferCode.ReceiveCodePayment => "receive_code_payment",
        _ => "other",
    };

    internal static string PhaseName(TransferKind kind) => kind switch
    {
        TransferKind.Posted => "posted",
        TransferKind.Pending => "pending",
        TransferKind.PostPending => "post_pending",
        TransferKind.VoidPending => "void_pending",
        _ => "other",
    };

    public sealed record Unit(IReadOnlyList<TransferRequest> Requests, IReadOnlyList<LedgerAccount> Opening);
}
