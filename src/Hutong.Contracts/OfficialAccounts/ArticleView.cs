namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// A published article as a signed-in reader sees it, with its counts and the caller's own like; images in
/// <see cref="Body"/> are <c>/api/v1/media/{id}</c>, fetched with the caller's token, or https addresses. A draft
/// previewed to the caller comes with <see cref="Preview"/> set, its last edit as <see cref="PublishedAt"/> and nothing
/// counted: it has no public page yet and cannot be liked.
/// </summary>
public sealed record ArticleView(
    string Id,
    string Title,
    string? CoverUrl,
    string Digest,
    string Author,
    string Body,
    string? SourceUrl,
    DateTimeOffset PublishedAt,
    string PageUrl,
    ArticleAccount Account,
    ArticleStats Stats,
    bool Preview = false);

/// <summary>The account an article comes from, and whether the reader follows it.</summary>
public sealed record ArticleAccount(string Id, string Name, string? AvatarUrl, bool Following);

/// <summary>
/// An article's counts: <see cref="Reads"/> counts each person (or browser) once a day, <see cref="Likes"/> each
/// person once; <see cref="LikedByMe"/> is the caller's own.
/// </summary>
public sealed record ArticleStats(long Reads, long Likes, bool LikedByMe);
