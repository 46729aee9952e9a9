using System.ComponentModel.DataAnnotations;
using Hutong.Core.Options;

namespace Hutong.MiniPrograms;

/// <summary><c>Hutong:MiniPrograms</c>: the mini-program rules of docs/product.md.</summary>
public sealed record MiniProgramsOptions
{
    public const string Section = "Hutong:MiniPrograms";

    /// <summary>Mini-programs one developer may create.</summary>
    [Range(1, 10_000)]
    public int MaxAppsPerDeveloper { get; init; } = 50;

    /// <summary>The longest name, of a mini-program or a developer, in characters.</summary>
    [Range(2, 200)]
    public int MaxName { get; init; } = 30;

    [Range(1, 10_000)]
    public int MaxDescription { get; init; } = 120;

    [Range(1, 200)]
    public int MaxCategory { get; init; } = 30;

    /// <summary>Request domains one mini-program may list.</summary>
    [Range(1, 1_000)]
    public int MaxRequestDomains { get; init; } = 20;

    /// <summary>
    /// Whether request domains may be plain http (WeChat takes https only); a node for development or tests allows it,
    /// with <c>Hutong:Outbound:AllowPrivateAddresses</c> for servers on the same machine.
    /// </summary>
    public bool AllowPlainHttpRequests { get; init; }

    /// <summary>Collaborators and testers together, besides the developer.</summary>
    [Range(1, 10_000)]
    public int MaxMembers { get; init; } = 100;

    /// <summary>The main package (everything outside subpackages), uncompressed.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxMainPackageBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>A game's main package (everything outside subpackages), uncompressed: WeChat's 4 MB.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxGameMainPackageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The whole package with its subpackages, uncompressed; the upload itself may be no larger.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxPackageBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Files in one package.</summary>
    [Range(1, 100_000)]
    public int MaxPackageFiles { get; init; } = 2_000;

    /// <summary>Limited codes (<c>/wxa/getwxacode</c>, one per page path) one mini-program may have (WeChat's limit).</summary>
    [Range(1, 10_000_000)]
    public int MaxLimitedCodes { get; init; } = 100_000;

    [Range(1, 10_000)]
    public int MaxVersionNote { get; init; } = 500;

    [Range(1, 10_000)]
    public int MaxReviewReason { get; init; } = 500;

    /// <summary>How long the address of a version's compiled code works after a launch (the frames load it once).</summary>
    [TimeSpanRange("00:00:10", "1.00:00:00")]
    public TimeSpan CodeAddressLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Story drafts one person may keep in the studio.</summary>
    [Range(1, 10_000)]
    public int MaxStoryDrafts { get; init; } = 50;

    /// <summary>A story's Ink source, in UTF-8 bytes (a long novel is about 1 MB; a story game is far less).</summary>
    [Range(1_024, 10 * 1024 * 1024)]
    public int MaxStorySourceBytes { get; init; } = 200 * 1024;

    /// <summary>A published story's compiled JSON, in UTF-8 bytes (a few times its source).</summary>
    [Range(1_024, 50 * 1024 * 1024)]
    public int MaxStoryJsonBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Images one story may name.</summary>
    [Range(0, 1_000)]
    public int MaxStoryImages { get; init; } = 100;
}
