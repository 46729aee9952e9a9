namespace Hutong.Wallet.Ledger;

/// <summary>
/// The rules of the ledger, applied to the working set of one database transaction: the accounts the requests touch,
/// the transfers already created under their ids, and the pending transfers they post or void (with how each was
/// resolved, if it was). Requests apply in order, each seeing what the ones before it did; a refused request changes
/// nothing. The store loads the working set, applies the batch, and writes <see cref="Created"/> and
/// <see cref="Touched"/> in the same transaction.
/// </summary>
public sealed class LedgerBatch(
    IReadOnlyDictionary<Guid, LedgerAccount> accounts,
    IReadOnlyDictionary<string, Transfer> existing,
    IReadOnlyDictionary<string, Transfer> resolutions)
{
    private readonly Dictionary<Guid, LedgerAccount> _accounts = new(accounts);
    private readonly Dictionary<string, Transfer> _transfers = new(existing, StringComparer.Ordinal);
    private readonly Dictionary<string, Transfer> _resolutions = new(resolutions, StringComparer.Ordinal);
    private readonly List<Transfer> _created = [];
    private readonly HashSet<Guid> _touched = [];

    /// <summary>Transfers created by this batch, in order.</summary>
    public IReadOnlyList<Transfer> Created => _created;

    /// <summary>The accounts whose balances this batch changed, as they now stand.</summary>
    public IEnumerable<LedgerAccount> Touched => _touched.Select(id => _accounts[id]);

    public TransferOutcome Apply(TransferRequest request, DateTimeOffset now)
    {
        if (_transfers.TryGetValue(request.Id, out var first))
        {
            return new TransferOutcome(first.SameAs(request) ? TransferResult.Exists : TransferResult.ExistsWithDifferentFields, first);
        }

        var phase = request.Kind;
        if (request.Amount <= 0)
        {
            return Refused(TransferResult.AmountMustBePositive);
        }

        if (request.DebitAccountId == request.CreditAccountId)
        {
            return Refused(TransferResult.AccountsMustBeDifferent);
        }

        if (!_accounts.TryGetValue(request.DebitAccountId, out var debit))
        {
            return Refused(TransferResult.DebitAccountNotFound);
        }

        if (!_accounts.TryGetValue(request.CreditAccountId, out var credit))
        {
            return Refused(TransferResult.CreditAccountNotFound);
        }

        if (debit.Currency != credit.Currency)
        {
            return Refused(TransferResult.CurrenciesDiffer);
        }

        var outcome = phase is TransferKind.PostPending or TransferKind.VoidPending
            ? Resolve(request, phase, ref debit, ref credit)
            : Move(request, phase, ref debit, ref credit);
        if (outcome is not null)
        {
            return outcome;
        }

        var transfer = new Transfer(request.Id, request.DebitAccountId, request.CreditAccountId, request.Amount, request.Code,
            request.Kind, request.PendingId, request.Reference, now);
        _accounts[debit.Id] = debit;
        _accounts[credit.Id] = credit;
        _touched.Add(debit.Id);
        _touched.Add(credit.Id);
        _transfers[transfer.Id] = transfer;
        if (request.PendingId is { } pendingId)
        {
            _resolutions[pendingId] = transfer;
        }

        _created.Add(transfer);
        return new TransferOutcome(TransferResult.Created, transfer);
    }

    /// <summary>A plain transfer (posted at once) or a pending one (reserved), within the accounts' limits.</summary>
    private static TransferOutcome? Move(TransferRequest request, TransferKind phase, ref LedgerAccount debit, ref LedgerAccount credit)
    {
        if (request.PendingId is not null)
        {
            return Refused(TransferResult.PendingIdNotExpected);
        }

        var amount = request.Amount;
        if (debit.Limits.HasFlag(AccountLimits.DebitsMustNotExceedCredits) && debit.DebitsPending + debit.DebitsPosted + amount > debit.CreditsPosted)
        {
            return Refused(TransferResult.ExceedsCredits);
        }

        if (credit.Limits.HasFlag(AccountLimits.CreditsMustNotExceedDebits) && credit.CreditsPending + credit.CreditsPosted + amount > credit.DebitsPosted)
        {
            return Refused(TransferResult.ExceedsDebits);
        }

        checked
        {
            (debit, credit) = phase == TransferKind.Pending
                ? (debit with { DebitsPending = debit.DebitsPending + amount }, credit with { CreditsPending = credit.CreditsPending + amount })
                : (debit with { DebitsPosted = debit.DebitsPosted + amount }, credit with { CreditsPosted = credit.CreditsPosted + amount });
        }

        return null;
    }

    /// <summary>Posts (all or part of) or voids a pending transfer; whatever is not posted goes back.</summary>
    private TransferOutcome? Resolve(TransferRequest request, TransferKind phase, ref LedgerAccount debit, ref LedgerAccount credit)
    {
        if (request.PendingId is not { } pendingId)
        {
            return Refused(TransferResult.PendingIdRequired);
        }

        if (!_transfers.TryGetValue(pendingId, out var pending) || pending.Kind != TransferKind.Pending)
        {
            return Refused(TransferResult.PendingNotFound);
        }

        if (_resolutions.TryGetValue(pendingId, out var resolved))
        {
            return Refused(resolved.Kind == TransferKind.PostPending ? TransferResult.PendingAlreadyPosted : TransferResult.PendingAlreadyVoided);
        }

        if (pending.DebitAccountId != debit.Id || pending.CreditAccountId != credit.Id)
        {
            return Refused(TransferResult.PendingAccountsDiffer);
        }

        if (request.Amount > pending.Amount || (phase == TransferKind.VoidPending && request.Amount != pending.Amount))
        {
            return Refused(TransferResult.PendingAmountExceeded);
        }

        var posted = phase == TransferKind.PostPending ? request.Amount : 0;
        checked
        {
            debit = debit with { DebitsPending = debit.DebitsPending - pending.Amount, DebitsPosted = debit.DebitsPosted + posted };
            credit = credit with { CreditsPending = credit.CreditsPending - pending.Amount, CreditsPosted = credit.CreditsPosted + posted };
        }

        return null;
    }

    private static TransferOutcome Refused(TransferResult result) => new(result, null);
}
