namespace Booking.Api;

/// <summary>A service's slots on a day, and the days that can be booked (<c>yyyy-MM-dd</c>, today first).</summary>
public sealed record SlotList(int Service, string Day, IReadOnlyList<string> Days, IReadOnlyList<SlotInfo> Slots);
