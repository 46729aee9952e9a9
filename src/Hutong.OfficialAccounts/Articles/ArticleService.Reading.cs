using Hutong.Accounts.Identity;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Accounts;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>Reading: a published article as readers see it, counted once a day per reader, and liked.</summary>
public sealed partial class ArticleService
{
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
            // A draft is there only for the follower it was previewed to (marked as a preview, with nothing counted).
            return await store.FindAsync(articleId, cancellationToken) is { IsPublished: false } draft
                && await accounts.FindAsync(draft.AccountId, cancellationToken) is { IsActive: true } owner
                && await store.IsPreviewedAsync(articleId, me, cancellationToken)
                ? await ViewAsync(me, draft, owner, draft.UpdatedAt, new ArticleStats(0, 0, false), preview: true, cancellationToken)
                : NotFound;
        }

        var (article, account) = found;
        return await ViewAsync(me, article, account, article.PublishedAt!.Value, await StatsAsync(article.Id, me, cancellationToken), preview: false, cancellationToken);
    }

    private async Task<ArticleView> ViewAsync(
        Guid me, Article article, OfficialAccount account, DateTimeOffset at, ArticleStats stats, bool preview, CancellationToken cancellationToken)
    {
        var standing = await followers.FindAsync(account.Id, me, cancellationToken);
        return new ArticleView(
            Ids.Format(article.Id), article.Title, CoverUrl(article), article.Digest, article.Author, article.Body, article.SourceUrl,
            at, Article.PagePath(article.Id),
            new ArticleAccount(Ids.Format(account.Id), account.Name, account.AvatarId is { } avatar ? Avatars.Path(avatar) : null, standing is { Following: true }),
            stats, preview);
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
}
