namespace Hutong.OfficialAccounts.Articles;

/// <summary>
/// An article of an official account: a draft until a broadcast publishes it (<see cref="PublishedAt"/>). The body is
/// stored sanitised (<see cref="ArticleHtml"/>); <see cref="MediaIds"/> are the uploads it shows, its cover among them,
/// which readers may fetch once it is published.
/// </summary>
public sealed record Article(
    Guid Id,
    Guid AccountId,
    string Title,
    Guid? CoverId,
    string Digest,
    string Author,
    string Body,
    string? SourceUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<Guid> MediaIds)
{
    public bool IsPublished => PublishedAt is not null;

    /// <summary>The public page, readable without signing in.</summary>
    public static string PagePath(Guid articleId) => $"/a/{Core.Ids.Format(articleId)}";

    /// <summary>An upload of the article as the public page serves it, to people who are not signed in.</summary>
    public static string PublicMediaPath(Guid articleId, Guid mediaId) => $"/a/{Core.Ids.Format(articleId)}/media/{Core.Ids.Format(mediaId)}";
}
