using System.Globalization;
using Booking.Settings;
using Microsoft.Extensions.Options;

namespace Booking.Studio;

/// <summary>
/// The studio's days and slots, in its own time zone: today and the next <see cref="StudioOptions.DaysAhead"/> − 1
/// days, each service starting on the hour from <see cref="StudioOptions.Opens"/> as long as it ends by
/// <see cref="StudioOptions.Closes"/>. A slot that has begun can no longer be booked.
/// </summary>
internal sealed class Timetable(IOptions<StudioOptions> options, TimeProvider time)
{
    public const string DayFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The studio's clock now.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime;

    /// <summary>The days that can be booked, today first.</summary>
    public IReadOnlyList<DateOnly> Days()
    {
        var today = DateOnly.FromDateTime(LocalNow);
        return [.. Enumerable.Range(0, options.Value.DaysAhead).Select(today.AddDays)];
    }

    /// <summary>The start times of a treatment of <paramref name="minutes"/> on any day.</summary>
    public IReadOnlyList<TimeOnly> Starts(int minutes)
    {
        var starts = new List<TimeOnly>();
        var closes = options.Value.Closes.ToTimeSpan();
        for (var start = options.Value.Opens.ToTimeSpan(); start + TimeSpan.FromMinutes(minutes) <= closes; start += TimeSpan.FromHours(1))
        {
            starts.Add(TimeOnly.FromTimeSpan(start));
        }

        return starts;
    }

    /// <summary>Whether the slot is one of the timetable's and still ahead.</summary>
    public bool IsOpen(DateOnly day, TimeOnly start, int minutes) =>
        Days().Contains(day) && Starts(minutes).Contains(start) && day.ToDateTime(start) > LocalNow;

    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Time(TimeOnly start) => start.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A slot as stored and as the reminder's time field shows it: <c>2026-12-06 15:00</c>.</summary>
    public static string SlotKey(DateOnly day, TimeOnly start) => Day(day) + " " + Time(start);

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static bool TryParseTime(string? text, out TimeOnly start) =>
        TimeOnly.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
}
