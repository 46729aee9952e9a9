namespace Hutong.Core;

/// <summary>The <c>hutong://</c> links that QR codes and shares carry; every openable thing has one.</summary>
public static class DeepLinks
{
    public static string User(Guid userId) => $"hutong://user/{Ids.Format(userId)}";

    /// <summary>A group's join code, shown as a QR.</summary>
    public static string Group(string code) => $"hutong://group/{code}";

    /// <summary>A mini-program, at one of its pages (<c>pages/x/x?id=1</c>) or its first.</summary>
    public static string MiniProgram(string appId, string? path = null) =>
        path is null ? $"hutong://mp/{appId}" : $"hutong://mp/{appId}?path={Uri.EscapeDataString(path)}";

    /// <summary>An official account; with a parameter QR code's ticket, scanning it tells the account which code it was.</summary>
    public static string OfficialAccount(Guid accountId, string? ticket = null) =>
        ticket is null ? $"hutong://oa/{Ids.Format(accountId)}" : $"hutong://oa/{Ids.Format(accountId)}?ticket={ticket}";

    /// <summary>A merchant's order to pay by scanning (a native order's <c>code_url</c>), like WeChat's <c>weixin://wxpay/bizpayurl?pr=</c>.</summary>
    public static string Pay(string code) => $"hutong://pay/{code}";

    /// <summary>
    /// A person's receive-money code: whoever scans it pays them, straight into their wallet. <paramref name="code"/> is
    /// the person's current token (a reset gives a new one); <paramref name="amount"/>, in fen, fixes what the payer pays.
    /// </summary>
    public static string Receive(string code, long? amount = null) =>
        amount is { } fixedAmount
            ? $"hutong://receive/{code}?amount={fixedAmount.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"hutong://receive/{code}";
}
