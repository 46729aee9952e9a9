using Hutong.Contracts.OfficialAccounts;

namespace Hutong.OfficialAccounts.Broadcasts;

/// <summary>
/// The period a broadcast counts in: the calendar day (subscription accounts, and previews) or month (service
/// accounts) of the account's time zone, as UTC instants [Start, End).
/// </summary>
public readonly record struct QuotaPeriod(string Name, DateTimeOffset Start, DateTimeOffset End, int Limit)
{
    public const string Day = BroadcastQuotaPeriods.Day;
    public const string Month = BroadcastQuotaPeriods.Month;

    public static QuotaPeriod For(string accountKind, DateTimeOffset now, OfficialAccountsOptions options) =>
        accountKind == OfficialAccountKinds.Service
            ? Of(Month, now, options.Zone(), options.ServiceBroadcastsPerMonth)
            : Of(Day, now, options.Zone(), options.SubscriptionBroadcastsPerDay);

    public static QuotaPeriod Previews(DateTimeOffset now, OfficialAccountsOptions options) => Of(Day, now, options.Zone(), options.PreviewsPerDay);

    public static QuotaPeriod Of(string name, DateTimeOffset now, TimeZoneInfo zone, int limit)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var start = name == Month ? new DateTime(local.Year, local.Month, 1) : local.Date;
        var end = name == Month ? start.AddMonths(1) : start.AddDays(1);
        return new QuotaPeriod(name, Utc(start, zone), Utc(end, zone), limit);
    }

    /// <summary>A local midnight as an instant; a midnight skipped by a clock change is the first instant after it.</summary>
    private static DateTimeOffset Utc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }
}
