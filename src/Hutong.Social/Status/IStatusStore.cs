namespace Hutong.Social.Status;

/// <summary>Statuses, the viewers' own seen marks, and reactions. Implemented by Hutong.Storage.</summary>
public interface IStatusStore
{
    /// <summary>Adds a status; one with the same author and client id already there is returned instead.</summary>
    Task<(Status Status, bool Created)> AddAsync(Status status, CancellationToken cancellationToken);

    Task<Status?> FindAsync(Guid statusId, CancellationToken cancellationToken);

    /// <summary>
    /// The viewer's live statuses and those of friends who let the viewer see theirs (friends both ways, not chat-only
    /// to the author, no block either way), oldest first, with the viewer's seen marks.
    /// </summary>
    Task<IReadOnlyList<SeenStatus>> BoardAsync(Guid viewerId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether the author lets the viewer see their statuses now (the board's rule, for one author).</summary>
    Task<bool> MaySeeAsync(Guid viewerId, Guid authorId, CancellationToken cancellationToken);

    Task MarkSeenAsync(Guid viewerId, Guid statusId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sets the person's reaction to a status (a second one replaces the first).</summary>
    Task ReactAsync(Reaction reaction, CancellationToken cancellationToken);

    Task<IReadOnlyList<Reaction>> ReactionsAsync(Guid statusId, CancellationToken cancellationToken);

    /// <summary>Removes statuses with their seen marks and reactions; returns the media they carried.</summary>
    Task<IReadOnlyList<Guid>> RemoveAsync(IReadOnlyCollection<Guid> statusIds, CancellationToken cancellationToken);

    /// <summary>Statuses whose day is over, oldest first, with when it ended.</summary>
    Task<IReadOnlyList<(Guid Id, DateTimeOffset ExpiresAt)>> ExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Live statuses that carry the media (as the clip or its poster).</summary>
    Task<IReadOnlyList<Status>> WithMediaAsync(Guid mediaId, DateTimeOffset now, CancellationToken cancellationToken);
}
