namespace Hutong.OfficialAccounts.Following;

/// <summary>Followers of official accounts and their tags. Implemented by Hutong.Storage.</summary>
public interface IFollowerStore
{
    Task<Follower?> FindAsync(Guid accountId, Guid userId, CancellationToken cancellationToken);

    Task<Follower?> FindByOpenIdAsync(Guid accountId, string openId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the follow: a new row, or an old one following again with the new time and scene (remark and tags kept).
    /// False when the person follows already (nothing changes).
    /// </summary>
    Task<bool> FollowAsync(Follower follower, CancellationToken cancellationToken);

    /// <summary>Marks the person as no longer following; false when they were not.</summary>
    Task<bool> UnfollowAsync(Guid accountId, Guid userId, CancellationToken cancellationToken);

    Task SetMutedAsync(Guid accountId, Guid userId, bool muted, CancellationToken cancellationToken);

    Task SetRemarkAsync(Guid accountId, Guid userId, string remark, CancellationToken cancellationToken);

    Task<int> CountAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Current followers in openid order after <paramref name="afterOpenId"/>, each with their tag ids; with
    /// <paramref name="tagId"/>, only those who carry that tag.
    /// </summary>
    Task<IReadOnlyList<(Follower Follower, IReadOnlyList<int> TagIds)>> PageAsync(
        Guid accountId, int? tagId, string? afterOpenId, int take, CancellationToken cancellationToken);

    /// <summary>The accounts the person follows now, with their own standing at each.</summary>
    Task<IReadOnlyList<Follower>> FollowingAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Which of the accounts the person follows (for lists of accounts).</summary>
    Task<IReadOnlyDictionary<Guid, Follower>> StandingAsync(Guid userId, IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken);

    /// <summary>Follower counts of the accounts, in one query.</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountsAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<FollowerTag>> TagsAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Adds a tag with the next free id; null when the account has one of that name already.</summary>
    Task<FollowerTag?> AddTagAsync(Guid accountId, string name, CancellationToken cancellationToken);

    /// <summary>False when there is no such tag, or another tag has the name.</summary>
    Task<bool> RenameTagAsync(Guid accountId, int tagId, string name, CancellationToken cancellationToken);

    /// <summary>Removes the tag from the account and from every follower; false when there was none.</summary>
    Task<bool> RemoveTagAsync(Guid accountId, int tagId, CancellationToken cancellationToken);

    /// <summary>Puts the tag on (or takes it off) the people, in one transaction.</summary>
    Task TagAsync(Guid accountId, int tagId, IReadOnlyCollection<Guid> userIds, bool add, CancellationToken cancellationToken);

    /// <summary>The tag ids a follower carries.</summary>
    Task<IReadOnlyList<int>> TagIdsAsync(Guid accountId, Guid userId, CancellationToken cancellationToken);

    /// <summary>The user ids behind openids of the account (unknown openids are left out).</summary>
    Task<IReadOnlyDictionary<string, Guid>> UsersAsync(Guid accountId, IReadOnlyCollection<string> openIds, CancellationToken cancellationToken);
}
