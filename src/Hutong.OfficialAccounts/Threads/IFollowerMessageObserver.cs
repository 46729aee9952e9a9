using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;

namespace Hutong.OfficialAccounts.Threads;

/// <summary>
/// Told of each new message a follower sends an account, after it is stored and without holding up the follower's send:
/// the account's auto-reply or its developer's server answers through <see cref="AccountReplies.ReplyAsync"/>.
/// </summary>
public interface IFollowerMessageObserver
{
    Task ReceivedAsync(OfficialAccount account, Follower follower, ThreadMessage message, CancellationToken cancellationToken);
}
