using Hutong.Accounts.Identity;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
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
/// published. A draft does not exist for readers.
/// </summary>
public sealed class ArticleService(
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
        var ids = news.Items.Select(i => Ids.TryParse(i.ArticleId, out var id) ? id : (Guid?)null).ToList();
        if (ids.Count > 0 && ids.All(id => id is not null))
        {
            await PublishAsync(account, ids.Select(id => id!.Value).ToList(), at, cancellationToken);
        }
    }

    /// <summary>A published article of an active account, with its account; null for anything else (a draft is not there).</summary>
    public async Task<(Article Article, OfficialAccount Account)?> ReadableAsync(Guid articleId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(articleId, cancellationToken) is not { IsPublished: true } article
            || await accounts.FindAsync(article.AccountId, cancellationToken) is not { IsActive: true } account)
        {
            return null;
        }

        return (article, account);
    }

    /// <summary>A published article as a signed-in reader sees it.</summary>
    public async Task<Result<ArticleView>> ViewAsync(Guid me, Guid articleId, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(articleId, cancellationToken) is not { } found)
        {
            return NotFound;
        }

        var (article, account) = found;

        var standing = await followers.FindAsync(account.Id, me, cancellationToken);
        return new ArticleView(
            Ids.Format(article.Id), article.Title, CoverUrl(article), article.Digest, article.Author, article.Body, article.SourceUrl,
            article.PublishedAt!.Value, Article.PagePath(article.Id),
            new ArticleAccount(Ids.Format(account.Id), account.Name, account.AvatarId is { } avatar ? Avatars.Path(avatar) : null, standing is { Following: true }),
            await StatsAsync(article.Id, me, cancellationToken));
    }

    /// <summary>Counts the signed-in person's read: once a day (in <see cref="OfficialAccountsOptions.TimeZone"/>).</summary>
    public async Task<Result<ArticleStats>> ReadAsync(Guid me, Guid articleId, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(articleId, cancellationToken) is null)
        {
            return NotFound;
        }

        await CountReadAsync(articleId, PersonReader(me), cancellationToken);
        return await StatsAsync(articleId, me, cancellationToken);
    }

    public async Task<Result<ArticleStats>> LikeAsync(Guid me, Guid articleId, bool like, CancellationToken cancellationToken)
    {
        if (await ReadableAsync(articleId, cancellationToken) is null)
        {
            return NotFound;
        }

        await store.SetLikeAsync(articleId, me, like, cancellationToken);
        return await StatsAsync(articleId, me, cancellationToken);
    }

    /// <summary>Counts a read by whoever <paramref name="readerKey"/> stands for, once on each of the time zone's days.</summary>
    internal Task<bool> CountReadAsync(Guid articleId, string readerKey, CancellationToken cancellationToken) =>
        store.AddReadAsync(articleId, readerKey, Day(clock.GetUtcNow()), cancellationToken);

    internal async Task<ArticleStats> StatsAsync(Guid articleId, Guid? me, CancellationToken cancellationToken)
    {
        var (reads, likes, liked) = await store.StatsAsync(articleId, me, cancellationToken);
        return new ArticleStats(reads, likes, liked);
    }

    /// <summary>A reader key of a browser, from the random cookie the public page gives it.</summary>
    internal static string BrowserReader(string cookie) => "b:" + cookie;

    internal static string PersonReader(Guid userId) => "u:" + Ids.Format(userId);

    internal static string? CoverUrl(Article article) => article.CoverId is { } cover ? Avatars.Path(cover) : null;

    /// <summary>The date an instant falls on in the configured time zone: the date an article shows.</summary>
    internal DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone.Value).DateTime);

    /// <summary>The day (a day number) an instant falls on in the configured time zone.</summary>
    internal int Day(DateTimeOffset at) => DateOf(at).DayNumber;

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
