using System.Globalization;
using Hutong.Chat.Media;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Protocol;
using Hutong.OfficialAccounts.Threads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Developer;

/// <summary>
/// Takes a follower's messages and follows to the account's developer server, when it has one, and puts the passive
/// reply into the follower's thread. A server that is down, slow past its tries or answers garbage leaves the follower
/// a short notice instead, never a hang.
/// </summary>
internal sealed class WebhookDispatcher(
    IDeveloperSettingsStore settings, Webhook webhook, AccountReplies threads, IMediaStore media, IOptions<OfficialAccountsOptions> options,
    ILogger<WebhookDispatcher> logger, TimeProvider clock)
    : IFollowerMessageObserver, IFollowObserver
{
    public async Task ReceivedAsync(OfficialAccount account, Follower follower, ThreadMessage message, CancellationToken cancellationToken)
    {
        if (await settings.FindAsync(account.Id, cancellationToken) is not { } developer)
        {
            return;
        }

        var (to, from, at) = (account.OriginalId, follower.OpenId, message.SentAt);
        PushMessage? push = message.Content switch
        {
            TextContent text => new TextMessage(to, from, at, text.Text, message.Seq),
            ImageContent image => new ImageMessage(to, from, at, $"/cgi-bin/media/get?media_id={image.MediaId}", image.MediaId, message.Seq),
            LocationContent place => new LocationMessage(
                to, from, at, Math.Round((decimal)place.Latitude, 6), Math.Round((decimal)place.Longitude, 6), 15,
                string.Join(' ', new[] { place.Name, place.Address }.Where(p => p is not null)), message.Seq),
            VoiceContent voice => new VoiceMessage(to, from, at, voice.MediaId, Format(voice.ContentType), message.Seq),
            ArticleContent article => new LinkMessage(to, from, at, article.Title, article.Digest ?? "", $"/a/{article.ArticleId}", message.Seq),
            _ => null,
        };
        if (push is not null)
        {
            await AnswerAsync(account, developer, follower, push, cancellationToken);
        }
    }

    /// <summary>WeChat names a voice message's codec (amr, speex); here it is the upload's audio type: ogg, webm, mpeg...</summary>
    private static string Format(string? contentType) =>
        contentType is { } type && type.StartsWith("audio/", StringComparison.Ordinal) ? type["audio/".Length..].Split(';')[0].Trim() : "";

    public async Task FollowedAsync(OfficialAccount account, Follower follower, CancellationToken cancellationToken)
    {
        if (await settings.FindAsync(account.Id, cancellationToken) is { } developer)
        {
            var scene = follower.QrSceneStr ?? follower.QrSceneId?.ToString(CultureInfo.InvariantCulture);
            await AnswerAsync(account, developer, follower, new SubscribeEvent(account.OriginalId, follower.OpenId, clock.GetUtcNow(), scene, follower.QrTicket), cancellationToken);
        }
    }

    public async Task UnfollowedAsync(OfficialAccount account, Follower follower, CancellationToken cancellationToken)
    {
        if (await settings.FindAsync(account.Id, cancellationToken) is { } developer)
        {
            // Nobody is left to read a reply: the push only tells the developer.
            await webhook.PushAsync(account, developer, new UnsubscribeEvent(account.OriginalId, follower.OpenId, clock.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>Pushes an event of the follower's (a menu click, a scan) and answers with the passive reply.</summary>
    internal Task AnswerAsync(OfficialAccount account, DeveloperSettings developer, Follower follower, PushMessage push, CancellationToken cancellationToken) =>
        AnswerAsync(account, developer, follower.UserId, push, cancellationToken);

    private async Task AnswerAsync(OfficialAccount account, DeveloperSettings developer, Guid userId, PushMessage push, CancellationToken cancellationToken)
    {
        var answer = await webhook.PushAsync(account, developer, push, cancellationToken);
        var content = answer.Reply is null ? null : await ContentAsync(account, answer.Reply, cancellationToken);
        if (answer.Failure is not null || (answer.Reply is not null && content is null))
        {
            OfficialAccountsLog.DeveloperServerFailed(logger, account.Id, answer.Failure ?? "a reply naming an unknown upload");
            content = new NoticeContent(NoticeTypes.AccountUnavailable, Text: "This account cannot answer right now. Please try again later.");
        }

        if (content is not null)
        {
            await threads.ReplyAsync(account, userId, content, inWindow: false, cancellationToken);
        }
    }

    private async Task<MessageContent?> ContentAsync(OfficialAccount account, PassiveReply reply, CancellationToken cancellationToken) => reply switch
    {
        TextReply text => new TextContent(text.Content.Length > options.Value.MaxMessageText ? text.Content[..options.Value.MaxMessageText] : text.Content),
        ImageReply image => await media.OwnImageAsync(image.MediaId, account.OwnerId, cancellationToken),
        NewsReply news => new NewsContent(news.Articles.Select(a => new NewsItem(a.Title, Blank(a.Description), Blank(a.PicUrl), Blank(a.Url))).ToList()),
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
