namespace Hutong.Web.Localization;

/// <summary>
/// The words of receive codes (收款码): my code in the wallet, the page a scanned code opens to pay its owner, the
/// notice when money arrives, and both sides' lines in the wallet's history.
/// </summary>
public sealed class ReceiveStrings
{
    // My code.
    public required string ReceiveMoney { get; init; }
    public required string ReceiveHint { get; init; }
    public required Func<string, string> QrAlt { get; init; }
    public required string SaveImage { get; init; }
    public required string SetAmount { get; init; }
    public required string ClearAmount { get; init; }
    public required Func<string, string> AmountSet { get; init; }
    public required string ResetCode { get; init; }
    public required string ResetTitle { get; init; }
    public required string ResetConfirm { get; init; }
    public required string CodeReset { get; init; }
    public required string ReceivedHere { get; init; }

    // Paying someone's code.
    public required string PayTitle { get; init; }
    public required string Checking { get; init; }
    public required Func<string, string> PayTo { get; init; }
    public required string AmountFixed { get; init; }
    public required string Note { get; init; }
    public required Func<string, string> NoteSaid { get; init; }

    // Money arriving, and the wallet's history.

    /// <summary>"Lin paid you ¥12.34": the notice, and a line of my code's page.</summary>
    public required Func<string, string, string> PaidYou { get; init; }

    /// <summary>The payer's line: "Paid Mei by code".</summary>
    public required Func<string, string> PaidByCode { get; init; }

    /// <summary>The receiver's line: "Received from Lin by code".</summary>
    public required Func<string, string> ReceivedByCode { get; init; }

    public static ReceiveStrings English { get; } = new()
    {
        ReceiveMoney = "Receive money",
        ReceiveHint = "Show this code to be paid: whoever scans it pays you straight into your wallet.",
        QrAlt = name => $"{name}'s receive code",
        SaveImage = "Save image",
        SetAmount = "Set amount",
        ClearAmount = "Clear amount",
        AmountSet = amount => $"This code asks for {amount}.",
        ResetCode = "Reset code",
        ResetTitle = "Reset your receive code?",
        ResetConfirm = "A new code replaces this one, and this one stops working at once, printed copies too.",
        CodeReset = "Your new code is ready; the old one no longer works.",
        ReceivedHere = "Received",
        PayTitle = "Pay",
        Checking = "Reading the code…",
        PayTo = name => $"Pay {name}",
        AmountFixed = "The amount is set by the code.",
        Note = "Note (optional)",
        NoteSaid = note => $"Note: {note}",
        PaidYou = (name, amount) => $"{name} paid you {amount}",
        PaidByCode = name => $"Paid {name} by code",
        ReceivedByCode = name => $"Received from {name} by code",
    };

    public static ReceiveStrings Chinese { get; } = new()
    {
        ReceiveMoney = "收款",
        ReceiveHint = "向付款人出示此码，对方扫码后直接付款到你的钱包。",
        QrAlt = name => $"{name}的收款码",
        SaveImage = "保存图片",
        SetAmount = "设置金额",
        ClearAmount = "清除金额",
        AmountSet = amount => $"此码收款 {amount}。",
        ResetCode = "重置收款码",
        ResetTitle = "重置收款码？",
        ResetConfirm = "将生成新的收款码，当前的收款码（包括已打印的）立即失效。",
        CodeReset = "新收款码已生成，旧码已失效。",
        ReceivedHere = "已收款",
        PayTitle = "付款",
        Checking = "正在识别收款码…",
        PayTo = name => $"付款给{name}",
        AmountFixed = "金额由收款方设定。",
        Note = "添加备注（选填）",
        NoteSaid = note => $"备注：{note}",
        PaidYou = (name, amount) => $"{name} 向你付款 {amount}",
        PaidByCode = name => $"扫码付款给{name}",
        ReceivedByCode = name => $"{name} 扫码付款",
    };
}
