using Microsoft.Extensions.Options;

namespace Booking.Settings;

/// <summary>Refuses to start with studio settings that could never work, naming the setting to fix.</summary>
internal sealed class StudioOptionsValidator : IValidateOptions<StudioOptions>
{
    public ValidateOptionsResult Validate(string? name, StudioOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Database))
        {
            failures.Add("Booking:Database is required: the path of the SQLite file, such as booking.db.");
        }

        if (options.Place.Trim().Length is 0 or > 20)
        {
            failures.Add("Booking:Place is 1 to 20 characters: the reminder's place field holds no more.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Booking:TimeZone '{options.TimeZone}' is not a time zone of this machine: use an IANA id such as Asia/Shanghai.");
        }

        if (options.Closes <= options.Opens)
        {
            failures.Add("Booking:Closes is later than Booking:Opens, such as 10:00 and 21:00.");
        }

        if (options.DaysAhead is < 1 or > 60)
        {
            failures.Add("Booking:DaysAhead is 1 to 60.");
        }

        if (options.Deposit < 1)
        {
            failures.Add("Booking:Deposit is the deposit in fen, 1 or more, such as 2000 for ¥20.00.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add("Booking:SessionLifetime is positive, such as 7.00:00:00 for a week.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
