using Hutong.Contracts.OfficialAccounts;

namespace Hutong.OfficialAccounts.Accounts;

/// <summary>
/// An account's reports that no operator has dismissed: how many people made them (one person's reports count once),
/// when the last came, and the newest of them. Who made them is not here: nobody is shown that.
/// </summary>
public sealed record OpenReports(OfficialAccount Account, int Reporters, DateTimeOffset LastAt, IReadOnlyList<AccountReport> Newest);
