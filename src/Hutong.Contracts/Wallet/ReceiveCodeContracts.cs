namespace Hutong.Contracts.Wallet;

/// <summary>
/// <c>GET /api/v1/wallet/receive-code</c>: the caller's receive-money code as its QR code carries it
/// (<c>hutong://receive/{code}</c>, with <c>?amount=</c> when <see cref="Amount"/> fixes what the payer pays).
/// </summary>
public sealed record ReceiveCodeInfo(string CodeUrl, long? Amount);

/// <summary><c>POST /api/v1/wallet/receive-code/preview</c>: a scanned receive code.</summary>
public sealed record ReceiveCodePreviewRequest(string? CodeUrl);

/// <summary>
/// Whom a receive code pays, as the payer sees them before typing an amount: their name and avatar, and the amount the
/// code fixes, if it does.
/// </summary>
public sealed record ReceiveCodePreview(string Name, string? AvatarUrl, long? Amount, string Currency);

/// <summary>
/// <c>POST /api/v1/wallet/receive-code/payments</c>: pays the code's owner <see cref="Amount"/> (fen) from the caller's
/// wallet, with the PIN. <see cref="TransferId"/> is the payer's own key for retries, scoped to the payer.
/// </summary>
public sealed record PayByCodeRequest(string? CodeUrl, string TransferId, long Amount, string? Note, string? Pin);

/// <summary>
/// A payment by receive code, as its payer sees it: whom it paid, how much, the note, and the payer's balance after.
/// </summary>
public sealed record ReceiveCodePayment(
    string PaymentId, string TransferId, string ReceiverName, string? ReceiverAvatarUrl, long Amount, string Currency, string? Note, long Balance, DateTimeOffset At);
