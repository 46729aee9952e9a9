namespace Booking.Api;

/// <summary>A booking as the app shows it; <see cref="Reminded"/> says whether the reminder reached the person's service notices.</summary>
public sealed record BookingInfo(
    long Id, int Service, string ServiceName, int Minutes, string PriceText, string Day, string Time, string Name, string Note, bool Reminded);
