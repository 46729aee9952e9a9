using System.Text.Json.Serialization;

namespace Hutong.Contracts.Wallet;

/// <summary>
/// A Pay notice to a payer: a merchant was paid from their wallet, or gave money back to it. It names the merchant by
/// the short name their bills show, as the wallet's history line does, and the payment by its transaction id.
/// <see cref="Amount"/> is positive either way (fen); the kind says which way it went. Live as a <c>paymentNotice</c>
/// event, and listed by <c>GET /api/v1/wallet/notices</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PaidNotice), PaymentNoticeKinds.Payment)]
[JsonDerivedType(typeof(RefundedNotice), PaymentNoticeKinds.Refund)]
public abstract record PaymentNotice(string MerchantName, long Amount, string Currency, string Description, string TransactionId, DateTimeOffset At);

/// <summary>The person paid the merchant for <see cref="PaymentNotice.Description"/>; <c>at</c> is when it was paid.</summary>
public sealed record PaidNotice(string MerchantName, long Amount, string Currency, string Description, string TransactionId, DateTimeOffset At)
    : PaymentNotice(MerchantName, Amount, Currency, Description, TransactionId, At);

/// <summary>
/// The merchant refunded part or all of the payment <see cref="PaymentNotice.TransactionId"/>; the money is back in the
/// wallet. <see cref="RefundId"/> is the refund's, as its history line's <c>reference</c>; <c>at</c> is when it was done.
/// </summary>
public sealed record RefundedNotice(string MerchantName, long Amount, string Currency, string Description, string TransactionId, string RefundId, DateTimeOffset At)
    : PaymentNotice(MerchantName, Amount, Currency, Description, TransactionId, At);

/// <summary>The <c>kind</c> of each <see cref="PaymentNotice"/>.</summary>
public static class PaymentNoticeKinds
{
    public const string Payment = "payment";
    public const string Refund = "refund";
}

/// <summary><c>GET /api/v1/wallet/notices</c>: the caller's Pay notices, newest first; <c>nextCursor</c> fetches older ones, null at the end.</summary>
public sealed record PaymentNoticeList(IReadOnlyList<PaymentNotice> Notices, string? NextCursor);
