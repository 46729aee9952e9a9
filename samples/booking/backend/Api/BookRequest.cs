namespace Booking.Api;

/// <summary>
/// <c>POST /api/bookings</c>: a slot, who comes, a note, and whether the person accepted the reminder template in
/// <c>wx.requestSubscribeMessage</c> (then the reminder is sent).
/// </summary>
public sealed record BookRequest(int Service, string? Day, string? Time, string? Name, string? Note, bool Remind);
