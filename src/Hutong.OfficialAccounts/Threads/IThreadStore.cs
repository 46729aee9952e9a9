namespace Hutong.OfficialAccounts.Threads;

/// <summary>Followers' threads with accounts, and the customer-service windows. Implemented by Hutong.Storage.</summary>
public interface IThreadStore
{
    /// <summary>
    /// Writes a follower's message and opens (or renews) their message window, in one transaction. A message with the
    /// same follower, account and client id already there is returned instead, and nothing changes.
    /// </summary>
    Task<(ThreadMessage Message, bool Created)> AddFromFollowerAsync(
        ThreadMessage message, DateTimeOffset windowUntil, int windowAllowance, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the account's message to one follower. With <paramref name="inWindow"/>, it takes one message of an open
    /// window (the message window first) in the same transaction, and writes nothing when none is open: false.
    /// </summary>
    Task<ThreadMessage?> AddFromAccountAsync(ThreadMessage message, bool inWindow, CancellationToken cancellationToken);

    /// <summary>Opens (or renews) a window: until then the account may send that many messages.</summary>
    Task OpenWindowAsync(Guid accountId, Guid userId, string kind, DateTimeOffset until, int allowance, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the follower's thread, newest first, before <paramref name="beforeSeq"/>: their own items, and the
    /// broadcasts since they followed that reached them.
    /// </summary>
    Task<IReadOnlyList<ThreadMessage>> ThreadAsync(
        Guid accountId, Guid userId, DateTimeOffset followedAt, long? beforeSeq, int take, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the account's history, newest first, before <paramref name="beforeSeq"/>: its broadcasts to all
    /// followers, which its page shows to anyone (broadcasts to a tag or to named followers stay theirs).
    /// </summary>
    Task<IReadOnlyList<ThreadMessage>> HistoryAsync(Guid accountId, long? beforeSeq, int take, CancellationToken cancellationToken);

    /// <summary>Whether the item is a broadcast to all followers (its media are as public as the account's page).</summary>
    Task<bool> IsToAllAsync(Guid broadcastId, CancellationToken cancellationToken);

    /// <summary>Where the follower read up to (a seq), 0 when never.</summary>
    Task<long> ReadUpToAsync(Guid accountId, Guid userId, CancellationToken cancellationToken);

    /// <summary>Moves the follower's read mark forward to the item (never back); the item's seq, or null when it is not theirs.</summary>
    Task<long?> MarkReadAsync(Guid accountId, Guid userId, Guid upTo, DateTimeOffset followedAt, CancellationToken cancellationToken);

    /// <summary>How many items from the account came after the follower's read mark.</summary>
    Task<int> UnreadAsync(Guid accountId, Guid userId, DateTimeOffset followedAt, CancellationToken cancellationToken);

    /// <summary>The threads that carry this upload, for who may fetch it.</summary>
    Task<IReadOnlyList<ThreadMessage>> WithMediaAsync(Guid mediaId, CancellationToken cancellationToken);
}
