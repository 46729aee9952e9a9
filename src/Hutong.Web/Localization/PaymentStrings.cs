namespace Hutong.Web.Localization;

/// <summary>
/// The words of paying merchants: the cashier, the page a scanned payment code opens, payments in the wallet's history,
/// and Pay notices.
/// </summary>
public sealed class PaymentStrings
{
    /// <summary>The cashier's title and the payment page's.</summary>
    public required string Payment { get; init; }
    public required string Checking { get; init; }
    public required Func<string, string> FromBalance { get; init; }
    public required string Paid { get; init; }
    public required Func<string, string> YouPaid { get; init; }
    public required string Done { get; init; }
    public required string NothingPaid { get; init; }
    public required string PayAgain { get; init; }
    public required string SeeInWallet { get; init; }

    /// <summary>A payment in the wallet's history: "Payment to Tea House".</summary>
    public required Func<string, string> PaymentTo { get; init; }

    /// <summary>A refund in the wallet's history: "Refund from Tea House".</summary>
    public required Func<string, string> RefundFrom { get; init; }

    /// <summary>A merchant's payout to its owner in the wallet's history: "Payout from Tea House".</summary>
    public required Func<string, string> PayoutFrom { get; init; }

    /// <summary>Where Pay notices come from, among the service notices.</summary>
    public required string HutongPay { get; init; }

    /// <summary>A Pay notice of a payment: "Payment to Tea House: ¥28.00".</summary>
    public required Func<string, string, string> PaymentNotice { get; init; }

    /// <summary>A Pay notice of a refund: "Refund from Tea House: ¥10.00".</summary>
    public required Func<string, string, string> RefundNotice { get; init; }

    public static PaymentStrings English { get; } = new()
    {
        Payment = "Payment",
        Checking = "Checking the payment…",
        FromBalance = available => $"Paid from your wallet ({available} available).",
        Paid = "Paid",
        YouPaid = merchant => $"You paid {merchant}.",
        Done = "Done",
        NothingPaid = "Nothing was paid.",
        PayAgain = "Pay",
        SeeInWallet = "See it in your wallet",
        PaymentTo = merchant => $"Payment to {merchant}",
        RefundFrom = merchant => $"Refund from {merchant}",
        PayoutFrom = merchant => $"Payout from {merchant}",
        HutongPay = "Hutong Pay",
        PaymentNotice = (merchant, amount) => $"Payment to {merchant}: {amount}",
        RefundNotice = (merchant, amount) => $"Refund from {merchant}: {amount}",
    };

    public static PaymentStrings Chinese { get; } = new()
    {
        Payment = "付款",
        Checking = "正在核对付款信息…",
        FromBalance = available => $"使用钱包零钱支付（可用 {available}）。",
        Paid = "支付成功",
        YouPaid = merchant => $"已向 {merchant} 付款。",
        Done = "完成",
        NothingPaid = "未付款。",
        PayAgain = "去付款",
        SeeInWallet = "在钱包中查看",
        PaymentTo = merchant => $"付款给 {merchant}",
        RefundFrom = merchant => $"{merchant} 退款",
        PayoutFrom = merchant => $"{merchant} 结算到账",
        HutongPay = "胡同支付",
        PaymentNotice = (merchant, amount) => $"付款给 {merchant}：{amount}",
        RefundNotice = (merchant, amount) => $"{merchant} 退款：{amount}",
    };
}
