using Hutong.Accounts.Identity;
using Hutong.Core.Errors;

namespace Hutong.Accounts.Contacts;

/// <summary>Durable contacts: requests, friendships, blocks. Implemented by Hutong.Storage.</summary>
public interface IContactStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that no other contact change of either person interleaves with,
    /// handing it the reads and writes of that transaction; commits when it succeeds and rolls back when it returns an
    /// error, so a failed change writes nothing. A change of one person's own side (their tags) names them twice.
    /// </summary>
    Task<Result<T>> AtomicallyAsync<T>(Guid a, Guid b, Func<IContactChanges, Task<Result<T>>> work, CancellationToken cancellationToken);

    Task<Relationship> GetRelationshipAsync(Guid me, Guid other, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="others"/> are <paramref name="userId"/>'s friends and have not blocked them, in one
    /// query however many there are.
    /// </summary>
    Task<IReadOnlySet<Guid>> FriendsNotBlockingAsync(Guid userId, IReadOnlyCollection<Guid> others, CancellationToken cancellationToken);

    Task<FriendRequest?> FindRequestAsync(Guid requestId, CancellationToken cancellationToken);

    /// <summary>Requests to (incoming) or from the user, newest first, with both people's cards.</summary>
    Task<IReadOnlyList<(FriendRequest Request, UserCard From, UserCard To)>> ListRequestsAsync(
        Guid userId, bool incoming, int offset, int limit, CancellationToken cancellationToken);

    Task<(Friendship Friendship, UserCard Card)?> FindFriendAsync(Guid userId, Guid friendId, CancellationToken cancellationToken);

    Task<IReadOnlyList<(Friendship Friendship, UserCard Card)>> ListFriendsAsync(Guid userId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Every friend of <paramref name="userId"/>, with the tags <paramref name="userId"/> gave them.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> GetFriendTagsAsync(Guid userId, CancellationToken cancellationToken);

    Task RemoveBlockAsync(Guid userId, Guid blockedId, CancellationToken cancellationToken);

    Task<IReadOnlyList<(UserCard Card, DateTimeOffset Since)>> ListBlocksAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every contact of a deleted account: its friendships (both sides), requests to and from it, and blocks
    /// either way, in one transaction; returns who were its friends.
    /// </summary>
    Task<IReadOnlyList<Guid>> ForgetAsync(Guid userId, CancellationToken cancellationToken);
}
