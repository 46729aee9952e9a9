namespace Booking.Api;

/// <summary>The person's live bookings, soonest first.</summary>
public sealed record BookingList(IReadOnlyList<BookingInfo> Bookings);
