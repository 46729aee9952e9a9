namespace Booking;

/// <summary>
/// Everything the backend logs. Secrets, tokens, session keys and what people write in their notes are never logged;
/// openids are, since they mean nothing outside this app.
/// </summary>
internal static partial class BookingLog
{
    [LoggerMessage(100, LogLevel.Information, "Store ready at {Path}: {Services} services")]
    public static partial void StoreReady(this ILogger logger, string path, int services);

    [LoggerMessage(110, LogLevel.Information, "Signed in {OpenId}")]
    public static partial void SignedIn(this ILogger logger, string openId);

    [LoggerMessage(111, LogLevel.Warning, "A login code was refused: errcode {ErrCode} {ErrMsg}")]
    public static partial void CodeRefused(this ILogger logger, int errCode, string? errMsg);

    [LoggerMessage(120, LogLevel.Information, "Booking {Id}: {Service} at {StartsAt} for {OpenId}")]
    public static partial void Booked(this ILogger logger, long id, string service, string startsAt, string openId);

    [LoggerMessage(121, LogLevel.Information, "Booking {Id} cancelled by {OpenId}")]
    public static partial void Cancelled(this ILogger logger, long id, string openId);

    [LoggerMessage(130, LogLevel.Information, "Access token fetched, valid for {ExpiresIn} s")]
    public static partial void TokenFetched(this ILogger logger, int expiresIn);

    [LoggerMessage(131, LogLevel.Error, "No access token: errcode {ErrCode} {ErrMsg}")]
    public static partial void TokenRefused(this ILogger logger, int errCode, string? errMsg);

    [LoggerMessage(132, LogLevel.Warning, "The access token was refused (errcode {ErrCode} {ErrMsg}); fetching a new one and trying once more")]
    public static partial void TokenRejected(this ILogger logger, int errCode, string? errMsg);

    [LoggerMessage(140, LogLevel.Information, "Reminder template {TemplateId} found among the app's templates")]
    public static partial void TemplateFound(this ILogger logger, string templateId);

    [LoggerMessage(141, LogLevel.Information, "Reminder template {TemplateId} added from the library")]
    public static partial void TemplateAdded(this ILogger logger, string templateId);

    [LoggerMessage(142, LogLevel.Error, "No reminder template yet (tried again when the app asks for it)")]
    public static partial void TemplateUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(150, LogLevel.Information, "Reminder of booking {Id} sent to {OpenId}")]
    public static partial void ReminderSent(this ILogger logger, long id, string openId);

    [LoggerMessage(151, LogLevel.Information, "Reminder of booking {Id} not sent: errcode {ErrCode} {ErrMsg}")]
    public static partial void ReminderRefused(this ILogger logger, long id, int errCode, string? errMsg);

    [LoggerMessage(152, LogLevel.Error, "Reminder of booking {Id} not sent: the platform could not be reached")]
    public static partial void ReminderFailed(this ILogger logger, long id, Exception exception);

    [LoggerMessage(160, LogLevel.Information, "Deposit of booking {Id}: order {OutTradeNo} for {Amount} fen")]
    public static partial void DepositOrdered(this ILogger logger, long id, string outTradeNo, int amount);

    [LoggerMessage(161, LogLevel.Information, "Deposit of booking {Id} paid: order {OutTradeNo}, learnt from the {Source}")]
    public static partial void DepositPaid(this ILogger logger, long id, string outTradeNo, string source);

    [LoggerMessage(162, LogLevel.Information, "Deposit of booking {Id}: order {OutTradeNo} closed unpaid")]
    public static partial void DepositClosed(this ILogger logger, long id, string outTradeNo);

    [LoggerMessage(163, LogLevel.Information, "Deposit of booking {Id} refunded: {OutRefundNo} {Status}")]
    public static partial void DepositRefunded(this ILogger logger, long id, string outRefundNo, string status);

    [LoggerMessage(164, LogLevel.Error, "Deposit of booking {Id}: order {OutTradeNo} was paid {Total} fen through another merchant or app, or not {Amount} fen; not marked paid")]
    public static partial void DepositMismatch(this ILogger logger, long id, string outTradeNo, long total, int amount);

    [LoggerMessage(165, LogLevel.Warning, "A notification was refused: {Reason}")]
    public static partial void NotificationRefused(this ILogger logger, string reason);

    [LoggerMessage(166, LogLevel.Warning, "A payment of order {OutTradeNo}, which is no deposit of this studio")]
    public static partial void UnknownOrder(this ILogger logger, string? outTradeNo);

    [LoggerMessage(167, LogLevel.Information, "A notification of {EventType} acknowledged and ignored")]
    public static partial void NotificationIgnored(this ILogger logger, string eventType);

    [LoggerMessage(168, LogLevel.Error, "Deposit of booking {Id}: the payment platform could not be used")]
    public static partial void DepositFailed(this ILogger logger, long id, Exception exception);
}
