namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// An article as its account's admins see it in the studio: a draft until a broadcast publishes it
/// (<see cref="PublishedAt"/>). <see cref="Body"/> is the sanitised HTML; <see cref="PageUrl"/> is the public page.
/// </summary>
public sealed record ArticleInfo(
    string Id,
    string AccountId,
    string Title,
    string? CoverId,
    string? CoverUrl,
    string Digest,
    string Author,
    string Body,
    string? SourceUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    string PageUrl);

/// <summary>
/// An article in a list (the studio's, or an account's published articles): everything but its body, with its
/// <see cref="Reads"/> and <see cref="Likes"/> as <see cref="ArticleStats"/> counts them.
/// </summary>
public sealed record ArticleSummary(
    string Id,
    string Title,
    string? CoverUrl,
    string Digest,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    string PageUrl,
    long Reads = 0,
    long Likes = 0);

/// <summary>
/// A page of articles, newest first: in the studio, drafts and published alike (newest written first); on an account's
/// page, its published ones (newest published first).
/// </summary>
public sealed record ArticleList(IReadOnlyList<ArticleSummary> Articles, string? NextCursor);
