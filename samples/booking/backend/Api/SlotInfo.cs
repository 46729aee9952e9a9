namespace Booking.Api;

/// <summary>A start time (<c>HH:mm</c>), and whether it can still be booked: not taken, and not begun.</summary>
public sealed record SlotInfo(string Time, bool Available);
