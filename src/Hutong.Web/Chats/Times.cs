using System.Globalization;
using Hutong.Web.Localization;

namespace Hutong.Web.Chats;

/// <summary>Times as a messenger shows them: the clock for today, "Yesterday", the weekday within a week, else the date.</summary>
public static class Times
{
    public static string ListTime(DateTimeOffset at, DateTimeOffset now, Strings s)
    {
        var local = at.ToLocalTime();
        var today = now.ToLocalTime().Date;
        var days = (today - local.Date).Days;
        return days switch
        {
            <= 0 => Clock(local),
            1 => s.Yesterday,
            < 7 => s.Weekday(local.DayOfWeek),
            _ => s.ShortDate(local.Date, local.Year == today.Year),
        };
    }

    /// <summary>The label of a day separator in a conversation.</summary>
    public static string Day(DateTime localDate, DateTimeOffset now, Strings s)
    {
        var today = now.ToLocalTime().Date;
        var days = (today - localDate).Days;
        return days switch
        {
            <= 0 => s.Today,
            1 => s.Yesterday,
            < 7 => s.Weekday(localDate.DayOfWeek),
            _ => s.ShortDate(localDate, localDate.Year == today.Year),
        };
    }

    public static string Clock(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Full(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
