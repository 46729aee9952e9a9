using Microsoft.Extensions.Logging;

namespace Hutong.Core.Outbound;

/// <summary>
/// Outbound call log events: ids 500-599. Hosts only, never a full URL: a query can carry a developer's token.
/// </summary>
internal static partial class OutboundLog
{
    [LoggerMessage(500, LogLevel.Information, "An outbound connection to {Host} was refused: none of its {Addresses} addresses is public")]
    public static partial void Refused(ILogger logger, string host, int addresses);

    [LoggerMessage(501, LogLevel.Debug, "Outbound try {Try} of {Tries} to {Host} failed: {Failure} ({Status})")]
    public static partial void TryFailed(ILogger logger, int @try, int tries, string host, OutboundFailure failure, int? status);
}
