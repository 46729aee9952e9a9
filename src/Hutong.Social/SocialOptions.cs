using System.ComponentModel.DataAnnotations;
using Hutong.Contracts.Social;

namespace Hutong.Social;

/// <summary><c>Hutong:Social</c>: the Moments and Status rules of docs/product.md.</summary>
public sealed record SocialOptions
{
    public const string Section = "Hutong:Social";

    /// <summary>The longest post text, in UTF-16 code units as chat counts.</summary>
    [Range(1, 100_000)]
    public int MaxPostText { get; init; } = 2_000;

    [Range(1, 100)]
    public int MaxPostImages { get; init; } = 9;

    /// <summary>Friends a post may remind.</summary>
    [Range(0, 1_000)]
    public int MaxReminds { get; init; } = 10;

    /// <summary>Tags and people a visibility list may name, each.</summary>
    [Range(1, 100_000)]
    public int MaxAudienceEntries { get; init; } = 5_000;

    [Range(1, 100_000)]
    public int MaxCommentText { get; init; } = 1_000;

    /// <summary>The longest place name of a post or status.</summary>
    [Range(1, 1_000)]
    public int MaxPlaceName { get; init; } = 100;

    [Range(1, 1_000)]
    public int MaxCardTitle { get; init; } = 140;

    [Range(16, 100_000)]
    public int MaxCardUrl { get; init; } = 2_048;

    /// <summary>The longest Moments video, in seconds.</summary>
    [Range(1, 3_600)]
    public int MaxPostVideoSeconds { get; init; } = 600;

    /// <summary>The longest status text.</summary>
    [Range(1, 10_000)]
    public int MaxStatusText { get; init; } = 500;

    /// <summary>The longest status mood (an emoji and a word or two).</summary>
    [Range(1, 100)]
    public int MaxMood { get; init; } = 32;

    /// <summary>The longest status video, in seconds.</summary>
    [Range(1, 600)]
    public int MaxStatusVideoSeconds { get; init; } = SocialLimits.DefaultMaxStatusVideoSeconds;

    /// <summary>How long a status lives.</summary>
    public TimeSpan StatusLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The longest reaction to a status (one emoji, perhaps joined).</summary>
    [Range(1, 64)]
    public int MaxReaction { get; init; } = 16;

    /// <summary>Timeline rows written per transaction when a post is fanned out.</summary>
    [Range(1, 100_000)]
    public int FanOutBatch { get; init; } = 1_000;

    /// <summary>How often each node looks for fan-outs to resume and statuses to remove.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(30);
}
