using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Articles;
using Hutong.OfficialAccounts.Developer;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Threads;

namespace Hutong.OfficialAccounts.Replies;

/// <summary>
/// Sends the account's auto-replies: the follow reply to a new follower, and to a follower's message the reply of the
/// first keyword rule it matches, else the default reply. As on WeChat, an account in developer mode is answered by
/// its developer's server (<see cref="WebhookDispatcher"/>) and none of these run. Replies are answers, so they do not
/// take from the service window.
/// </summary>
internal sealed class AutoResponder(IAutoReplyStore store, IDeveloperSettingsStore developer, IArticleStore articles, AccountReplies replies)
    : IFollowerMessageObserver, IFollowObserver
{
    public async Task ReceivedAsync(OfficialAccount account, Follower follower, ThreadMessage message, CancellationToken cancellationToken)
    {
        if (await SettingsAsync(account, cancellationToken) is not { } settings)
        {
            return;
        }

        var reply = message.Content is TextContent { Text: var text } && settings.Match(text) is { } rule ? rule.Reply : settings.Default;
        await SendAsync(account, follower, reply, cancellationToken);
    }

    public async Task FollowedAsync(OfficialAccount account, Follower follower, CancellationToken cancellationToken)
    {
        if (await SettingsAsync(account, cancellationToken) is { } settings)
        {
            await SendAsync(account, follower, settings.Follow, cancellationToken);
        }
    }

    public Task UnfollowedAsync(OfficialAccount account, Follower follower, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<AutoReplySettings?> SettingsAsync(OfficialAccount account, CancellationToken cancellationToken) =>
        await developer.FindAsync(account.Id, cancellationToken) is null ? await store.FindAsync(account.Id, cancellationToken) : null;

    private async Task SendAsync(OfficialAccount account, Follower follower, AutoReply? reply, CancellationToken cancellationToken)
    {
        if (reply is not null && await AutoReplyService.ContentAsync(reply, articles, cancellationToken) is { } content)
        {
            await replies.ReplyAsync(account, follower.UserId, content, inWindow: false, cancellationToken);
        }
    }
}
