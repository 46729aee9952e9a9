namespace Booking.Settings;

/// <summary>
/// The studio and its store, from the <c>Booking</c> section. Checked at start-up by <see cref="StudioOptionsValidator"/>.
/// </summary>
public sealed record StudioOptions
{
    public const string Section = "Booking";

    /// <summary>The SQLite file with the services, sessions and bookings; made on first start. Relative to the working directory.</summary>
    public string Database { get; init; } = "booking.db";

    /// <summary>The studio's name as the reminder shows it (a <c>thing</c> field: at most 20 characters).</summary>
    public string Place { get; init; } = "Lotus Massage Studio";

    /// <summary>The studio's time zone (an IANA id): days and times of slots are the studio's.</summary>
    public string TimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>When the first slot of a day starts.</summary>
    public TimeOnly Opens { get; init; } = new(10, 0);

    /// <summary>When the last treatment of a day ends at the latest.</summary>
    public TimeOnly Closes { get; init; } = new(21, 0);

    /// <summary>How many days, today included, can be booked.</summary>
    public int DaysAhead { get; init; } = 7;

    /// <summary>
    /// The deposit a booking takes, in fen (2000 is ¥20.00; a treatment that costs less takes its price). Taken only
    /// when the <c>WeChatPay</c> settings name a merchant.
    /// </summary>
    public int Deposit { get; init; } = 2000;

    /// <summary>How long a session token from <c>POST /api/session</c> lasts; the app logs in again after.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromDays(7);
}
