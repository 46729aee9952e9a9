namespace Hutong.Contracts.OfficialAccounts;

/// <summary>One report as operators see it: what was said and when, never by whom.</summary>
public sealed record AccountReport(string Reason, DateTimeOffset At);

/// <summary>
/// An account with reports no operator has dismissed: how many people reported it (each once, however often they did),
/// when the last report came, and the newest reports (up to 5), newest first.
/// </summary>
public sealed record ReportedAccount(OfficialAccountInfo Account, int Reporters, DateTimeOffset LastReportedAt, IReadOnlyList<AccountReport> Reports);

/// <summary>
/// Whether the caller reviews accounts, and if so how many wait: service accounts for a decision and accounts with open
/// reports. Anyone may ask (the studio shows its review entry from this); for others it is false and zeros.
/// </summary>
public sealed record ReviewSummary(bool Operator, int Waiting, int Reported);

/// <summary>The operators' list of reported accounts, the most recently reported first (up to 100).</summary>
public sealed record ReportedAccountList(IReadOnlyList<ReportedAccount> Accounts);
