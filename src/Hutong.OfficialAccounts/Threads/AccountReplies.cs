using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;
using Hutong.Realtime.Log;

namespace Hutong.OfficialAccounts.Threads;

/// <summary>
/// Writes the account's messages into a follower's thread and tells their devices: the one way in for the studio, the
/// app API, auto-replies and developer servers. It knows nothing of who reacts to what, so any of them can use it.
/// </summary>
public sealed class AccountReplies(IThreadStore store, IFollowerStore followers, EventLog events, TimeProvider clock)
{
    /// <summary>
    /// The account's message to one follower: inside the service window (a customer-service message, taking one of the
    /// window's messages), or as the answer to their message or action (a passive reply or an auto-reply).
    /// </summary>
    public async Task<Result<AccountMessage>> ReplyAsync(OfficialAccount account, Guid userId, MessageContent content, bool inWindow, CancellationToken cancellationToken)
    {
        var follower = await followers.FindAsync(account.Id, userId, cancellationToken);
        if (follower is not { Following: true })
        {
            return FollowService.NoFollower;
        }

        var stored = await store.AddFromAccountAsync(new ThreadMessage(Ids.New(clock), account.Id, userId, true, clock.Now(), content), inWindow, cancellationToken);
        if (stored is null)
        {
            return ThreadService.WindowClosed;
        }

        var info = ThreadService.Info(stored);
        await events.AppendAsync(userId, new AccountMessageEvent(info));
        return info;
    }
}
