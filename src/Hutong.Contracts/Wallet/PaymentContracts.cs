namespace Hutong.Contracts.Wallet;

/// <summary>
/// A payment a mini-program (or an official account's page) asked for: the parameters of <c>wx.requestPayment</c> as
/// the merchant's server made them, and the payer's PIN (not needed for a preview).
/// </summary>
public sealed record PayRequest(string? AppId, string? TimeStamp, string? NonceStr, string? Package, string? SignType, string? PaySign, string? Pin = null);

/// <summary>A merchant's native QR code, scanned (its <c>code_url</c>), and the payer's PIN (not needed for a preview).</summary>
public sealed record NativePaymentRequest(string? CodeUrl, string? Pin = null);

/// <summary>What the cashier shows before the PIN: who is paid (the merchant's short name), for what, how much.</summary>
public sealed record PaymentPreview(
    string MerchantName, string Description, long Amount, string Currency, string State, string AppId, string? AppName, DateTimeOffset? PaidAt);

/// <summary>A payment as its payer sees it.</summary>
public sealed record PaymentResult(
    string TransactionId, string State, string MerchantName, string Description, long Amount, string Currency, DateTimeOffset? PaidAt);

public static class PaymentStates
{
    public const string Unpaid = "unpaid";
    public const string Paid = "paid";
    public const string PartlyRefunded = "partlyRefunded";
    public const string Refunded = "refunded";
    public const string Closed = "closed";
}
