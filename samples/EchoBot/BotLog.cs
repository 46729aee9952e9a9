namespace EchoBot;

/// <summary>
/// Everything the bot logs. Tokens, secrets and what followers write are never logged; openids are, since they
/// mean nothing outside this account.
/// </summary>
internal static partial class BotLog
{
    [LoggerMessage(100, LogLevel.Information, "URL check answered: the platform can now push to this bot")]
    public static partial void UrlVerified(this ILogger logger);

    [LoggerMessage(101, LogLevel.Warning, "URL check refused: the signature does not match Bot:Token")]
    public static partial void UrlRefused(this ILogger logger);

    [LoggerMessage(110, LogLevel.Warning, "Push refused: its {Which} does not match Bot:Token")]
    public static partial void PushSignatureRefused(this ILogger logger, string which);

    [LoggerMessage(111, LogLevel.Warning, "Push refused: {Problem}")]
    public static partial void PushUnreadable(this ILogger logger, string problem);

    [LoggerMessage(112, LogLevel.Information, "Push {MsgType} {Event} from {OpenId}")]
    public static partial void PushReceived(this ILogger logger, string msgType, string? @event, string openId);

    [LoggerMessage(113, LogLevel.Information, "A retry of {RetryKey} got the first delivery's reply")]
    public static partial void RetryAnswered(this ILogger logger, string retryKey);

    [LoggerMessage(120, LogLevel.Warning, "later needs Bot:AppId and Bot:AppSecret; told the follower")]
    public static partial void LaterWithoutCredentials(this ILogger logger);

    [LoggerMessage(121, LogLevel.Warning, "The customer-service queue is full; later from {OpenId} dropped")]
    public static partial void LaterQueueFull(this ILogger logger, string openId);

    [LoggerMessage(130, LogLevel.Information, "Access token fetched, valid for {ExpiresIn} s")]
    public static partial void TokenFetched(this ILogger logger, int expiresIn);

    [LoggerMessage(131, LogLevel.Error, "No access token: errcode {ErrCode} {ErrMsg}")]
    public static partial void TokenRefused(this ILogger logger, int errCode, string? errMsg);

    [LoggerMessage(132, LogLevel.Warning, "The access token was refused (errcode {ErrCode} {ErrMsg}); fetching a new one and trying once more")]
    public static partial void TokenRejected(this ILogger logger, int errCode, string? errMsg);

    [LoggerMessage(133, LogLevel.Information, "Customer-service message to {OpenId}: errcode {ErrCode} {ErrMsg}")]
    public static partial void CustomSent(this ILogger logger, string openId, int errCode, string? errMsg);

    [LoggerMessage(134, LogLevel.Error, "Customer-service message to {OpenId} not sent: errcode {ErrCode} {ErrMsg}")]
    public static partial void CustomRefused(this ILogger logger, string openId, int errCode, string? errMsg);

    [LoggerMessage(135, LogLevel.Error, "Customer-service message to {OpenId} not sent: the API call failed")]
    public static partial void CustomFailed(this ILogger logger, string openId, Exception exception);
}
