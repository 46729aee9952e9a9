namespace Booking.Store;

/// <summary>
/// A booking's deposit as stored: the order it is paid through (<see cref="OutTradeNo"/>, the platform's
/// <see cref="PrepayId"/>), when it was paid (by the notification or a query), and its refund once the booking is
/// cancelled. <see cref="Amount"/> is in fen.
/// </summary>
public sealed record DepositRecord(
    long BookingId,
    string OutTradeNo,
    int Amount,
    string? PrepayId,
    string? TransactionId,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ClosedAt,
    string? OutRefundNo,
    string? RefundId,
    DateTimeOffset? RefundedAt)
{
    /// <summary><c>unpaid</c>, <c>paid</c>, <c>refunding</c> (the platform is still sending it back), <c>refunded</c> or <c>closed</c> (never paid, and no longer payable).</summary>
    public string State => (PaidAt, RefundId, RefundedAt, ClosedAt) switch
    {
        (_, _, not null, _) => DepositStates.Refunded,
        (not null, not null, null, _) => DepositStates.Refunding,
        (not null, _, _, _) => DepositStates.Paid,
        (null, _, _, not null) => DepositStates.Closed,
        _ => DepositStates.Unpaid,
    };
}

public static class DepositStates
{
    public const string Unpaid = "unpaid";
    public const string Paid = "paid";
    public const string Refunding = "refunding";
    public const string Refunded = "refunded";
    public const string Closed = "closed";
}
