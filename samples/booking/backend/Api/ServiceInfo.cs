namespace Booking.Api;

/// <summary>
/// A service on the menu; <see cref="Price"/> in fen, <see cref="PriceText"/> as people read it (<c>¥168</c>).
/// <see cref="DepositText"/> is the deposit booking it takes (<c>¥20</c>), null when the studio takes none.
/// </summary>
public sealed record ServiceInfo(int Id, string Name, int Minutes, int Price, string PriceText, string? DepositText);
