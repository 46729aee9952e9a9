namespace Booking.Api;

/// <summary>
/// A booking's deposit: <see cref="Amount"/> in fen, <see cref="AmountText"/> as people read it, and its
/// <see cref="State"/>: <c>unpaid</c>, <c>paid</c>, <c>refunding</c>, <c>refunded</c> or <c>closed</c>. It is
/// <c>paid</c> only once the payment platform has said so.
/// </summary>
public sealed record DepositInfo(int Amount, string AmountText, string State);
