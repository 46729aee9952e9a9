using Hutong.Core;

namespace Hutong.Wallet.Merchants.PayerNotices;

/// <summary>A payer's payments and refunds as their wallet's history holds them, read for their Pay notices.</summary>
public interface IPaymentNoticeStore
{
    /// <summary>
    /// The merchant payments that left the person's wallet and the refunds that came back to it, newest first by the
    /// ledger's (time, id), as the history pages them, after the page that ended at <paramref name="after"/> if given;
    /// each with its merchant's short name and its order's description. <c>Next</c> names the last transfer read when
    /// the page is full.
    /// </summary>
    Task<(IReadOnlyList<PayerMovement> Movements, TimeCursor? Next)> ListAsync(Guid payerId, TimeCursor? after, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// A payment (no <see cref="RefundId"/>) or a refund as its payer is told of it. <see cref="At"/> is when the order was
/// paid or the refund done, as the live notice said; the ledger's time where the refund is not marked done yet.
/// </summary>
public sealed record PayerMovement(string TransactionId, string? RefundId, string MerchantName, string Description, long Amount, string Currency, DateTimeOffset At);
