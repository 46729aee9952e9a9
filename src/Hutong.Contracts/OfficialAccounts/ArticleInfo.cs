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

/// <summary>An article in the studio's list: everything but its body.</summary>
public sealed record ArticleSummary(
    string Id,
    string Title,
    string? CoverUrl,
    string Digest,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    string PageUrl);

/// <summary>An account's articles, drafts and published alike, newest first.</summary>
public sealed record ArticleList(IReadOnlyList<ArticleSummary> Articles, string? NextCursor);
