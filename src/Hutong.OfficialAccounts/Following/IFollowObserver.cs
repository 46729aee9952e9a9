namespace Hutong.OfficialAccounts.Following;

/// <summary>
/// Told after a follow or an unfollow is stored: the account's auto-reply, its developer's webhook and the service
/// window hang off this. An observer that fails does not undo the follow.
/// </summary>
public interface IFollowObserver
{
    Task FollowedAsync(Accounts.OfficialAccount account, Follower follower, CancellationToken cancellationToken);

    Task UnfollowedAsync(Accounts.OfficialAccount account, Follower follower, CancellationToken cancellationToken);
}
