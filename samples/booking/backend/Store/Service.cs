namespace Booking.Store;

/// <summary>A treatment the studio offers; the price is in fen (¥1 = 100 fen), as WeChat Pay counts it.</summary>
public sealed record Service(int Id, string Name, int Minutes, int Price);
