using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Hutong.Core.Options;

namespace Hutong.OfficialAccounts;

/// <summary><c>Hutong:OfficialAccounts</c>: the official-account rules of docs/product.md.</summary>
public sealed record OfficialAccountsOptions : IValidatableObject
{
    public const string Section = "Hutong:OfficialAccounts";

    /// <summary>Accounts one person may own (of both kinds together).</summary>
    [Range(1, 1_000)]
    public int MaxAccountsPerPerson { get; init; } = 5;

    /// <summary>The longest account name, in characters.</summary>
    [Range(2, 200)]
    public int MaxName { get; init; } = 30;

    [Range(1, 10_000)]
    public int MaxDescription { get; init; } = 120;

    /// <summary>Tags one account may have (WeChat's limit).</summary>
    [Range(1, 10_000)]
    public int MaxTags { get; init; } = 100;

    /// <summary>Tags one follower may carry at one account (WeChat's limit).</summary>
    [Range(1, 1_000)]
    public int MaxTagsPerFollower { get; init; } = 20;

    /// <summary>A tag name's length in UTF-8 bytes, as WeChat counts it (30 bytes: ten Chinese characters).</summary>
    [Range(1, 200)]
    public int MaxTagName { get; init; } = 30;

    [Range(1, 200)]
    public int MaxRemark { get; init; } = 30;

    [Range(1, 10_000)]
    public int MaxReportReason { get; init; } = 500;

    /// <summary>Broadcasts a subscription account may send a day.</summary>
    [Range(1, 1_000)]
    public int SubscriptionBroadcastsPerDay { get; init; } = 1;

    /// <summary>Broadcasts a service account may send a calendar month (so each follower receives at most that many from it).</summary>
    [Range(1, 1_000)]
    public int ServiceBroadcastsPerMonth { get; init; } = 4;

    /// <summary>Previews (a broadcast to one follower, not counted) an account may send a day.</summary>
    [Range(1, 100_000)]
    public int PreviewsPerDay { get; init; } = 100;

    /// <summary>After a follower's message, how long the account may answer with customer-service messages...</summary>
    [TimeSpanRange("00:00:01", "30.00:00:00")]
    public TimeSpan MessageWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>...and how many.</summary>
    [Range(1, 1_000)]
    public int MessageWindowAllowance { get; init; } = 5;

    /// <summary>After a menu click, a follow or a QR scan, how long the account may send...</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan EventWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>...and how many.</summary>
    [Range(1, 1_000)]
    public int EventWindowAllowance { get; init; } = 3;

    /// <summary>
    /// Whether developer URLs and web authorization's <c>redirect_uri</c> may be plain http (WeChat takes https only;
    /// a <c>redirect_uri</c> on loopback may be http regardless); a node for development or tests allows it, with
    /// <c>Hutong:Outbound:AllowPrivateAddresses</c> for servers on the same machine.
    /// </summary>
    public bool AllowPlainHttpUrls { get; init; }

    /// <summary>How long the developer server has to answer a push, each try (WeChat: 5 seconds)...</summary>
    [TimeSpanRange("00:00:00.050", "00:01:00")]
    public TimeSpan DeveloperTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>...and how many tries a push gets, each with the same body and <c>MsgId</c> (WeChat: 3).</summary>
    [Range(1, 10)]
    public int DeveloperTries { get; init; } = 3;

    /// <summary>Access tokens an account may fetch a day (WeChat: 2,000); more is errcode 45009.</summary>
    [Range(1, 1_000_000)]
    public int AccessTokensPerDay { get; init; } = 2_000;

    /// <summary>Permanent parameter QR codes one account may have (WeChat's limit); temporary codes are not limited.</summary>
    [Range(1, 10_000_000)]
    public int MaxPermanentQrCodes { get; init; } = 100_000;

    /// <summary>Web authorization domains one account may have: the hosts its pages receive web authorization codes at.</summary>
    [Range(1, 100)]
    public int MaxWebAuthDomains { get; init; } = 5;

    /// <summary>The longest text in a thread, either way.</summary>
    [Range(1, 100_000)]
    public int MaxMessageText { get; init; } = 2_000;

    /// <summary>Keyword rules an account may have (WeChat's limit).</summary>
    [Range(1, 10_000)]
    public int MaxReplyRules { get; init; } = 200;

    /// <summary>The longest rule name, in characters (WeChat's limit).</summary>
    [Range(1, 1_000)]
    public int MaxReplyRuleName { get; init; } = 60;

    /// <summary>Keywords one rule may have (WeChat's limit).</summary>
    [Range(1, 1_000)]
    public int MaxRuleKeywords { get; init; } = 10;

    /// <summary>The longest keyword, in characters (WeChat's limit).</summary>
    [Range(1, 1_000)]
    public int MaxKeyword { get; init; } = 30;

    /// <summary>The longest article title, in characters (WeChat's limit).</summary>
    [Range(1, 1_000)]
    public int MaxArticleTitle { get; init; } = 64;

    /// <summary>The longest article digest, in characters (WeChat's limit).</summary>
    [Range(1, 10_000)]
    public int MaxArticleDigest { get; init; } = 120;

    /// <summary>The longest author name on an article, in characters (WeChat's limit).</summary>
    [Range(1, 200)]
    public int MaxArticleAuthor { get; init; } = 16;

    /// <summary>The longest article body, in characters of HTML as sent (before it is sanitised).</summary>
    [Range(1_000, 10_000_000)]
    public int MaxArticleBody { get; init; } = 200_000;

    /// <summary>
    /// The IANA time zone whose days and months the broadcast quotas follow, and whose days an article's read count
    /// goes by (each person, or browser, counts once a day).
    /// </summary>
    [Required]
    public string TimeZone { get; init; } = DefaultTimeZone;

    private const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>
    /// The zone <see cref="TimeZone"/> names. The default stands in for itself on a machine without time-zone data
    /// (a slim container): China keeps UTC+8 all year, and has since 1991.
    /// </summary>
    public TimeZoneInfo Zone() => TryZone(TimeZone, out var zone) ? zone : throw new InvalidOperationException($"{Section}:{nameof(TimeZone)} is not a time zone.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TryZone(TimeZone, out _))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(TimeZone)} is '{TimeZone}', which is not a time zone this machine knows (an IANA name such as Asia/Shanghai).",
                [nameof(TimeZone)]);
        }
    }

    private static bool TryZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id ?? string.Empty, out zone))
        {
            return true;
        }

        zone = id == DefaultTimeZone ? TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZone, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time") : null;
        return zone is not null;
    }
}
