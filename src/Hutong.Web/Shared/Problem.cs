using Hutong.Client;
using Hutong.Contracts;
using Hutong.Web.Localization;

namespace Hutong.Web.Shared;

/// <summary>Turns a failed call into a sentence for the person, in their language: what happened and what to do.</summary>
public static class Problem
{
    public static string Describe(Exception error, Strings s) => error switch
    {
        HutongApiException api => Describe(api, s),
        HttpRequestException => s.NoConnection,
        _ => s.SomethingWentWrong,
    };

    /// <summary>The messages of a validation problem, by field (camelCase, as the API names them).</summary>
    public static IReadOnlyDictionary<string, string[]> Fields(Exception error) =>
        (error as HutongApiException)?.Problem?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>
    /// Whether the same request may succeed if sent again: without a connection, after the server's own failure, or
    /// once a limit's wait is over (<see cref="RetryAfter"/>). A refusal of what was sent stays a refusal.
    /// </summary>
    public static bool CanRetry(Exception error) => error switch
    {
        HttpRequestException => true,
        HutongApiException { Status: >= 500 or 429 or 408 } => true,
        _ => false,
    };

    /// <summary>How long the server asked to wait before trying again, if it said.</summary>
    public static TimeSpan? RetryAfter(Exception error) =>
        (error as HutongApiException)?.Problem?.RetryAfter is int seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>
    /// A wait as a person reads it: seconds under a minute, then minutes, then hours. Each rounds up, so the time said
    /// has always passed when the person comes back.
    /// </summary>
    public static string Wait(TimeSpan wait, Strings s)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        if (seconds < 60)
        {
            return s.DurationSeconds(Math.Max(1, seconds));
        }

        var minutes = (seconds + 59) / 60;
        return minutes < 60 ? s.DurationMinutes(minutes) : s.DurationHours((minutes + 59) / 60);
    }

    private static string Describe(HutongApiException error, Strings s)
    {
        var problem = error.Problem;
        var wait = RetryAfter(error) is { } after ? Wait(after, s) : null;
        // A 429 from a proxy in front of the node comes without Hutong's body.
        var code = error.Code ?? (error.Status == 429 ? ErrorCodes.RateLimited : null);
        return code switch
        {
            ErrorCodes.RateLimited when wait is not null => s.RateLimitedFor(wait),
            ErrorCodes.PinLocked when wait is not null => s.PinLockedFor(wait),
            ErrorCodes.WrongPin when problem?.AttemptsLeft is { } left => $"{s.Error(code)} {s.PinAttemptsLeft(left)}",
            // The fields name what to fix; "check what you entered" would not.
            _ when problem?.Errors is { Count: > 0 } fields => string.Join(" ", fields.Values.SelectMany(messages => messages).Distinct(StringComparer.Ordinal)),
            not null when s.Error(code) is { } sentence => wait is null ? sentence : $"{sentence} {s.TryAgainIn(wait)}",
            not null => problem?.Detail ?? problem?.Title ?? s.SomethingWentWrong,
            null => s.SomethingWentWrong,
        };
    }
}
