using Microsoft.Extensions.Logging;

namespace Hutong.OfficialAccounts;

/// <summary>Official accounts log in the 6000s.</summary>
internal static partial class OfficialAccountsLog
{
    [LoggerMessage(6001, LogLevel.Warning, "A follow observer {Observer} failed for the account {AccountId}; the follow stands")]
    public static partial void ObserverFailed(ILogger logger, string observer, Guid accountId, Exception exception);

    [LoggerMessage(6002, LogLevel.Debug, "Broadcast {BroadcastId} of {AccountId} pushed live to {Count} followers online")]
    public static partial void BroadcastPushed(ILogger logger, Guid accountId, Guid broadcastId, int count);

    [LoggerMessage(6003, LogLevel.Warning, "Broadcast {BroadcastId} of {AccountId} was sent but its live push failed; followers see it when they read")]
    public static partial void BroadcastPushFailed(ILogger logger, Guid accountId, Guid broadcastId, Exception exception);

    [LoggerMessage(6004, LogLevel.Information, "The developer server of {AccountId} gave no usable answer: {Why}")]
    public static partial void DeveloperServerFailed(ILogger logger, Guid accountId, string why);

    [LoggerMessage(6005, LogLevel.Warning, "A menu event of a follower of {AccountId} could not be pushed to its developer server")]
    public static partial void MenuPushFailed(ILogger logger, Guid accountId, Exception exception);

    [LoggerMessage(6006, LogLevel.Warning, "The scan of a parameter code of {AccountId} was counted but telling its developer server failed")]
    public static partial void ScanPushFailed(ILogger logger, Guid accountId, Exception exception);
}
