namespace Booking.Api;

/// <summary>The app's own session: sent as <c>Authorization: Bearer …</c> on every other call until it expires.</summary>
public sealed record SessionResponse(string Token, DateTimeOffset ExpiresAt);
