namespace Hutong.OfficialAccounts.Articles;

/// <summary>Articles, their reads and their likes. Implemented by Hutong.Storage.</summary>
public interface IArticleStore
{
    Task AddAsync(Article article, CancellationToken cancellationToken);

    Task<Article?> FindAsync(Guid articleId, CancellationToken cancellationToken);

    /// <summary>The account's articles, newest first, skipping <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<Article>> ListAsync(Guid accountId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>The account's published articles, newest published first, skipping <paramref name="skip"/>.</summary>
    Task<IReadOnlyList<Article>> ListPublishedAsync(Guid accountId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Reads and likes of each of the articles, in one query each; an article with neither is absent.</summary>
    Task<IReadOnlyDictionary<Guid, (long Reads, long Likes)>> CountsAsync(IReadOnlyCollection<Guid> articleIds, CancellationToken cancellationToken);

    /// <summary>Writes the article's fields and the uploads it shows, as given; false when it is gone.</summary>
    Task<bool> UpdateAsync(Article article, CancellationToken cancellationToken);

    /// <summary>Deletes the article if it is a draft of the account; false when it is not (gone, or published).</summary>
    Task<bool> DeleteDraftAsync(Guid accountId, Guid articleId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the account's articles published at <paramref name="at"/>, all or none: those published already keep
    /// their first time. Returns them as they are now, in the order asked; null (and nothing written) when an id is not
    /// one of the account's articles.
    /// </summary>
    Task<IReadOnlyList<Article>?> PublishAsync(Guid accountId, IReadOnlyCollection<Guid> articleIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Counts a read by the reader on the day (a day number); false when they were counted that day already.</summary>
    Task<bool> AddReadAsync(Guid articleId, string readerKey, int day, CancellationToken cancellationToken);

    /// <summary>Likes (or unlikes) the article as the person; doing it twice is doing it once.</summary>
    Task SetLikeAsync(Guid articleId, Guid userId, bool like, CancellationToken cancellationToken);

    /// <summary>Reads and likes of the article, and whether <paramref name="userId"/> likes it; in one query each.</summary>
    Task<(long Reads, long Likes, bool LikedByMe)> StatsAsync(Guid articleId, Guid? userId, CancellationToken cancellationToken);

    /// <summary>Whether a published article of an active account shows the upload.</summary>
    Task<bool> IsPublishedMediaAsync(Guid mediaId, CancellationToken cancellationToken);

    /// <summary>Lets the person read the drafts before they are published (a preview sent to them); again changes nothing.</summary>
    Task AddPreviewsAsync(IReadOnlyCollection<Guid> articleIds, Guid userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Whether the article was previewed to the person.</summary>
    Task<bool> IsPreviewedAsync(Guid articleId, Guid userId, CancellationToken cancellationToken);

    /// <summary>Whether an article previewed to the person shows the upload.</summary>
    Task<bool> IsPreviewedMediaAsync(Guid mediaId, Guid userId, CancellationToken cancellationToken);
}
