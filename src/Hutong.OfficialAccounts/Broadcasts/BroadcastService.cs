using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Articles;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Threads;
using Hutong.Realtime.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Broadcasts;

/// <summary>
/// Broadcasts: to all followers, to a tag, to a list of openids, or a preview to one follower. The quota is the
/// account grain's to enforce, whichever path a broadcast comes by; this service resolves the audience, and afterwards
/// pushes the broadcast live to the followers online (the others read it with their thread).
/// </summary>
public sealed class BroadcastService(
    IBroadcastStore store,
    IFollowerStore followers,
    OfficialAccountService accounts,
    ThreadContent contents,
    ArticleService articles,
    IGrainFactory grains,
    OnlinePush online,
    IOptions<OfficialAccountsOptions> options,
    ILogger<BroadcastService> logger,
    TimeProvider clock)
{
    private OfficialAccountsOptions Limits => options.Value;

    /// <summary>A broadcast from the studio, by an admin of the account.</summary>
    public async Task<Result<(BroadcastInfo Broadcast, bool Created)>> SendAsync(Guid me, Guid accountId, BroadcastRequest request, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var account = managed.Value;
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.ClientId) || request.ClientId.Length > 64)
        {
            errors.Add("clientId", "A client id is 1 to 64 characters.");
        }

        if (request.TagId is not null && request.PreviewOpenId is not null)
        {
            errors.Add("previewOpenId", "A preview goes to one follower, not to a tag.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var content = request.ArticleIds is null
            ? await contents.CheckAsync(request.Content, me, fromFollower: false, Limits.MaxMessageText, cancellationToken)
            : await NewsAsync(account, request, cancellationToken);
        if (!content.IsSuccess)
        {
            return content.Error;
        }

        var audience = await AudienceAsync(account, request.TagId, request.PreviewOpenId is null ? null : [request.PreviewOpenId], request.PreviewOpenId is not null, cancellationToken);
        if (!audience.IsSuccess)
        {
            return audience.Error;
        }

        var (kind, tagId, recipients) = audience.Value;
        return await SendAsync(account, request.ClientId, kind, tagId, recipients, content.Value, cancellationToken);
    }

    /// <summary>A broadcast of 1 to 8 of the account's articles, as news: each item links to the article's page.</summary>
    private async Task<Result<MessageContent>> NewsAsync(OfficialAccount account, BroadcastRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Content is not null)
        {
            errors.Add("content", "A broadcast carries articles or content, not both.");
        }

        if (request.ArticleIds is not { Count: >= 1 and <= 8 } ids)
        {
            errors.Add("articleIds", "A broadcast carries 1 to 8 articles.");
            return errors.ToError();
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var articleIds = new List<Guid>(ids.Count);
        foreach (var text in ids)
        {
            if (!Ids.TryParse(text, out var id))
            {
                return ArticleService.NotFound;
            }

            articleIds.Add(id);
        }

        var news = await articles.NewsAsync(account, articleIds, cancellationToken);
        return news.IsSuccess ? news.Value : news.Error;
    }

    /// <summary>
    /// Sends a broadcast whose audience is resolved, through the account's grain (which keeps the quota), then pushes it
    /// to the followers online. Used by the studio and the app API alike.
    /// </summary>
    public async Task<Result<(BroadcastInfo Broadcast, bool Created)>> SendAsync(
        OfficialAccount account, string clientId, string audience, int? tagId, Guid[]? recipients, MessageContent content, CancellationToken cancellationToken)
    {
        if (!account.IsActive)
        {
            return FollowService.NotActive;
        }

        var receipt = await grains.GetGrain<IOfficialAccountGrain>(account.Id)
            .BroadcastAsync(new BroadcastOrder(account.Kind, clientId, audience, tagId, recipients, MessageContentJson.Encode(content)));
        if (!receipt.IsSuccess)
        {
            return receipt.Error;
        }

        var sent = receipt.Value;
        if (sent.Created && content is NewsContent news)
        {
            // Published once the broadcast is sent, not before: a broadcast over quota publishes nothing, and a preview
            // lets its one follower read the drafts without publishing them.
            await (audience == BroadcastAudiences.Preview
                ? articles.PreviewNewsAsync(news, recipients![0], sent.SentAt, cancellationToken)
                : articles.PublishNewsAsync(account, news, sent.SentAt, cancellationToken));
        }

        var message = new ThreadMessage(sent.MessageId, account.Id, null, true, sent.SentAt, content, sent.BroadcastId, Seq: sent.Seq);
        if (sent.Created)
        {
            // Not awaited by the sender: pushing to ten thousand devices is the node's work, not the studio's wait.
            _ = PushAsync(sent.BroadcastId, message);
        }

        return (new BroadcastInfo(Ids.Format(sent.BroadcastId), sent.SentAt, audience, tagId, sent.Recipients, audience != BroadcastAudiences.Preview, content), sent.Created);
    }

    /// <summary>The account's broadcasts, newest first, with what is left of its quota.</summary>
    public async Task<Result<BroadcastList>> ListAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var sent = await store.ListAsync(accountId, 100, cancellationToken);
        return new BroadcastList(
            sent.Select(s => new BroadcastInfo(Ids.Format(s.Broadcast.Id), s.Broadcast.SentAt, s.Broadcast.Audience, s.Broadcast.TagId, s.Broadcast.Recipients, s.Broadcast.Counted, s.Message.Content)).ToList(),
            await QuotaAsync(managed.Value, cancellationToken));
    }

    public async Task<BroadcastQuota> QuotaAsync(OfficialAccount account, CancellationToken cancellationToken)
    {
        var period = QuotaPeriod.For(account.Kind, clock.Now(), Limits);
        var used = await store.CountAsync(account.Id, period.Start, period.End, previews: false, cancellationToken);
        return new BroadcastQuota(period.Name, period.Limit, used, Math.Max(0, period.Limit - used), period.End);
    }

    /// <summary>
    /// Who a broadcast goes to: all followers (null recipients), the current followers with a tag, or the followers named
    /// by openid (all of them must be followers; a preview names exactly one).
    /// </summary>
    public async Task<Result<(string Audience, int? TagId, Guid[]? Recipients)>> AudienceAsync(
        OfficialAccount account, int? tagId, IReadOnlyCollection<string>? openIds, bool preview, CancellationToken cancellationToken)
    {
        if (openIds is not null)
        {
            var users = await followers.UsersAsync(account.Id, openIds, cancellationToken);
            if (openIds.Count == 0 || users.Count != openIds.Distinct(StringComparer.Ordinal).Count())
            {
                return FollowService.NoFollower;
            }

            return (preview ? BroadcastAudiences.Preview : BroadcastAudiences.OpenIds, null, [.. users.Values]);
        }

        if (tagId is { } tag)
        {
            if ((await followers.TagsAsync(account.Id, cancellationToken)).All(t => t.Id != tag))
            {
                return FollowerTagService.NoTag;
            }

            return (BroadcastAudiences.Tag, tag, [.. await store.TaggedAsync(account.Id, tag, cancellationToken)]);
        }

        return (BroadcastAudiences.All, null, null);
    }

    private async Task PushAsync(Guid broadcastId, ThreadMessage message)
    {
        try
        {
            await Task.Yield();
            var frame = Push.Live(RealtimeFramesOf(new AccountMessageEvent(ThreadService.Info(message))));
            var pushed = await online.PushAsync((connected, ct) => store.ReachedAmongAsync(broadcastId, connected, ct), frame, CancellationToken.None);
            OfficialAccountsLog.BroadcastPushed(logger, message.AccountId, broadcastId, pushed);
        }
        catch (Exception e)
        {
            OfficialAccountsLog.BroadcastPushFailed(logger, message.AccountId, broadcastId, e);
        }
    }

    private static byte[] RealtimeFramesOf(UserEvent live) => RealtimeFrames.Serialize(new EventFrame(live));
}
