using System.Security.Claims;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Hutong.OfficialAccounts.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>
/// docs/api.md "Articles": the studio's drafts and articles, the signed-in reader's view, likes and reads, and the
/// public page (<see cref="ArticlePage"/>) that anyone may open without signing in.
/// </summary>
public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapOfficialAccountArticles(this IEndpointRouteBuilder app)
    {
        var studio = app.MapGroup("/api/v1/official-accounts/{accountId}/articles").WithTags("Official accounts").RequireAuthorization();
        studio.MapPost("/", Create);
        studio.MapGet("/", List);
        // Not the studio's: anyone who may see the account reads its published articles (its page lists them).
        studio.MapGet("/published", Published);
        studio.MapGet("/{articleId}", Get);
        studio.MapPatch("/{articleId}", Update);
        studio.MapDelete("/{articleId}", Delete);

        var readers = app.MapGroup("/api/v1/articles").WithTags("Official accounts").RequireAuthorization();
        readers.MapGet("/{articleId}", View);
        readers.MapPut("/{articleId}/like", Like);
        readers.MapDelete("/{articleId}/like", Unlike);
        readers.MapPost("/{articleId}/read", Read);

        // Readable by anyone: the links people share, opened in any browser or link preview.
        var pages = app.MapGroup("/a").WithTags("Article pages").AllowAnonymous();
        pages.MapGet("/{articleId}", ArticlePage.RenderAsync);
        pages.MapGet("/{articleId}/media/{mediaId}", ArticlePage.MediaAsync);
        return app;
    }

    private static async Task<Results<Created<ArticleInfo>, ProblemHttpResult>> Create(
        string accountId, CreateArticleRequest request, ClaimsPrincipal user, OfficialAccountService accounts, ArticleService articles,
        HttpContext http, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error.ToProblem();
        }

        var result = await articles.CreateAsync(managed.Value, user.UserId(), request, Origin(http), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/official-accounts/{result.Value.AccountId}/articles/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<ArticleList>, ProblemHttpResult>> List(
        string accountId, int? limit, string? cursor, ClaimsPrincipal user, OfficialAccountService accounts, ArticleService articles,
        CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        return managed.IsSuccess ? (await articles.ListAsync(managed.Value, limit, cursor, cancellationToken)).ToOk() : managed.Error.ToProblem();
    }

    private static async Task<Results<Ok<ArticleList>, ProblemHttpResult>> Published(
        string accountId, int? limit, string? cursor, ClaimsPrincipal user, OfficialAccountService accounts, ArticleService articles,
        CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(accountId, out var id) || await accounts.VisibleAsync(user.UserId(), id, cancellationToken) is not { } account)
        {
            return OfficialAccountService.NotFound.ToProblem();
        }

        return (await articles.ListPublishedAsync(account, limit, cursor, cancellationToken)).ToOk();
    }

    private static async Task<Results<Ok<ArticleInfo>, ProblemHttpResult>> Get(
        string accountId, string articleId, ClaimsPrincipal user, OfficialAccountService accounts, ArticleService articles,
        CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error.ToProblem();
        }

        return Ids.TryParse(articleId, out var id) ? (await articles.GetAsync(managed.Value, id, cancellationToken)).ToOk() : NoArticle();
    }

    private static async Task<Results<Ok<ArticleInfo>, ProblemHttpResult>> Update(
        string accountId, string articleId, UpdateArticleRequest request, ClaimsPrincipal user, OfficialAccountService accounts,
        ArticleService articles, HttpContext http, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error.ToProblem();
        }

        return Ids.TryParse(articleId, out var id)
            ? (await articles.UpdateAsync(managed.Value, user.UserId(), id, request, Origin(http), cancellationToken)).ToOk()
            : NoArticle();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string accountId, string articleId, ClaimsPrincipal user, OfficialAccountService accounts, ArticleService articles,
        CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(accountId, user, accounts, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error.ToProblem();
        }

        return Ids.TryParse(articleId, out var id) ? (await articles.DeleteAsync(managed.Value, id, cancellationToken)).ToNoContent() : NoArticle();
    }

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> View(
        string articleId, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken) =>
        Ids.TryParse(articleId, out var id) ? (await articles.ViewAsync(user.UserId(), id, cancellationToken)).ToOk() : NoArticle();

    private static async Task<Results<Ok<ArticleStats>, ProblemHttpResult>> Like(
        string articleId, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken) =>
        Ids.TryParse(articleId, out var id) ? (await articles.LikeAsync(user.UserId(), id, like: true, cancellationToken)).ToOk() : NoArticle();

    private static async Task<Results<Ok<ArticleStats>, ProblemHttpResult>> Unlike(
        string articleId, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken) =>
        Ids.TryParse(articleId, out var id) ? (await articles.LikeAsync(user.UserId(), id, like: false, cancellationToken)).ToOk() : NoArticle();

    private static async Task<Results<Ok<ArticleStats>, ProblemHttpResult>> Read(
        string articleId, ClaimsPrincipal user, ArticleService articles, CancellationToken cancellationToken) =>
        Ids.TryParse(articleId, out var id) ? (await articles.ReadAsync(user.UserId(), id, cancellationToken)).ToOk() : NoArticle();

    /// <summary>The node's address as this request reached it: where its pages and uploads are for the caller.</summary>
    internal static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static async Task<Result<OfficialAccount>> ManagedAsync(
        string accountId, ClaimsPrincipal user, OfficialAccountService accounts, CancellationToken cancellationToken) =>
        Ids.TryParse(accountId, out var id) ? await accounts.ManagedAsync(user.UserId(), id, cancellationToken) : OfficialAccountService.NotFound;

    private static ProblemHttpResult NoArticle() => ArticleService.NotFound.ToProblem();
}
