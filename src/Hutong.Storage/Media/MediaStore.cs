using System.Linq.Expressions;
using Hutong.Accounts.Identity;
using Hutong.Chat.Media;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Media;

internal sealed class MediaStore(IDbContextFactory<HutongDbContext> contexts) : IMediaStore
{
    public async Task AddAsync(IReadOnlyCollection<MediaItem> items, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Media.AddRange(items.Select(MediaRow.From));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<MediaItem?> FindAsync(Guid mediaId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken))?.ToDomain();
    }

    public async Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Media.AnyAsync(m => m.Id == mediaId && m.UploaderId == userId, cancellationToken)
            || await (
                from message in db.Messages
                join member in db.Members on message.ConversationId equals member.ConversationId
                where message.MediaId == mediaId && message.RecalledAt == null
                    && member.UserId == userId && message.Seq > member.VisibleAfterSeq
                select message.Seq).AnyAsync(cancellationToken)
            || await db.Accounts.AnyAsync(
                a => a.AvatarUrl == Avatars.Path(mediaId) && !db.Blocks.Any(b => b.UserId == a.Id && b.BlockedId == userId),
                cancellationToken);
    }

    public async Task<Guid?> FindVideoOfPosterAsync(Guid posterId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Media.Where(m => m.PosterId == posterId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<IReadOnlyList<string>> RemoveUploadsAsync(Guid uploaderId, CancellationToken cancellationToken) =>
        RemoveWhereAsync(m => m.UploaderId == uploaderId, cancellationToken);

    public async Task<IReadOnlyList<string>> RemoveAsync(IReadOnlyCollection<Guid> mediaIds, CancellationToken cancellationToken)
    {
        List<Guid> posters;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            posters = await db.Media.Where(m => EF.Parameter(mediaIds).Contains(m.Id) && m.PosterId != null).Select(m => m.PosterId!.Value).ToListAsync(cancellationToken);
        }

        // A video's poster leaves with it.
        Guid[] removed = [.. mediaIds, .. posters];
        return await RemoveWhereAsync(m => EF.Parameter(removed).Contains(m.Id), cancellationToken);
    }

    private async Task<IReadOnlyList<string>> RemoveWhereAsync(Expression<Func<MediaRow, bool>> which, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contents = await db.Media.Where(which).Select(m => m.Sha256).Distinct().ToListAsync(cancellationToken);
        await db.Media.Where(which).ExecuteDeleteAsync(cancellationToken);
        var shared = await db.Media.Where(m => EF.Parameter(contents).Contains(m.Sha256)).Select(m => m.Sha256).Distinct().ToListAsync(cancellationToken);
        return [.. contents.Except(shared)];
    }
}
