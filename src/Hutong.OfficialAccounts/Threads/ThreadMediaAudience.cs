using Hutong.Chat.Media;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;

namespace Hutong.OfficialAccounts.Threads;

/// <summary>
/// An upload in a thread may be fetched by the account's admins and by the follower whose thread it is; one in a
/// broadcast, by the followers it reached, and one in a broadcast to all followers by anyone who sees the account's page
/// (which shows those broadcasts).
/// </summary>
internal sealed class ThreadMediaAudience(IThreadStore threads, IFollowerStore followers, IOfficialAccountStore accounts, Broadcasts.IBroadcastStore broadcasts)
    : IMediaAudience
{
    public async Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken)
    {
        foreach (var item in await threads.WithMediaAsync(mediaId, cancellationToken))
        {
            if (item.UserId == userId || (await accounts.FindAsync(item.AccountId, cancellationToken))?.IsAdmin(userId) == true)
            {
                return true;
            }

            if (item is { UserId: null, BroadcastId: { } toAll }
                && await threads.IsToAllAsync(toAll, cancellationToken)
                && (await accounts.FindAsync(item.AccountId, cancellationToken))?.IsActive == true)
            {
                return true;
            }

            if (item is { UserId: null, BroadcastId: { } broadcast }
                && await followers.FindAsync(item.AccountId, userId, cancellationToken) is { Following: true }
                && (await broadcasts.ReachedAmongAsync(broadcast, [userId], cancellationToken)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
