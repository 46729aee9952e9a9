using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Threads;

/// <summary>A follow opens the event window: the account may greet the new follower with a few messages for a minute.</summary>
internal sealed class FollowWindowOpener(IThreadStore store, IOptions<OfficialAccountsOptions> options, TimeProvider clock) : IFollowObserver
{
    public Task FollowedAsync(OfficialAccount account, Follower follower, CancellationToken cancellationToken) =>
        store.OpenWindowAsync(account.Id, follower.UserId, WindowKinds.Event, clock.GetUtcNow() + options.Value.EventWindow, options.Value.EventWindowAllowance, cancellationToken);

    public Task UnfollowedAsync(OfficialAccount account, Follower follower, CancellationToken cancellationToken) => Task.CompletedTask;
}
