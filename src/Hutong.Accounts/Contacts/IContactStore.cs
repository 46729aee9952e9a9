using Hutong.Accounts.Identity;
using Hutong.Core.Errors;

namespace Hutong.Accounts.Contacts;

/// <summary>Durable contacts: requests, friendships, blocks. Implemented by Hutong.Storage.</summary>
public interface IContactStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that no other contact change of either person interleaves with;
    /// commits when it succeeds and rolls back when it returns an error, so a failed change writes nothing.
    /// </summary>
    Task<Result<T>> AtomicallyAsync<T>(Guid a, Guid b, Func<Task<Result<T>>> work, CancellationToken cancellationToken);

    Task<Relationship> GetRelationshipAsync(Guid me, Guid other, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> CountFriendsAsync(Guid userId, CancellationToken cancellationToken);

    Task AddRequestAsync(FriendRequest request, CancellationToken cancellationToken);

    Task RenewRequestAsync(Guid requestId, string greeting, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<FriendRequest?> FindRequestAsync(Guid requestId, CancellationToken cancellationToken);

    Task SetRequestStateAsync(Guid requestId, FriendRequestState state, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Declines every open request from <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task DeclineOpenRequestsAsync(Guid from, Guid to, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Requests to (incoming) or from the user, newest first, with both people's cards.</summary>
    Task<IReadOnlyList<(FriendRequest Request, UserCard From, UserCard To)>> ListRequestsAsync(
        Guid userId, bool incoming, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Writes both sides of a new friendship.</summary>
    Task AddFriendshipAsync(Guid a, Guid b, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Removes both sides; false when they were not friends.</summary>
    Task<bool> RemoveFriendshipAsync(Guid a, Guid b, CancellationToken cancellationToken);

    Task<(Friendship Friendship, UserCard Card)?> FindFriendAsync(Guid userId, Guid friendId, CancellationToken cancellationToken);

    Task<IReadOnlyList<(Friendship Friendship, UserCard Card)>> ListFriendsAsync(Guid userId, int offset, int limit, CancellationToken cancellationToken);

    Task UpdateFriendshipAsync(Friendship friendship, CancellationToken cancellationToken);

    /// <summary>Blocks; blocking twice is one block.</summary>
    Task AddBlockAsync(Guid userId, Guid blockedId, DateTimeOffset since, CancellationToken cancellationToken);

    Task RemoveBlockAsync(Guid userId, Guid blockedId, CancellationToken cancellationToken);

    Task<IReadOnlyList<(UserCard Card, DateTimeOffset Since)>> ListBlocksAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every contact of a deleted account: its friendships (both sides), requests to and from it, and blocks
    /// either way, in one transaction; returns who were its friends.
    /// </summary>
    Task<IReadOnlyList<Guid>> ForgetAsync(Guid userId, CancellationToken cancellationToken);
}
