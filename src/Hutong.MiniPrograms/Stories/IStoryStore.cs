namespace Hutong.MiniPrograms.Stories;

/// <summary>Story drafts. Implemented by Hutong.Storage.</summary>
public interface IStoryStore
{
    /// <summary>The person's drafts, the last saved first.</summary>
    Task<IReadOnlyList<StoryDraft>> ListAsync(Guid ownerId, CancellationToken cancellationToken);

    /// <summary>Adds the draft unless its owner has <paramref name="maxDrafts"/> already; false then.</summary>
    Task<bool> TryAddAsync(StoryDraft draft, int maxDrafts, CancellationToken cancellationToken);

    Task<StoryDraft?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the draft's title, description, language, source, cover, images and update time, with the revision one
    /// past <paramref name="revision"/>, when <paramref name="revision"/> is still its revision: the draft as saved,
    /// or null when another save came first (or it is gone).
    /// </summary>
    Task<StoryDraft?> SaveAsync(StoryDraft draft, long revision, CancellationToken cancellationToken);

    /// <summary>Notes the draft's mini-game, made at its first publishing.</summary>
    Task SetAppAsync(Guid id, Guid appKey, CancellationToken cancellationToken);

    /// <summary>Deletes the owner's draft; false when there is none (its mini-game, if any, stays).</summary>
    Task<bool> DeleteAsync(Guid id, Guid ownerId, CancellationToken cancellationToken);

    /// <summary>Deletes every draft of the person.</summary>
    Task ForgetAsync(Guid ownerId, CancellationToken cancellationToken);
}
