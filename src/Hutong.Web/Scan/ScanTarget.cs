namespace Hutong.Web.Scan;

/// <summary>
/// What a scanned code names (<see cref="ScanDispatcher"/> reads it). One that the client opens has a
/// <see cref="Route"/>; the others are said on the Scan screen, with the code's text. A new kind of Hutong link is one
/// record here and one case in the dispatcher.
/// </summary>
public abstract record ScanTarget
{
    /// <summary>The page that opens it, relative to the app's base; null when the Scan screen says what it is instead.</summary>
    public virtual string? Route => null;
}

/// <summary><c>hutong://user/{userId}</c>: the person's profile, where they can be added as a friend.</summary>
public sealed record PersonTarget(string UserId) : ScanTarget
{
    public override string Route => $"contacts/add?user={UserId}";
}

/// <summary><c>hutong://group/{code}</c>: the screen that asks whether to join the group the code belongs to.</summary>
public sealed record GroupTarget(string Code) : ScanTarget
{
    public override string Route => $"discover?join={Uri.EscapeDataString(Code)}";
}

/// <summary>
/// <c>hutong://oa/{accountId}</c>, or <c>?ticket={ticket}</c> for an account's parameter code (the account learns
/// which code was scanned): the account's page.
/// </summary>
public sealed record OfficialAccountTarget(string AccountId, string? Ticket) : ScanTarget
{
    public override string Route => Ticket is null
        ? $"oa/{Uri.EscapeDataString(AccountId)}"
        : $"oa/{Uri.EscapeDataString(AccountId)}?ticket={Uri.EscapeDataString(Ticket)}";
}

/// <summary><c>hutong://mp/{appId}</c>, or <c>?path={page}</c> for one of its pages: the mini-program, opened there.</summary>
public sealed record MiniProgramTarget(string AppId, string? Path) : ScanTarget
{
    public override string Route => MiniPrograms.MiniProgramPage.Route(AppId, Path);
}

/// <summary>
/// <c>hutong://pay/{code}</c>, a merchant's native order (its <c>code_url</c>): the payment page, where the cashier
/// shows what the order asks before anything is paid.
/// </summary>
public sealed record PaymentTarget(string Code) : ScanTarget
{
    public override string Route => $"pay/{Uri.EscapeDataString(Code)}";
}

/// <summary>
/// <c>hutong://receive/{code}</c>, or <c>?amount={fen}</c> for a code that fixes the amount: a person's receive code, which
/// opens the page that pays them.
/// </summary>
public sealed record ReceiveCodeTarget(string Code, long? Amount) : ScanTarget
{
    public override string Route => Amount is { } amount
        ? $"pay-person/{Uri.EscapeDataString(Code)}?amount={amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : $"pay-person/{Uri.EscapeDataString(Code)}";
}

/// <summary>A Hutong link of a kind this client does not open yet.</summary>
public sealed record UnsupportedTarget(string Kind, string Text) : ScanTarget;

/// <summary>A Hutong link of a known kind whose id or code cannot be right: damaged, cut short, or made up.</summary>
public sealed record InvalidTarget(string Text) : ScanTarget;

/// <summary>
/// Not a Hutong code: its text, and the web addresses in it, which the Scan screen shows as links and never opens by
/// itself.
/// </summary>
public sealed record OtherTarget(string Text, IReadOnlyList<string> Links) : ScanTarget;
