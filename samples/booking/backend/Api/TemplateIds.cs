namespace Booking.Api;

/// <summary>The subscribe-message templates the app asks consent for; null while the platform has not answered.</summary>
public sealed record TemplateIds(string? Reminder);
