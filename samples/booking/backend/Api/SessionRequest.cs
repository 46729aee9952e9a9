namespace Booking.Api;

/// <summary><c>POST /api/session</c>: the code from <c>wx.login</c>.</summary>
public sealed record SessionRequest(string? Code);
