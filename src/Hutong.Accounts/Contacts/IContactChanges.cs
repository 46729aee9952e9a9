namespace Hutong.Accounts.Contacts;

/// <summary>
/// What a contact change reads and writes, all on the one transaction of <see cref="IContactStore.AtomicallyAsync{T}"/>;
/// valid only until the work given to it returns. Writes of requests, friendships and blocks happen only here.
/// </summary>
public interface IContactChanges
{
    Task<Relationship> GetRelationshipAsync(Guid me, Guid other, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> CountFriendsAsync(Guid userId, CancellationToken cancellationToken);

    Task<FriendRequest?> FindRequestAsync(Guid requestId, CancellationToken cancellationToken);

    Task AddRequestAsync(FriendRequest request, CancellationToken cancellationToken);

    Task RenewRequestAsync(Guid requestId, string greeting, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task SetRequestStateAsync(Guid requestId, FriendRequestState state, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Declines every open request from <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task DeclineOpenRequestsAsync(Guid from, Guid to, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Writes both sides of a new friendship.</summary>
    Task AddFriendshipAsync(Guid a, Guid b, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Removes both sides; false when they were not friends.</summary>
    Task<bool> RemoveFriendshipAsync(Guid a, Guid b, CancellationToken cancellationToken);

    /// <summary>What <paramref name="userId"/> has set for <paramref name="friendId"/>; null when they are not friends.</summary>
    Task<Friendship?> FindFriendshipAsync(Guid userId, Guid friendId, CancellationToken cancellationToken);

    /// <summary>Writes what <see cref="Friendship.UserId"/> has set for the friend: remark, tags and switches.</summary>
    Task UpdateFriendshipAsync(Friendship friendship, CancellationToken cancellationToken);

    /// <summary>Every friend of <paramref name="userId"/>, with the tags <paramref name="userId"/> gave them.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> GetFriendTagsAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Replaces the tags <paramref name="userId"/> gave each of these friends, in one write.</summary>
    Task SetFriendTagsAsync(Guid userId, IReadOnlyDictionary<Guid, IReadOnlyList<string>> tags, CancellationToken cancellationToken);

    /// <summary>Blocks; blocking twice is one block.</summary>
    Task AddBlockAsync(Guid userId, Guid blockedId, DateTimeOffset since, CancellationToken cancellationToken);
}
