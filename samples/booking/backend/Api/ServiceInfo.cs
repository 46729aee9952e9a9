namespace Booking.Api;

/// <summary>A service on the menu; <see cref="Price"/> in fen, <see cref="PriceText"/> as people read it (<c>¥168</c>).</summary>
public sealed record ServiceInfo(int Id, string Name, int Minutes, int Price, string PriceText);
