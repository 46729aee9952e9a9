namespace Hutong.Wallet.Merchants.Orders;

/// <summary>
/// An order a merchant created for a payment (WeChat Pay's transaction). <see cref="OutTradeNo"/> is the merchant's own
/// number, unique per merchant; <see cref="TransactionId"/> the platform's. Its money moves from the payer to the
/// ledger account with the order's <see cref="Id"/> (its escrow) when paid, to the merchant when settled, and back to
/// the payer on a refund. <see cref="RequestHash"/> says what was asked for, so a repeat with the same parameters
/// answers the same order and one with different ones is refused. <see cref="PrepayId"/> starts a payment for two hours
/// from <see cref="PrepayIssuedAt"/>; the same request after that answers a new one, as WeChat Pay does.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.wallet.merchant-order")]
public sealed record MerchantOrder(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid MerchantId,
    [property: Id(2)] string TransactionId,
    [property: Id(3)] string OutTradeNo,
    [property: Id(4)] string AppId,
    [property: Id(5)] string TradeType,
    [property: Id(6)] string Description,
    [property: Id(7)] string? Attach,
    [property: Id(8)] string NotifyUrl,
    [property: Id(9)] long Amount,
    [property: Id(10)] string Currency,
    [property: Id(11)] string? PayerOpenId,
    [property: Id(12)] Guid? PayerId,
    [property: Id(13)] string PrepayId,
    [property: Id(14)] string RequestHash,
    [property: Id(15)] string State,
    [property: Id(16)] DateTimeOffset CreatedAt,
    [property: Id(17)] DateTimeOffset ExpiresAt,
    [property: Id(18)] DateTimeOffset? PaidAt,
    [property: Id(19)] bool PayPosted,
    [property: Id(20)] long RefundedAmount,
    [property: Id(21)] int RefundCount,
    [property: Id(22)] DateTimeOffset? SettledAt,
    [property: Id(23)] DateTimeOffset PrepayIssuedAt)
{
    /// <summary>How long a <see cref="PrepayId"/> (and a native order's code) can be paid with, as WeChat Pay's.</summary>
    public static readonly TimeSpan PrepayLifetime = TimeSpan.FromHours(2);

    /// <summary>
    /// An unpaid order within its time whose prepay id is past its two hours: it cannot start a payment, and a repeat
    /// of the order's creation issues a new one.
    /// </summary>
    public bool PrepayExpired(DateTimeOffset now) => Payable(now) && now >= PrepayIssuedAt + PrepayLifetime;

    /// <summary>What a payment would still be refused for: anything but an unpaid order within its time.</summary>
    public bool Payable(DateTimeOffset now) => State == TradeStates.NotPay && now < ExpiresAt;

    public bool Paid => State is TradeStates.Success or TradeStates.Refund;
}

/// <summary>WeChat Pay's <c>trade_state</c> values that Hutong uses.</summary>
public static class TradeStates
{
    public const string NotPay = "NOTPAY";
    public const string Success = "SUCCESS";

    /// <summary>Paid, and part or all of it refunded since.</summary>
    public const string Refund = "REFUND";
    public const string Closed = "CLOSED";

    public static string Description(string state) => state switch
    {
        NotPay => "未支付",
        Success => "支付成功",
        Refund => "转入退款",
        Closed => "已关闭",
        _ => state,
    };
}

/// <summary>WeChat Pay's <c>trade_type</c>: how the order is paid.</summary>
public static class TradeTypes
{
    /// <summary>Inside an app (a mini-program's <c>wx.requestPayment</c>, an official account's page), by a payer named by openid.</summary>
    public const string JsApi = "JSAPI";

    /// <summary>By scanning the order's QR code: anyone who scans it may pay.</summary>
    public const string Native = "NATIVE";
}

/// <summary>A refund of part or all of a paid order; <see cref="OutRefundNo"/> is the merchant's number, unique per merchant.</summary>
public sealed record MerchantRefund(
    Guid Id,
    Guid MerchantId,
    Guid OrderId,
    string RefundId,
    string OutRefundNo,
    long Amount,
    string? Reason,
    string? NotifyUrl,
    string RequestHash,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SuccessAt);

/// <summary>WeChat Pay's refund <c>status</c> values that Hutong uses.</summary>
public static class RefundStates
{
    public const string Processing = "PROCESSING";
    public const string Success = "SUCCESS";
}
