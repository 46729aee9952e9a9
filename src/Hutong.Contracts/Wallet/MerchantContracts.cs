namespace Hutong.Contracts.Wallet;

/// <summary>
/// <c>POST /api/v1/merchants</c>: an application to take payments. <see cref="ShortName"/> is what payers' bills show;
/// each is cleaned as names are.
/// </summary>
public sealed record CreateMerchantRequest(string Name, string ShortName, string Category);

/// <summary>
/// A merchant as its owner (or an operator) sees it. <see cref="MchId"/> is the ten-digit id its code sends to
/// <c>/v3</c>; <see cref="HasApiV3Key"/> says whether an API v3 key is set, never the key.
/// </summary>
public sealed record MerchantInfo(
    string MerchantId,
    string MchId,
    string Name,
    string ShortName,
    string Category,
    string State,
    string? RejectReason,
    bool HasApiV3Key,
    IReadOnlyList<MerchantKeyInfo> Keys,
    IReadOnlyList<MerchantAppInfo> Apps,
    DateTimeOffset CreatedAt);

/// <summary>One of the merchant's API keys in use, by the serial its requests name in <c>serial_no</c>.</summary>
public sealed record MerchantKeyInfo(string SerialNo, DateTimeOffset CreatedAt);

/// <summary>An app the merchant charges through; <see cref="Name"/> is null when the app is gone.</summary>
public sealed record MerchantAppInfo(string AppId, string? Name);

/// <summary>Merchants: the caller's own, or (for operators) those in a state.</summary>
public sealed record MerchantList(IReadOnlyList<MerchantInfo> Items);

/// <summary><c>PUT /api/v1/merchants/{merchantId}/api-v3-key</c>: 32 ASCII letters and digits, as WeChat Pay's are.</summary>
public sealed record SetApiV3KeyRequest(string Key);

/// <summary>
/// <c>POST /api/v1/merchants/{merchantId}/keys</c>: an RSA public key (2048 to 4096 bits) in PEM, as a
/// <c>PUBLIC KEY</c>, an <c>RSA PUBLIC KEY</c> or a <c>CERTIFICATE</c>.
/// </summary>
public sealed record AddMerchantKeyRequest(string PublicKey);

/// <summary>
/// The merchant's money, in the minor unit: <see cref="Settled"/> is what a payout may take, <see cref="Unsettled"/>
/// what paid orders still hold (less refunds) until they settle.
/// </summary>
public sealed record MerchantBalance(long Settled, long Unsettled, string Currency);

/// <summary>
/// <c>POST /api/v1/merchants/{merchantId}/payouts</c>: settled money to the owner's wallet, authorised by the owner's
/// payment PIN. <see cref="TransferId"/> is the owner's own key for retries, scoped to this merchant.
/// </summary>
public sealed record MerchantPayoutRequest(string TransferId, long Amount, string Pin);

/// <summary>A payout done (now, or by the first request under the same id): what is left settled, and the wallet's balance after.</summary>
public sealed record MerchantPayoutReceipt(string TransferId, long Amount, long Settled, long Balance, DateTimeOffset At);

/// <summary><c>POST /api/v1/admin/merchants/{merchantId}/reject</c>: why, for the merchant's owner.</summary>
public sealed record RejectMerchantRequest(string Reason);

/// <summary><c>POST /api/v1/admin/payments/platform-keys/rotate</c>: the serial of the key that signs from now on.</summary>
public sealed record PlatformKeyRotated(string SerialNo);

/// <summary>
/// One of a merchant's orders, as its owner sees it: the numbers on both sides, the state as WeChat Pay names it
/// (<c>NOTPAY</c>, <c>SUCCESS</c>, <c>REFUND</c>, <c>CLOSED</c>), and its refunds when asked for one order.
/// </summary>
public sealed record MerchantOrderInfo(
    string TransactionId,
    string OutTradeNo,
    string TradeType,
    string AppId,
    string Description,
    long Amount,
    string Currency,
    string State,
    long RefundedAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? SettledAt,
    IReadOnlyList<MerchantRefundInfo>? Refunds = null);

public sealed record MerchantRefundInfo(string RefundId, string OutRefundNo, long Amount, string? Reason, string State, DateTimeOffset CreatedAt, DateTimeOffset? SuccessAt);

/// <summary>A page of orders, newest first; <see cref="Cursor"/> asks for the next.</summary>
public sealed record MerchantOrderList(IReadOnlyList<MerchantOrderInfo> Items, string? Cursor);

/// <summary>
/// <c>POST /api/v1/merchants/{merchantId}/orders/{transactionId}/refunds</c>: a refund from the merchant's screen.
/// <see cref="OutRefundNo"/> is the owner's own number for retries (6 to 64 of letters, digits, <c>_-|*</c>), as in the API.
/// </summary>
public sealed record MerchantRefundRequest(string OutRefundNo, long Amount, string? Reason);
