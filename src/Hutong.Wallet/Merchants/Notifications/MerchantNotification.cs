namespace Hutong.Wallet.Merchants.Notifications;

/// <summary>
/// A notification to a merchant's server, kept until it answers 2xx or the schedule runs out. <see cref="Body"/> is the
/// exact compact JSON sent on every attempt (its <c>id</c> stays the same, so a merchant can deduplicate).
/// <see cref="LeaseToken"/> names the lease an attempt holds it under: only that attempt records its outcome.
/// </summary>
public sealed record MerchantNotification(
    Guid Id,
    Guid MerchantId,
    string EventType,
    string Url,
    string Body,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    Guid? LeaseToken = null,
    DateTimeOffset? LeasedUntil = null);

/// <summary>WeChat Pay's <c>event_type</c> values.</summary>
public static class NotificationEvents
{
    public const string TransactionSuccess = "TRANSACTION.SUCCESS";
    public const string RefundSuccess = "REFUND.SUCCESS";
}

public interface INotificationOutbox
{
    /// <summary>
    /// Leases up to <paramref name="limit"/> notifications that are due, for <paramref name="lease"/>: no other node
    /// gets them until it ends, so each attempt is made once.
    /// </summary>
    Task<IReadOnlyList<MerchantNotification>> LeaseDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records the failed attempt under <paramref name="leaseToken"/>: the next at <paramref name="next"/>, or none when
    /// null (the schedule ran out); nothing if that lease was lost.
    /// </summary>
    Task MarkFailedAsync(Guid id, Guid leaseToken, int attempts, DateTimeOffset? next, CancellationToken cancellationToken);

    /// <summary>A merchant's notifications, newest first, for its screens.</summary>
    Task<IReadOnlyList<MerchantNotification>> ListAsync(Guid merchantId, int limit, CancellationToken cancellationToken);
}
