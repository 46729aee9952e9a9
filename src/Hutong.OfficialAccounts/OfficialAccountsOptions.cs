using System.ComponentModel.DataAnnotations;

namespace Hutong.OfficialAccounts;

/// <summary><c>Hutong:OfficialAccounts</c>: the official-account rules of docs/product.md.</summary>
public sealed record OfficialAccountsOptions
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

    [Range(1, 200)]
    public int MaxTagName { get; init; } = 30;

    [Range(1, 200)]
    public int MaxRemark { get; init; } = 30;

    [Range(1, 10_000)]
    public int MaxReportReason { get; init; } = 500;
}
