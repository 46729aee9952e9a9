using Microsoft.Extensions.Logging;

namespace Hutong.OfficialAccounts;

/// <summary>Official accounts log in the 6000s.</summary>
internal static partial class OfficialAccountsLog
{
    [LoggerMessage(6001, LogLevel.Warning, "A follow observer {Observer} failed for the account {AccountId}; the follow stands")]
    public static partial void ObserverFailed(ILogger logger, string observer, Guid accountId, Exception exception);
}
