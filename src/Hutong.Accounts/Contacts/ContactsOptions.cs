using Hutong.Core.Options;
using System.ComponentModel.DataAnnotations;

namespace Hutong.Accounts.Contacts;

/// <summary>The contact limits of docs/product.md, under <c>Hutong:Limits</c>.</summary>
public sealed record ContactsOptions
{
    public const string Section = "Hutong:Limits";

    /// <summary>Most friends a person may have.</summary>
    [Range(1, 1_000_000)]
    public int MaxFriends { get; init; } = 5_000;

    /// <summary>How long an unanswered friend request stays open.</summary>
    [TimeSpanRange("00:01:00", "365.00:00:00")]
    public TimeSpan FriendRequestLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Longest greeting on a friend request, in characters.</summary>
    [Range(0, 10_000)]
    public int MaxGreetingLength { get; init; } = 200;

    /// <summary>Longest remark a person may give a friend.</summary>
    [Range(1, 1_000)]
    public int MaxRemarkLength { get; init; } = 64;

    /// <summary>Most tags a person may give one friend.</summary>
    [Range(0, 1_000)]
    public int MaxTagsPerFriend { get; init; } = 20;

    /// <summary>Longest tag name, in characters once cleaned.</summary>
    [Range(1, 1_000)]
    public int MaxTagLength { get; init; } = 32;
}
