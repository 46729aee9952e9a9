using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>
/// Articles: written and edited by the account's admins (every studio method takes an account its caller may manage,
/// as <see cref="FollowerTagService"/> does), published by broadcasts, and read, counted and liked by anyone once
/// published. A draft does not exist for readers. Writing is here; publishing and reading have files of their own.
/// </summary>
public sealed partial class ArticleService(
    IArticleStore store,
    IOfficialAccountStore accounts,
    IFollowerStore followers,
    IMediaStore media,
    IOptions<OfficialAccountsOptions> options,
    TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.ArticleNotFound, "No such article.");
    public static readonly Error Published = Error.Conflict(ErrorCodes.ArticlePublished, "A published article cannot be deleted.", "It can still be edited.");

    /// <summary>WeChat makes a digest of an article's first 54 characters when its author gives none.</summary>
    private const int DigestFromBody = 54;

    private const int MaxSourceUrl = 2048;

    private readonly Lazy<TimeZoneInfo> _zone = new(() => options.Value.Zone());

    private OfficialAccountsOptions Limits => options.Value;

    /// <summary>
    /// A new draft. <paramref name="origin"/> is the node's address as the caller reached it, so that images the body
    /// shows there by absolute address are read as the uploads they are (see <see cref="ArticleHtml.Sanitize"/>).
    /// </summary>
    public async Task<Result<ArticleInfo>> CreateAsync(OfficialAccount account, Guid me, CreateArticleRequest request, string? origin, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var title = Title(errors, request.Title);
        var body = Body(errors, request.Body, origin);
        var author = Author(errors, request.Author);
        var digest = Digest(errors, request.Digest);
        var source = SourceUrl(errors, request.SourceUrl);
        var cover = await CoverAsync(errors, me, request.CoverId, [], cancellationToken);
        if (body is not null)
        {
            await CheckBodyMediaAsync(errors, me, body, [], cancellationToken);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var now = clock.Now();
        var article = new Article(
            Ids.New(clock), account.Id, title, cover, digest is { Length: > 0 } ? digest : FirstWords(body!.Text), author, body!.Html, source,
            now, now, null, MediaOf(cover, body));
        await store.AddAsync(article, cancellationToken);
        return Info(article);
    }

    public async Task<Result<ArticleInfo>> UpdateAsync(
        OfficialAccount account, Guid me, Guid articleId, UpdateArticleRequest request, string? origin, CancellationToken cancellationToken)
    {
        var article = await store.FindAsync(articleId, cancellationToken);
        if (article is null || article.AccountId != account.Id)
        {
            return NotFound;
        }

        var errors = new FieldErrors();
        var title = request.Title is null ? article.Title : Title(errors, request.Title);
        var body = request.Body is null ? null : Body(errors, request.Body, origin);
        var author = request.Author is null ? article.Author : Author(errors, request.Author);
        var digest = request.Digest is null ? article.Digest : Digest(errors, request.Digest);
        var source = request.SourceUrl is null ? article.SourceUrl : SourceUrl(errors, request.SourceUrl);
        var cover = request.CoverId is null ? article.CoverId : await CoverAsync(errors, me, request.CoverId, article.MediaIds, cancellationToken);
        if (body is not null)
        {
            await CheckBodyMediaAsync(errors, me, body, article.MediaIds, cancellationToken);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        // The stored body is clean already: read again, it gives its words and uploads as they were.
        var clean = body ?? ArticleHtml.Sanitize(article.Body);
        if (body is not null && request.Digest is null && article.Digest == FirstWords(ArticleHtml.Sanitize(article.Body).Text))
        {
            // The digest was the old body's first words: it follows the new body.
            digest = string.Empty;
        }

        var updated = article with
        {
            Title = title,
            CoverId = cover,
            Digest = digest.Length > 0 ? digest : FirstWords(clean.Text),
            Author = author,
            Body = body?.Html ?? article.Body,
            SourceUrl = source,
            UpdatedAt = clock.Now(),
            MediaIds = MediaOf(cover, clean),
        };
        return await store.UpdateAsync(updated, cancellationToken) ? Info(updated) : NotFound;
    }

    /// <summary>Deletes a draft; a published article stays (broadcasts and shared cards point at it).</summary>
    public async Task<Result<Done>> DeleteAsync(OfficialAccount account, Guid articleId, CancellationToken cancellationToken)
    {
        var article = await store.FindAsync(articleId, cancellationToken);
        if (article is null || article.AccountId != account.Id)
        {
            return NotFound;
        }

        if (article.IsPublished)
        {
            return Published;
        }

        // Published between the read and the delete: the delete finds no draft to remove.
        return await store.DeleteDraftAsync(account.Id, articleId, cancellationToken) ? Done.Value : Published;
    }

    /// <summary>One of the account's articles, draft or published, for its admins.</summary>
    public async Task<Result<ArticleInfo>> GetAsync(OfficialAccount account, Guid articleId, CancellationToken cancellationToken) =>
        await store.FindAsync(articleId, cancellationToken) is { } article && article.AccountId == account.Id ? Info(article) : NotFound;

    /// <summary>The account's articles, drafts and published alike, newest first.</summary>
    public async Task<Result<ArticleList>> ListAsync(OfficialAccount account, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var paging = Paging.Parse(limit, cursor);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var page = await store.ListAsync(account.Id, paging.Value.Offset, paging.Value.Limit + 1, cancellationToken);
        return await PageAsync(page, paging.Value, cancellationToken);
    }

    private static ArticleInfo Info(Article a) => new(
        Ids.Format(a.Id), Ids.Format(a.AccountId), a.Title, a.CoverId is { } cover ? Ids.Format(cover) : null, CoverUrl(a), a.Digest, a.Author,
        a.Body, a.SourceUrl, a.CreatedAt, a.UpdatedAt, a.PublishedAt, Article.PagePath(a.Id));

    /// <summary>A page of a list read one past its limit (so the next cursor is known), with each article's counts.</summary>
    private async Task<ArticleList> PageAsync(IReadOnlyList<Article> page, Paging paging, CancellationToken cancellationToken)
    {
        var shown = page.Take(paging.Limit).ToList();
        var counts = await store.CountsAsync(shown.ConvertAll(a => a.Id), cancellationToken);
        return new ArticleList(
            shown.ConvertAll(a => Summary(a, counts.GetValueOrDefault(a.Id))), paging.Next(shown.Count, page.Count > paging.Limit));
    }

    private static ArticleSummary Summary(Article a, (long Reads, long Likes) counts) => new(
        Ids.Format(a.Id), a.Title, CoverUrl(a), a.Digest, a.Author, a.CreatedAt, a.UpdatedAt, a.PublishedAt, Article.PagePath(a.Id), counts.Reads, counts.Likes);

    private static List<Guid> MediaOf(Guid? cover, ArticleHtml.Clean body)
    {
        var ids = new List<Guid>();
        if (cover is { } id)
        {
            ids.Add(id);
        }

        ids.AddRange(body.MediaIds.Where(m => m != cover));
        return ids;
    }

    private static string FirstWords(string text) => text.Length <= DigestFromBody ? text : text[..DigestFromBody];

    private string Title(FieldErrors errors, string? text)
    {
        var title = NameText.Clean(text);
        if (title.Length == 0 || title.Length > Limits.MaxArticleTitle || NameText.IsBlank(title) || NameText.HasControl(title))
        {
            errors.Add("title", $"A title is 1 to {Limits.MaxArticleTitle} characters on one line.");
        }

        return title;
    }

    private string Author(FieldErrors errors, string? text)
    {
        var author = NameText.Clean(text);
        if (author.Length > Limits.MaxArticleAuthor || NameText.HasControl(author))
        {
            errors.Add("author", $"An author is at most {Limits.MaxArticleAuthor} characters on one line.");
        }

        return author;
    }

    private string Digest(FieldErrors errors, string? text)
    {
        var digest = NameText.Clean(text);
        if (digest.Length > Limits.MaxArticleDigest || NameText.HasControlInMessage(digest))
        {
            errors.Add("digest", $"A digest is at most {Limits.MaxArticleDigest} characters.");
        }

        return digest;
    }

    private ArticleHtml.Clean? Body(FieldErrors errors, string? html, string? origin)
    {
        if (html is null || html.Length > Limits.MaxArticleBody)
        {
            errors.Add("body", $"A body is HTML of at most {Limits.MaxArticleBody} characters.");
            return null;
        }

        var clean = ArticleHtml.Sanitize(html, origin);
        if (clean.Text.Length == 0 && clean.MediaIds.Count == 0 && !clean.Html.Contains("<img", StringComparison.Ordinal))
        {
            errors.Add("body", "An article has words or images that remain once its HTML is made safe.");
            return null;
        }

        return clean;
    }

    private static string? SourceUrl(FieldErrors errors, string? text)
    {
        var url = text?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (url.Length > MaxSourceUrl || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            errors.Add("sourceUrl", $"The original link is an http or https address of at most {MaxSourceUrl} characters.");
            return null;
        }

        return parsed.AbsoluteUri;
    }

    /// <summary>The cover: an image the caller uploaded (or the one the article has already); <c>""</c> takes it away.</summary>
    private async Task<Guid?> CoverAsync(FieldErrors errors, Guid me, string? coverId, IReadOnlyList<Guid> kept, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(coverId))
        {
            return null;
        }

        if (Ids.TryParse(coverId, out var id) && await IsImageOfAsync(me, id, kept, cancellationToken))
        {
            return id;
        }

        errors.Add("coverId", "The cover is an image you uploaded.");
        return null;
    }

    /// <summary>Every upload the body shows is an image the caller uploaded, or one the article showed already.</summary>
    private async Task CheckBodyMediaAsync(FieldErrors errors, Guid me, ArticleHtml.Clean body, IReadOnlyList<Guid> kept, CancellationToken cancellationToken)
    {
        foreach (var id in body.MediaIds)
        {
            if (!await IsImageOfAsync(me, id, kept, cancellationToken))
            {
                errors.Add("body", $"The image /api/v1/media/{Ids.Format(id)} is not one you uploaded.");
            }
        }
    }

    private async Task<bool> IsImageOfAsync(Guid me, Guid mediaId, IReadOnlyList<Guid> kept, CancellationToken cancellationToken) =>
        await media.FindAsync(mediaId, cancellationToken) is { IsImage: true } item && (item.UploaderId == me || kept.Contains(mediaId));
}
