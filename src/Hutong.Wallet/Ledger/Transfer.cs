namespace Hutong.Wallet.Ledger;

/// <summary>
/// A transfer to create. <see cref="Id"/> is chosen by whoever asks (namespaced by the wallet feature, so one person's
/// ids never meet another's) and makes a retry safe: the same transfer again returns the first result, a different
/// one under the same id is refused. A <see cref="TransferKind.Pending"/> transfer reserves money until a later
/// transfer posts or voids it by <see cref="PendingId"/>.
/// </summary>
public sealed record TransferRequest(
    string Id,
    Guid DebitAccountId,
    Guid CreditAccountId,
    long Amount,
    TransferCode Code,
    TransferKind Kind = TransferKind.Posted,
    string? PendingId = null,
    string? Reference = null);

/// <summary>A created transfer: immutable once written.</summary>
public sealed record Transfer(
    string Id,
    Guid DebitAccountId,
    Guid CreditAccountId,
    long Amount,
    TransferCode Code,
    TransferKind Kind,
    string? PendingId,
    string? Reference,
    DateTimeOffset CreatedAt)
{
    /// <summary>Whether a request is the very transfer this one is, so that retrying it returns this one.</summary>
    public bool SameAs(TransferRequest request) =>
        request.DebitAccountId == DebitAccountId && request.CreditAccountId == CreditAccountId && request.Amount == Amount
        && request.Code == Code && request.Kind == Kind && request.PendingId == PendingId && request.Reference == Reference;
}

/// <summary>Why money moved, for people's histories and for audits.</summary>
public enum TransferCode
{
    TopUp = 1,
    Withdrawal = 2,
    PersonToPerson = 3,
    RedPacketFund = 4,
    RedPacketOpen = 5,
    RedPacketRefund = 6,

    /// <summary>A person pays an order: their wallet to the order's escrow (reserved first, then posted).</summary>
    MerchantPayment = 7,

    /// <summary>A paid order's escrow to its merchant.</summary>
    MerchantSettlement = 8,

    /// <summary>A refund: the order's escrow (or, once settled, the merchant) back to the payer.</summary>
    MerchantRefund = 9,

    /// <summary>A merchant's settled money to its owner's wallet.</summary>
    MerchantPayout = 10,

    /// <summary>A person pays another by scanning their receive code: wallet to wallet, posted at once.</summary>
    ReceiveCodePayment = 11,
}

/// <summary>A transfer posts at once, or goes in two phases: reserve (pending), then post or void.</summary>
public enum TransferKind
{
    Posted = 0,
    Pending = 1,
    PostPending = 2,
    VoidPending = 3,
}

/// <summary>What became of a transfer request.</summary>
public enum TransferResult
{
    Created,

    /// <summary>The same transfer was created before: nothing moved again.</summary>
    Exists,
    ExistsWithDifferentFields,
    AmountMustBePositive,
    AccountsMustBeDifferent,

    /// <summary>Only a post or a void names a pending transfer.</summary>
    PendingIdNotExpected,
    DebitAccountNotFound,
    CreditAccountNotFound,
    CurrenciesDiffer,
    ExceedsCredits,
    ExceedsDebits,
    PendingIdRequired,
    PendingNotFound,
    PendingAlreadyPosted,
    PendingAlreadyVoided,
    PendingAccountsDiffer,
    PendingAmountExceeded,
}

/// <summary>The result of one request, with the transfer when there is one (created now, or the first).</summary>
public sealed record TransferOutcome(TransferResult Result, Transfer? Transfer)
{
    public bool Succeeded => Result is TransferResult.Created or TransferResult.Exists;
}
