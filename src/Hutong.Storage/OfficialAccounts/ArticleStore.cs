using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Articles;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.OfficialAccounts;

internal sealed class ArticleStore(IDbContextFactory<HutongDbContext> contexts) : IArticleStore
{
    public async Task AddAsync(Article article, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Articles.Add(ArticleRow.From(article));
        db.ArticleMedia.AddRange(MediaRows(article));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Article?> FindAsync(Guid articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        return row?.ToDomain((await MediaAsync(db, [articleId], cancellationToken))[articleId].ToList());
    }

    public async Task<IReadOnlyList<Article>> ListAsync(Guid accountId, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles.AsNoTracking().Where(a => a.AccountId == accountId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var media = await MediaAsync(db, rows.ConvertAll(r => r.Id), cancellationToken);
        return rows.ConvertAll(r => r.ToDomain(media[r.Id].ToList()));
    }

    public async Task<IReadOnlyList<Article>> ListPublishedAsync(Guid accountId, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles.AsNoTracking().Where(a => a.AccountId == accountId && a.PublishedAt != null)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var media = await MediaAsync(db, rows.ConvertAll(r => r.Id), cancellationToken);
        return rows.ConvertAll(r => r.ToDomain(media[r.Id].ToList()));
    }

    public async Task<IReadOnlyDictionary<Guid, (long Reads, long Likes)>> CountsAsync(IReadOnlyCollection<Guid> articleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reads = await db.ArticleReads.AsNoTracking().Where(r => articleIds.Contains(r.ArticleId))
            .GroupBy(r => r.ArticleId).Select(g => new { Id = g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var likes = await db.ArticleLikes.AsNoTracking().Where(l => articleIds.Contains(l.ArticleId))
            .GroupBy(l => l.ArticleId).Select(g => new { Id = g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return reads.Keys.Union(likes.Keys).ToDictionary(id => id, id => (reads.GetValueOrDefault(id), likes.GetValueOrDefault(id)));
    }

    public async Task<bool> UpdateAsync(Article article, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Articles.FirstOrDefaultAsync(a => a.Id == article.Id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.Title = article.Title;
        row.CoverId = article.CoverId;
        row.Digest = article.Digest;
        row.Author = article.Author;
        row.Body = article.Body;
        row.SourceUrl = article.SourceUrl;
        row.UpdatedAt = article.UpdatedAt;
        // The old uploads go first, in the transaction, so new rows may take the same keys.
        await db.ArticleMedia.Where(m => m.ArticleId == article.Id).ExecuteDeleteAsync(cancellationToken);
        db.ArticleMedia.AddRange(MediaRows(article));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteDraftAsync(Guid accountId, Guid articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Articles.Where(a => a.Id == articleId && a.AccountId == accountId && a.PublishedAt == null).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<Article>?> PublishAsync(Guid accountId, IReadOnlyCollection<Guid> articleIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles.Where(a => a.AccountId == accountId && articleIds.Contains(a.Id)).ToListAsync(cancellationToken);
        if (rows.Count != articleIds.Count)
        {
            return null;
        }

        foreach (var row in rows)
        {
            row.PublishedAt ??= at;
        }

        await db.SaveChangesAsync(cancellationToken);
        var media = await MediaAsync(db, articleIds, cancellationToken);
        return rows.ConvertAll(r => r.ToDomain(media[r.Id].ToList()));
    }

    public async Task<bool> AddReadAsync(Guid articleId, string readerKey, int day, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ArticleReads.AnyAsync(r => r.ArticleId == articleId && r.ReaderKey == readerKey && r.Day == day, cancellationToken))
        {
            return false;
        }

        db.ArticleReads.Add(new ArticleReadRow { ArticleId = articleId, ReaderKey = readerKey, Day = day });
        return await SavedAsync(db, cancellationToken);
    }

    public async Task SetLikeAsync(Guid articleId, Guid userId, bool like, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!like)
        {
            await db.ArticleLikes.Where(l => l.ArticleId == articleId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        if (!await db.ArticleLikes.AnyAsync(l => l.ArticleId == articleId && l.UserId == userId, cancellationToken))
        {
            db.ArticleLikes.Add(new ArticleLikeRow { ArticleId = articleId, UserId = userId });
            await SavedAsync(db, cancellationToken);
        }
    }

    public async Task<(long Reads, long Likes, bool LikedByMe)> StatsAsync(Guid articleId, Guid? userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stats = await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
            .Select(a => new
            {
                Reads = db.ArticleReads.Count(r => r.ArticleId == articleId),
                Likes = db.ArticleLikes.Count(l => l.ArticleId == articleId),
                Liked = userId != null && db.ArticleLikes.Any(l => l.ArticleId == articleId && l.UserId == userId),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return stats is null ? (0, 0, false) : (stats.Reads, stats.Likes, stats.Liked);
    }

    public async Task AddPreviewsAsync(IReadOnlyCollection<Guid> articleIds, Guid userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.InsertMissingAsync(db, articleIds.Distinct().Select(a => new ArticlePreviewRow { ArticleId = a, UserId = userId, At = at }).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> IsPreviewedAsync(Guid articleId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ArticlePreviews.AnyAsync(p => p.ArticleId == articleId && p.UserId == userId, cancellationToken);
    }

    public async Task<bool> IsPreviewedMediaAsync(Guid mediaId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ArticleMedia.AsNoTracking().AnyAsync(
            m => m.MediaId == mediaId && db.ArticlePreviews.Any(p => p.ArticleId == m.ArticleId && p.UserId == userId), cancellationToken);
    }

    public async Task<bool> IsPublishedMediaAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ArticleMedia.AsNoTracking().AnyAsync(
            m => m.MediaId == mediaId && db.Articles.Any(a => a.Id == m.ArticleId && a.PublishedAt != null
                && db.OfficialAccounts.Any(o => o.Id == a.AccountId && o.State == OfficialAccountStates.Active)),
            cancellationToken);
    }

    private static IEnumerable<ArticleMediaRow> MediaRows(Article article) =>
        article.MediaIds.Select((id, i) => new ArticleMediaRow { ArticleId = article.Id, MediaId = id, Position = i });

    private static async Task<ILookup<Guid, Guid>> MediaAsync(HutongDbContext db, IReadOnlyCollection<Guid> articleIds, CancellationToken cancellationToken) =>
        (await db.ArticleMedia.AsNoTracking().Where(m => articleIds.Contains(m.ArticleId)).OrderBy(m => m.Position).ToListAsync(cancellationToken))
            .ToLookup(m => m.ArticleId, m => m.MediaId);

    /// <summary>Saves a row that another request may have written at the same moment: then theirs stands, and this is not new.</summary>
    private static async Task<bool> SavedAsync(HutongDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
