using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Accounts;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>Publishing: a broadcast publishes its articles, all or none; the account's page lists them.</summary>
public sealed partial class ArticleService
{
    /// <summary>
    /// The account's published articles, newest published first, for anyone who may see the account: followers who
    /// came after a broadcast find it here, on the account's page, and not in their thread.
    /// </summary>
    public async Task<Result<ArticleList>> ListPublishedAsync(OfficialAccount account, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var paging = Paging.Parse(limit, cursor);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var page = await store.ListPublishedAsync(account.Id, paging.Value.Offset, paging.Value.Limit + 1, cancellationToken);
        return await PageAsync(page, paging.Value, cancellationToken);
    }

    /// <summary>
    /// Publishes the account's articles at <paramref name="at"/> (a broadcast calls this): all of them must be the
    /// account's, or nothing is published. One published already keeps its first time. Returns them in the order given.
    /// </summary>
    public async Task<Result<IReadOnlyList<Article>>> PublishAsync(
        OfficialAccount account, IReadOnlyList<Guid> articleIds, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (articleIds.Count == 0)
        {
            var errors = new FieldErrors();
            errors.Add("articleIds", "Publish at least one article.");
            return errors.ToError();
        }

        // To the microsecond, as storage keeps it, so the time returned is the time read back later.
        var stored = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
        var published = await store.PublishAsync(account.Id, articleIds.Distinct().ToList(), stored, cancellationToken);
        if (published is null)
        {
            return NotFound;
        }

        var byId = published.ToDictionary(a => a.Id);
        return articleIds.Select(id => byId[id]).ToList();
    }

    /// <summary>
    /// 1 to 8 of the account's articles as news, each item linking to the article's page and naming it, so that sending
    /// it publishes them (<see cref="PublishNewsAsync"/>); not found when any is not the account's.
    /// </summary>
    public async Task<Result<NewsContent>> NewsAsync(OfficialAccount account, IReadOnlyList<Guid> articleIds, CancellationToken cancellationToken)
    {
        var items = new List<NewsItem>(articleIds.Count);
        foreach (var id in articleIds)
        {
            if (await store.FindAsync(id, cancellationToken) is not { } article || article.AccountId != account.Id)
            {
                return NotFound;
            }

            items.Add(new NewsItem(article.Title, article.Digest, CoverUrl(article), Article.PagePath(article.Id), Ids.Format(article.Id)));
        }

        return new NewsContent(items);
    }

    /// <summary>Publishes the articles a news message names (those made by <see cref="NewsAsync"/>) once it is sent; other news is left alone.</summary>
    public async Task PublishNewsAsync(OfficialAccount account, NewsContent news, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (ArticlesOf(news) is { } ids)
        {
            await PublishAsync(account, ids, at, cancellationToken);
        }
    }

    /// <summary>
    /// A preview of news goes to one follower and publishes nothing, as WeChat's does: the follower alone may read its
    /// drafts until a broadcast publishes them.
    /// </summary>
    public async Task PreviewNewsAsync(NewsContent news, Guid follower, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (ArticlesOf(news) is { } ids)
        {
            await store.AddPreviewsAsync(ids, follower, at, cancellationToken);
        }
    }

    private static List<Guid>? ArticlesOf(NewsContent news)
    {
        var ids = news.Items.Select(i => Ids.TryParse(i.ArticleId, out var id) ? id : (Guid?)null).ToList();
        return ids.Count > 0 && ids.All(id => id is not null) ? ids.ConvertAll(id => id!.Value) : null;
    }
}
