using Hutong.Contracts.OfficialAccounts;

namespace Hutong.Client;

/// <summary>Official accounts' articles: the studio's drafts, and reading, liking and counting published ones (docs/api.md).</summary>
public sealed partial class HutongClient
{
    /// <summary>A new draft of the account; its body comes back sanitised.</summary>
    public Task<ArticleInfo> CreateArticleAsync(string accountId, CreateArticleRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/official-accounts/{Escape(accountId)}/articles", request, Json.CreateArticleRequest, Json.ArticleInfo, cancellationToken);

    /// <summary>The account's articles, drafts and published, newest first; <paramref name="cursor"/> is the last page's <c>nextCursor</c>.</summary>
    public Task<ArticleList> GetArticlesAsync(string accountId, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/articles?{Page(limit, cursor).TrimStart('&')}", Json.ArticleList, cancellationToken);

    /// <summary>
    /// The account's published articles, newest published first, for anyone who may see the account;
    /// <paramref name="cursor"/> is the last page's <c>nextCursor</c>.
    /// </summary>
    public Task<ArticleList> GetPublishedArticlesAsync(string accountId, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/articles/published?{Page(limit, cursor).TrimStart('&')}", Json.ArticleList, cancellationToken);

    /// <summary>One of the account's articles, draft or published, as its admins see it.</summary>
    public Task<ArticleInfo> GetArticleDraftAsync(string accountId, string articleId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/official-accounts/{Escape(accountId)}/articles/{Escape(articleId)}", Json.ArticleInfo, cancellationToken);

    public Task<ArticleInfo> UpdateArticleAsync(string accountId, string articleId, UpdateArticleRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, $"api/v1/official-accounts/{Escape(accountId)}/articles/{Escape(articleId)}", request, Json.UpdateArticleRequest, Json.ArticleInfo, cancellationToken);

    /// <summary>Deletes a draft; a published article cannot be deleted.</summary>
    public Task DeleteArticleAsync(string accountId, string articleId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/official-accounts/{Escape(accountId)}/articles/{Escape(articleId)}", cancellationToken);

    /// <summary>A published article as a reader sees it, with its counts.</summary>
    public Task<ArticleView> GetArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/articles/{Escape(articleId)}", Json.ArticleView, cancellationToken);

    public Task<ArticleStats> LikeArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/articles/{Escape(articleId)}/like", Json.ArticleStats, cancellationToken);

    public Task<ArticleStats> UnlikeArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/articles/{Escape(articleId)}/like", Json.ArticleStats, cancellationToken);

    /// <summary>Counts the caller's read of the article: once a day, however often it is called.</summary>
    public Task<ArticleStats> ReadArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/articles/{Escape(articleId)}/read", Json.ArticleStats, cancellationToken);
}
