using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;

namespace Hutong.OfficialAccounts.QrCodes;

/// <summary>A follow through a parameter code counts on the code (its scan was counted when reported).</summary>
internal sealed class QrFollowCounter(IQrCodeStore store) : IFollowObserver
{
    public Task FollowedAsync(OfficialAccount account, Follower follower, CancellationToken cancellationToken) =>
        follower.QrTicket is { } ticket ? store.CountAsync(ticket, follow: true, cancellationToken) : Task.CompletedTask;

    public Task UnfollowedAsync(OfficialAccount account, Follower follower, CancellationToken cancellationToken) => Task.CompletedTask;
}
