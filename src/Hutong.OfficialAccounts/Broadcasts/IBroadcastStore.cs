using Hutong.OfficialAccounts.Threads;

namespace Hutong.OfficialAccounts.Broadcasts;

/// <summary>Broadcasts and who they reached. Implemented by Hutong.Storage.</summary>
public interface IBroadcastStore
{
    Task<(Broadcast Broadcast, ThreadMessage Message)?> FindAsync(Guid accountId, string clientId, CancellationToken cancellationToken);

    /// <summary>Counted broadcasts (or previews) of the account sent in [from, to).</summary>
    Task<int> CountAsync(Guid accountId, DateTimeOffset from, DateTimeOffset to, bool previews, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the broadcast, its thread item and, for a broadcast to some followers, who they are, in one transaction.
    /// Returns the item with its seq.
    /// </summary>
    Task<ThreadMessage> AddAsync(Broadcast broadcast, ThreadMessage message, IReadOnlyCollection<Guid>? recipients, CancellationToken cancellationToken);

    /// <summary>The account's broadcasts, newest first, with their items.</summary>
    Task<IReadOnlyList<(Broadcast Broadcast, ThreadMessage Message)>> ListAsync(Guid accountId, int take, CancellationToken cancellationToken);

    /// <summary>Current followers carrying the tag.</summary>
    Task<IReadOnlyList<Guid>> TaggedAsync(Guid accountId, int tagId, CancellationToken cancellationToken);

    /// <summary>Of the people given, those the broadcast reaches now (following, and followed before it or named in it).</summary>
    Task<IReadOnlyCollection<Guid>> ReachedAmongAsync(Guid broadcastId, IReadOnlyCollection<Guid> people, CancellationToken cancellationToken);
}
