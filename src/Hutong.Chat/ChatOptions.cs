using Hutong.Core.Options;
using System.ComponentModel.DataAnnotations;
using Hutong.Contracts.Chat;

namespace Hutong.Chat;

/// <summary>The chat limits of docs/product.md, under <c>Hutong:Limits</c>.</summary>
public sealed record ChatOptions
{
    public const string Section = "Hutong:Limits";

    [Range(2, 100_000)]
    public int MaxGroupMembers { get; init; } = 500;

    [Range(0, 100)]
    public int MaxGroupAdmins { get; init; } = 3;

    /// <summary>Above this many members, only the owner and admins may rename a group.</summary>
    [Range(1, 100_000)]
    public int OpenRenameUpTo { get; init; } = 100;

    [Range(1, 100_000)]
    public int MaxTextLength { get; init; } = MessageLimits.DefaultMaxTextLength;

    [Range(1, 10_000)]
    public int MaxAnnouncementLength { get; init; } = 2_000;

    [Range(1, 1_000)]
    public int MaxGroupNameLength { get; init; } = 64;

    /// <summary>Above this many members, an invitee must accept before joining.</summary>
    [Range(1, 100_000)]
    public int AcceptanceAbove { get; init; } = 40;

    /// <summary>Above this many members, a group's QR codes stop working.</summary>
    [Range(1, 100_000)]
    public int QrMaxMembers { get; init; } = 200;

    /// <summary>How long a group QR code, and an invitation, stay good.</summary>
    [TimeSpanRange("00:01:00", "365.00:00:00")]
    public TimeSpan GroupCodeLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Largest upload (images, voice, video, files).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxMediaBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Longest voice message.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan MaxVoiceDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Messages a person may send per <see cref="SendWindow"/>, over HTTP and the gateway together.</summary>
    [Range(1, int.MaxValue)]
    public int SendsPerWindow { get; init; } = 600;

    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan SendWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after sending a sender may recall a message.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan RecallWindow { get; init; } = TimeSpan.FromMinutes(2);
}
