using Hutong.Contracts.Social;
using Hutong.Social.Moments;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Social;

internal sealed class MomentsStore(IDbContextFactory<HutongDbContext> contexts) : IMomentsStore
{
    public async Task<(Post Post, bool Created)> AddPostAsync(Post post, IReadOnlyList<Notice> reminds, CancellationToken cancellationToken)
    {
        if (await FindOwnPostAsync(post.AuthorId, post.ClientId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = MomentPostRow.From(post);
        db.MomentPosts.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same client id raced in from another request: the first one stands.
            await transaction.RollbackAsync(cancellationToken);
            return ((await FindOwnPostAsync(post.AuthorId, post.ClientId, cancellationToken))!, false);
        }

        db.MomentTimeline.Add(new MomentTimelineRow { OwnerId = post.AuthorId, PostSeq = row.Seq });
        db.MomentMedia.AddRange(MediaOf(post).Select(m => new MomentMediaRow { MediaId = m, PostId = post.Id }));
        db.MomentNotices.AddRange(reminds.Select(MomentNoticeRow.From));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (post with { Seq = row.Seq }, true);
    }

    public async Task<Post?> FindPostAsync(Guid postId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MomentPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, cancellationToken))?.ToDomain();
    }

    public async Task<bool> DeletePostAsync(Guid postId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Children first and explicitly: one statement each, whatever the provider does with cascades.
        var seq = await db.MomentPosts.Where(p => p.Id == postId).Select(p => (long?)p.Seq).FirstOrDefaultAsync(cancellationToken);
        if (seq is null)
        {
            return false;
        }

        await db.MomentTimeline.Where(t => t.PostSeq == seq).ExecuteDeleteAsync(cancellationToken);
        await db.MomentNotices.Where(n => n.PostId == postId).ExecuteDeleteAsync(cancellationToken);
        await db.MomentLikes.Where(l => l.PostId == postId).ExecuteDeleteAsync(cancellationToken);
        await db.MomentComments.Where(c => c.PostId == postId).ExecuteDeleteAsync(cancellationToken);
        await db.MomentMedia.Where(m => m.PostId == postId).ExecuteDeleteAsync(cancellationToken);
        await db.MomentPosts.Where(p => p.Id == postId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Guid>> FriendsAfterAsync(Guid authorId, Guid? after, int take, CancellationToken cancellationToken)
    {
        // At most a few thousand ids: read them all and walk them in .NET's Guid order, which is the same on both
        // providers (the databases order uuids differently), so a resumed fan-out goes on exactly where it stopped.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var friends = await db.Friendships.AsNoTracking().Where(f => f.UserId == authorId).Select(f => f.FriendId).ToListAsync(cancellationToken);
        friends.Sort();
        var start = after is { } last ? friends.FindIndex(f => f.CompareTo(last) > 0) : 0;
        return start < 0 ? [] : friends.GetRange(start, Math.Min(take, friends.Count - start));
    }

    public async Task AddToTimelinesAsync(Guid postId, Guid authorId, IReadOnlyList<Guid> owners, Guid? reached, bool done, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var seq = await db.MomentPosts.Where(p => p.Id == postId).Select(p => (long?)p.Seq).FirstOrDefaultAsync(cancellationToken);
        if (seq is null)
        {
            return;
        }

        await BulkInsert.InsertMissingAsync(db, [.. owners.Select(o => new MomentTimelineRow { OwnerId = o, PostSeq = seq.Value })], cancellationToken);
        await db.MomentPosts.Where(p => p.Id == postId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.FanOutReached, reached).SetProperty(p => p.FanOutDone, done), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<FanOutProgress?> FanOutProgressAsync(Guid postId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MomentPosts.AsNoTracking().Where(p => p.Id == postId && !p.FanOutDone)
            .Select(p => new FanOutProgress(p.AuthorId, p.FanOutReached)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> UnfinishedFanOutsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MomentPosts.AsNoTracking().Where(p => !p.FanOutDone && p.CreatedAt < before)
            .OrderBy(p => p.CreatedAt).Select(p => p.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Post>> TimelineAsync(Guid ownerId, long? before, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pointers = db.MomentTimeline.AsNoTracking().Where(t => t.OwnerId == ownerId);
        if (before is { } last)
        {
            pointers = pointers.Where(t => t.PostSeq < last);
        }

        var rows = await pointers.OrderByDescending(t => t.PostSeq).Take(take)
            .Join(db.MomentPosts, t => t.PostSeq, p => p.Seq, (t, p) => p)
            .OrderByDescending(p => p.Seq)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(p => p.ToDomain());
    }

    public async Task<IReadOnlyList<Post>> AlbumAsync(Guid authorId, long? before, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var posts = db.MomentPosts.AsNoTracking().Where(p => p.AuthorId == authorId);
        if (before is { } last)
        {
            posts = posts.Where(p => p.Seq < last);
        }

        var rows = await posts.OrderByDescending(p => p.Seq).Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(p => p.ToDomain());
    }

    public async Task<IReadOnlyDictionary<Guid, Sight>> SightsAsync(Guid viewerId, IReadOnlyCollection<Guid> authorIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var authors = authorIds.Distinct().ToList();
        var friendships = await db.Friendships.AsNoTracking()
            .Where(f => (f.FriendId == viewerId && EF.Parameter(authors).Contains(f.UserId)) || (f.UserId == viewerId && EF.Parameter(authors).Contains(f.FriendId)))
            .Select(f => new { f.UserId, f.FriendId, f.ChatOnly, f.HideTheirMoments, f.Tags })
            .ToListAsync(cancellationToken);
        var blocked = await db.Blocks.AsNoTracking()
            .Where(b => (b.BlockedId == viewerId && EF.Parameter(authors).Contains(b.UserId)) || (b.UserId == viewerId && EF.Parameter(authors).Contains(b.BlockedId)))
            .Select(b => b.UserId == viewerId ? b.BlockedId : b.UserId)
            .ToListAsync(cancellationToken);
        var ranges = await db.MomentSettings.AsNoTracking()
            .Where(s => EF.Parameter(authors).Contains(s.UserId))
            .ToDictionaryAsync(s => s.UserId, s => s.Range, cancellationToken);

        var sights = new Dictionary<Guid, Sight>(authors.Count);
        foreach (var author in authors)
        {
            var theirs = friendships.Find(f => f.UserId == author && f.FriendId == viewerId);
            var mine = friendships.Find(f => f.UserId == viewerId && f.FriendId == author);
            sights[author] = new Sight(
                theirs is not null && mine is not null,
                blocked.Contains(author),
                theirs?.ChatOnly ?? false,
                mine?.HideTheirMoments ?? false,
                theirs?.Tags ?? [],
                ranges.GetValueOrDefault(author, MomentsRanges.All));
        }

        return sights;
    }

    public async Task<SeenInteractions> InteractionsAsync(Guid viewerId, IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var posts = postIds.Distinct().ToList();

        // The mutual-friend rule: mine, or left by someone who is my friend both ways, with no block either way.
        var likes = await db.MomentLikes.AsNoTracking()
            .Where(l => EF.Parameter(posts).Contains(l.PostId)
                && (l.UserId == viewerId
                    || (db.Friendships.Any(f => f.UserId == viewerId && f.FriendId == l.UserId)
                        && db.Friendships.Any(f => f.UserId == l.UserId && f.FriendId == viewerId)
                        && !db.Blocks.Any(b => (b.UserId == viewerId && b.BlockedId == l.UserId) || (b.UserId == l.UserId && b.BlockedId == viewerId)))))
            .ToListAsync(cancellationToken);
        var comments = await db.MomentComments.AsNoTracking()
            .Where(c => EF.Parameter(posts).Contains(c.PostId)
                && (c.AuthorId == viewerId
                    || (db.Friendships.Any(f => f.UserId == viewerId && f.FriendId == c.AuthorId)
                        && db.Friendships.Any(f => f.UserId == c.AuthorId && f.FriendId == viewerId)
                        && !db.Blocks.Any(b => (b.UserId == viewerId && b.BlockedId == c.AuthorId) || (b.UserId == c.AuthorId && b.BlockedId == viewerId)))))
            .ToListAsync(cancellationToken);
        return new SeenInteractions(likes.ConvertAll(l => l.ToDomain()), comments.ConvertAll(c => c.ToDomain()));
    }

    public async Task<bool> AddLikeAsync(Like like, Notice? notice, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MomentLikes.AnyAsync(l => l.PostId == like.PostId && l.UserId == like.UserId, cancellationToken))
        {
            return false;
        }

        db.MomentLikes.Add(new MomentLikeRow { PostId = like.PostId, UserId = like.UserId, At = like.At });
        if (notice is not null)
        {
            db.MomentNotices.Add(MomentNoticeRow.From(notice));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A second tap raced the first (or the post went meanwhile): one like, or none, either way.
            return false;
        }
    }

    public async Task<bool> RemoveLikeAsync(Guid postId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.MomentLikes.Where(l => l.PostId == postId && l.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
        await db.MomentNotices.Where(n => n.PostId == postId && n.ActorId == userId && n.Kind == MomentNoticeKinds.Like).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task<(Comment Comment, bool Created)> AddCommentAsync(Comment comment, IReadOnlyList<Notice> notices, CancellationToken cancellationToken)
    {
        if (await FindOwnCommentAsync(comment.AuthorId, comment.ClientId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.MomentComments.Add(MomentCommentRow.From(comment));
        db.MomentNotices.AddRange(notices.Select(MomentNoticeRow.From));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (comment, true);
        }
        catch (DbUpdateException)
        {
            // The same client id raced in from another request: the first one stands (if it does not, this was another failure).
            var raced = await FindOwnCommentAsync(comment.AuthorId, comment.ClientId, cancellationToken);
            if (raced is null)
            {
                throw;
            }

            return (raced, false);
        }
    }

    public async Task<Comment?> FindCommentAsync(Guid commentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MomentComments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken))?.ToDomain();
    }

    public async Task<bool> DeleteCommentAsync(Guid commentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MomentNotices.Where(n => n.CommentId == commentId).ExecuteDeleteAsync(cancellationToken);
        var removed = await db.MomentComments.Where(c => c.Id == commentId).ExecuteDeleteAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task<IReadOnlyList<Notice>> NoticesAsync(Guid ownerId, long? before, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notices = FromFriends(db, ownerId);
        if (before is { } last)
        {
            notices = notices.Where(n => n.Seq < last);
        }

        var rows = await notices.OrderByDescending(n => n.Seq).Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(n => n.ToDomain());
    }

    public async Task<int> UnreadNoticesAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var read = await db.MomentSettings.Where(s => s.UserId == ownerId).Select(s => s.NoticesReadUpTo).FirstOrDefaultAsync(cancellationToken);
        return await FromFriends(db, ownerId).CountAsync(n => n.Seq > read, cancellationToken);
    }

    public async Task MarkNoticesReadAsync(Guid ownerId, Guid upTo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var seq = await db.MomentNotices.Where(n => n.Id == upTo && n.OwnerId == ownerId).Select(n => (long?)n.Seq).FirstOrDefaultAsync(cancellationToken);
        if (seq is null)
        {
            return;
        }

        // Moves the mark forward only, so a device reading older notices never takes it back.
        var moved = await db.MomentSettings.Where(s => s.UserId == ownerId && s.NoticesReadUpTo < seq)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.NoticesReadUpTo, seq.Value), cancellationToken);
        if (moved == 0 && !await db.MomentSettings.AnyAsync(s => s.UserId == ownerId, cancellationToken))
        {
            await SaveAsync(db, ownerId, MomentsSettings.Default with { NoticesReadUpTo = seq.Value }, cancellationToken);
        }
    }

    public async Task<MomentsSettings> SettingsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MomentSettings.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new MomentsSettings(s.Range, s.CoverId, s.NoticesReadUpTo)).FirstOrDefaultAsync(cancellationToken)
            ?? MomentsSettings.Default;
    }

    public async Task SaveSettingsAsync(Guid userId, MomentsSettings settings, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await SaveAsync(db, userId, settings, cancellationToken);
    }

    public async Task<int> RenameAudienceTagAsync(Guid authorId, string from, string to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var posts = await db.MomentPosts.Where(p => p.AuthorId == authorId && p.AudienceTags.Contains(from)).ToListAsync(cancellationToken);
        foreach (var post in posts)
        {
            post.AudienceTags = [.. post.AudienceTags.Select(t => t == from ? to : t).Distinct(StringComparer.Ordinal)];
        }

        await db.SaveChangesAsync(cancellationToken);
        return posts.Count;
    }

    public async Task<IReadOnlyList<Post>> PostsWithMediaAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MomentMedia.AsNoTracking().Where(m => m.MediaId == mediaId)
            .Join(db.MomentPosts, m => m.PostId, p => p.Id, (m, p) => p)
            .OrderByDescending(p => p.Seq).Take(20).ToListAsync(cancellationToken);
        return rows.ConvertAll(p => p.ToDomain());
    }

    /// <summary>Settings as one row per person: inserted the first time, the range and cover updated after.</summary>
    private static async Task SaveAsync(HutongDbContext db, Guid userId, MomentsSettings settings, CancellationToken cancellationToken)
    {
        var updated = await db.MomentSettings.Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Range, settings.Range).SetProperty(s => s.CoverId, settings.CoverId), cancellationToken);
        if (updated == 0)
        {
            db.MomentSettings.Add(new MomentSettingsRow { UserId = userId, Range = settings.Range, CoverId = settings.CoverId, NoticesReadUpTo = settings.NoticesReadUpTo });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Made by a request at the same moment: set ours over it.
                db.ChangeTracker.Clear();
                await db.MomentSettings.Where(s => s.UserId == userId)
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.Range, settings.Range).SetProperty(s => s.CoverId, settings.CoverId), cancellationToken);
            }
        }
    }

    /// <summary>A person's notices from people who are their friends both ways now, with no block either way.</summary>
    private static IQueryable<MomentNoticeRow> FromFriends(HutongDbContext db, Guid ownerId) =>
        db.MomentNotices.AsNoTracking().Where(n => n.OwnerId == ownerId
            && db.Friendships.Any(f => f.UserId == ownerId && f.FriendId == n.ActorId)
            && db.Friendships.Any(f => f.UserId == n.ActorId && f.FriendId == ownerId)
            && !db.Blocks.Any(b => (b.UserId == ownerId && b.BlockedId == n.ActorId) || (b.UserId == n.ActorId && b.BlockedId == ownerId)));

    private static HashSet<Guid> MediaOf(Post post)
    {
        var ids = new HashSet<Guid>();
        foreach (var media in post.Media)
        {
            ids.Add(Guid.Parse(media.MediaId));
            if (media.PosterId is { } poster)
            {
                ids.Add(Guid.Parse(poster));
            }
        }

        if (post.Card is LinkCard { ImageId: { } image })
        {
            ids.Add(Guid.Parse(image));
        }

        return ids;
    }

    private async Task<Post?> FindOwnPostAsync(Guid authorId, string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MomentPosts.AsNoTracking().FirstOrDefaultAsync(p => p.AuthorId == authorId && p.ClientId == clientId, cancellationToken))?.ToDomain();
    }

    private async Task<Comment?> FindOwnCommentAsync(Guid authorId, string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.MomentComments.AsNoTracking().FirstOrDefaultAsync(c => c.AuthorId == authorId && c.ClientId == clientId, cancellationToken))?.ToDomain();
    }
}
