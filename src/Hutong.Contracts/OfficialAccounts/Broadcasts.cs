using System.Text.Json.Serialization;
using Hutong.Contracts.Chat.Content;

namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// A broadcast from the studio. <see cref="ClientId"/> is the admin's own id for it: sending again with the same id
/// returns the first broadcast and counts once. It goes to all followers, or to those carrying <see cref="TagId"/>;
/// with <see cref="PreviewOpenId"/> it goes to that one follower only, as a preview, and does not count.
/// <see cref="Content"/> is text or an image; <see cref="ArticleIds"/> (1 to 8) send articles instead.
/// </summary>
public sealed record BroadcastRequest(
    string ClientId,
    [property: JsonConverter(typeof(MessageContentConverter))] MessageContent? Content = null,
    IReadOnlyList<string>? ArticleIds = null,
    int? TagId = null,
    string? PreviewOpenId = null);

/// <summary>A broadcast as the studio sees it; <see cref="Recipients"/> is how many followers it reached when sent.</summary>
public sealed record BroadcastInfo(
    string Id,
    DateTimeOffset SentAt,
    string Audience,
    int? TagId,
    int Recipients,
    bool Counted,
    [property: JsonConverter(typeof(MessageContentConverter))] MessageContent Content);

public sealed record BroadcastList(IReadOnlyList<BroadcastInfo> Broadcasts, BroadcastQuota Quota);

/// <summary>
/// How many broadcasts the account may still send in the current period (a day for subscription accounts, a calendar
/// month for service accounts, in the account's time zone) and when the next period begins.
/// </summary>
public sealed record BroadcastQuota(string Period, int Limit, int Used, int Remaining, DateTimeOffset ResetsAt);

public static class BroadcastAudiences
{
    public const string All = "all";
    public const string Tag = "tag";
    public const string OpenIds = "openids";
    public const string Preview = "preview";
}

public static class BroadcastQuotaPeriods
{
    /// <summary>A calendar day of the account's time zone: subscription accounts.</summary>
    public const string Day = "day";

    /// <summary>A calendar month of the account's time zone: service accounts.</summary>
    public const string Month = "month";
}
