namespace Booking.Store;

/// <summary>
/// A booking as stored, with its service and its deposit (null when the studio takes none); <see cref="StartsAt"/> is
/// the studio's local time, <c>yyyy-MM-dd HH:mm</c>.
/// </summary>
public sealed record BookingRecord(
    long Id, string OpenId, Service Service, string StartsAt, string Name, string Note, bool Reminded, DepositRecord? Deposit = null);
