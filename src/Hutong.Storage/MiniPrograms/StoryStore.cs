using Hutong.MiniPrograms.Stories;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.MiniPrograms;

/// <summary>Story drafts. Adding one takes the node's SQLite writer turn, so that the count and the insert go together there.</summary>
internal sealed class StoryStore(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : IStoryStore
{
    public async Task<IReadOnlyList<StoryDraft>> ListAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StoryDrafts.AsNoTracking().Where(d => d.OwnerId == ownerId).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<bool> TryAddAsync(StoryDraft draft, int maxDrafts, CancellationToken cancellationToken)
    {
        // Two creates of one person at the same moment on PostgreSQL may both pass the count: the cap keeps storage
        // in bounds, and one draft past it does no harm.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        if (await db.StoryDrafts.CountAsync(d => d.OwnerId == draft.OwnerId, cancellationToken) >= maxDrafts)
        {
            return false;
        }

        db.StoryDrafts.Add(StoryDraftRow.From(draft));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<StoryDraft?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.StoryDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken))?.ToDomain();
    }

    public async Task<StoryDraft?> SaveAsync(StoryDraft draft, long revision, CancellationToken cancellationToken)
    {
        var images = StoryDraftRow.ImagesJson(draft.Images);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.StoryDrafts.Where(d => d.Id == draft.Id && d.Revision == revision).ExecuteUpdateAsync(
            set => set
                .SetProperty(d => d.Title, draft.Title)
                .SetProperty(d => d.Description, draft.Description)
                .SetProperty(d => d.Language, draft.Language)
                .SetProperty(d => d.Source, draft.Source)
                .SetProperty(d => d.CoverId, draft.CoverId)
                .SetProperty(d => d.Images, images)
                .SetProperty(d => d.UpdatedAt, draft.UpdatedAt)
                .SetProperty(d => d.Revision, revision + 1),
            cancellationToken);
        return saved == 0 ? null : draft with { Revision = revision + 1 };
    }

    public async Task SetAppAsync(Guid id, Guid appKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StoryDrafts.Where(d => d.Id == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.AppKey, appKey), cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StoryDrafts.Where(d => d.Id == id && d.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task ForgetAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.StoryDrafts.Where(d => d.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken);
    }
}
