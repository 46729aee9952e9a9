using Hutong.Core.Identity;
using System.Text.Json.Nodes;
using Hutong.Chat.Media;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Articles;
using Hutong.OfficialAccounts.Broadcasts;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Menus;
using Hutong.OfficialAccounts.QrCodes;
using Hutong.OfficialAccounts.Threads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static Hutong.OfficialAccounts.AppApi.AppCall;

namespace Hutong.OfficialAccounts.AppApi;

/// <summary>
/// The app API as WeChat's official-account server answers it, under <c>/cgi-bin/</c>: HTTP 200 with
/// <c>{errcode, errmsg}</c> on error, bodies read as JSON whatever their Content-Type, field names and codes exactly as
/// WeChat's, so a bot written for WeChat works by changing the host. The access token is the credential: no sign-in.
/// </summary>
public static class WeChatApi
{
    public static IEndpointRouteBuilder MapWeChatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/cgi-bin").WithTags("App API (WeChat)").AllowAnonymous();
        api.MapGet("/token", Token);
        api.MapPost("/stable_token", StableToken);
        api.MapPost("/message/custom/send", CustomSend);
        api.MapPost("/message/mass/sendall", SendAll);
        api.MapPost("/message/mass/send", SendToOpenIds);
        api.MapPost("/message/mass/preview", Preview);
        api.MapGet("/user/get", Users);
        api.MapGet("/user/info", UserInfo);
        api.MapFollowerAppApi();
        api.MapMediaAppApi();
        api.MapMenuAppApi();
        api.MapQrCodes();
        return app;
    }

    private static async Task<IResult> Token(
        string? grant_type, string? appid, string? secret, IOfficialAccountStore accounts, AccessTokens tokens, IEnumerable<IAppTokenSource> others,
        CancellationToken cancellationToken)
    {
        if (grant_type != "client_credential")
        {
            return Error(WeChatErrors.InvalidGrantType);
        }

        var account = await CredentialsAsync(appid, secret, accounts, cancellationToken);
        if (account.Error == WeChatErrors.InvalidAppId && await OtherAsync(appid, secret, others, cancellationToken) is { } other)
        {
            return other;
        }

        return account.Error is { } error ? Error(error) : TokenAnswer(await tokens.IssueAsync(account.Account!));
    }

    /// <summary>The answer for an app id that is not an account's, from the source it belongs to; null when none knows it.</summary>
    private static async Task<IResult?> OtherAsync(string? appId, string? secret, IEnumerable<IAppTokenSource> others, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(appId) || appId.Length > 64)
        {
            return null;
        }

        foreach (var source in others)
        {
            if (await source.IssueAsync(appId, secret, cancellationToken) is { } token)
            {
                return token.WrongSecret ? Error(WeChatErrors.InvalidAppSecret) : TokenAnswer((token.Token!, token.ExpiresIn));
            }
        }

        return null;
    }

    private static async Task<IResult> StableToken(
        HttpRequest request, IOfficialAccountStore accounts, AccessTokens tokens, IEnumerable<IAppTokenSource> others, CancellationToken cancellationToken)
    {
        var body = await BodyAsync(request, cancellationToken);
        if (body.Error is { } bad)
        {
            return Error(bad);
        }

        if (Text(body.Json, "grant_type") != "client_credential")
        {
            return Error(WeChatErrors.InvalidGrantType);
        }

        var account = await CredentialsAsync(Text(body.Json, "appid"), Text(body.Json, "secret"), accounts, cancellationToken);
        if (account.Error == WeChatErrors.InvalidAppId && await OtherAsync(Text(body.Json, "appid"), Text(body.Json, "secret"), others, cancellationToken) is { } other)
        {
            return other;
        }

        if (account.Error is { } error)
        {
            return Error(error);
        }

        var force = body.Json?["force_refresh"] is JsonValue value && value.TryGetValue<bool>(out var forced) && forced;
        return TokenAnswer(await tokens.StableAsync(account.Account!, force, cancellationToken));
    }

    /// <summary>A customer-service message to one follower, inside their service window (45015 outside it).</summary>
    private static async Task<IResult> CustomSend(
        HttpRequest request, string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, IFollowerStore followers,
        AccountReplies replies, IMediaStore media, ArticleService articles, IOptions<OfficialAccountsOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var openId = Text(json, "touser");
        var follower = openId is null ? null : await followers.FindByOpenIdAsync(account!.Id, openId, cancellationToken);
        if (follower is not { Following: true })
        {
            return Error(WeChatErrors.InvalidOpenId);
        }

        var content = await ContentAsync(json!, account!, media, articles, allowNews: true, options.Value.MaxMessageText, cancellationToken);
        if (content.Error is { } refused)
        {
            return Error(refused);
        }

        var sent = await replies.ReplyAsync(account!, follower.UserId, content.Content!, inWindow: true, cancellationToken);
        if (!sent.IsSuccess)
        {
            return Error(sent.Error.Code == Contracts.ErrorCodes.OutsideServiceWindow ? WeChatErrors.OutOfWindow : WeChatErrors.InvalidOpenId);
        }

        if (content.Content is NewsContent news)
        {
            // The follower can open what was sent: its articles are published with it, as a broadcast's are.
            await articles.PublishNewsAsync(account!, news, clock.GetUtcNow(), cancellationToken);
        }

        return Ok();
    }

    /// <summary>A broadcast to all followers (<c>filter.is_to_all</c>) or to a tag (<c>filter.tag_id</c>, or the older <c>group_id</c>).</summary>
    private static async Task<IResult> SendAll(
        HttpRequest request, string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, BroadcastService broadcasts,
        IMediaStore media, ArticleService articles, IOptions<OfficialAccountsOptions> options, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var filter = json!["filter"] as JsonObject;
        var toAll = filter?["is_to_all"] is JsonValue all && all.TryGetValue<bool>(out var everyone) && everyone;
        var tagId = toAll ? null : Number(filter, "tag_id") ?? Number(filter, "group_id");
        if (!toAll && tagId is null)
        {
            return Error(WeChatErrors.InvalidTagId);
        }

        var audience = await broadcasts.AudienceAsync(account!, tagId, null, preview: false, cancellationToken);
        return audience.IsSuccess
            ? await BroadcastAsync(json, account!, audience.Value, broadcasts, media, articles, options, cancellationToken)
            : Error(WeChatErrors.InvalidTagId);
    }

    /// <summary>A broadcast to followers named by openid.</summary>
    private static async Task<IResult> SendToOpenIds(
        HttpRequest request, string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, BroadcastService broadcasts,
        IMediaStore media, ArticleService articles, IOptions<OfficialAccountsOptions> options, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        if (json!["touser"] is not JsonArray list || list.Count is 0 or > 10_000 || list.Any(o => o is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            return Error(WeChatErrors.InvalidOpenId);
        }

        var audience = await broadcasts.AudienceAsync(account!, null, list.Select(o => o!.GetValue<string>()).ToList(), preview: false, cancellationToken);
        return audience.IsSuccess ? await BroadcastAsync(json, account!, audience.Value, broadcasts, media, articles, options, cancellationToken) : Error(WeChatErrors.InvalidOpenId);
    }

    /// <summary>A preview to one follower: not counted against the quota.</summary>
    private static async Task<IResult> Preview(
        HttpRequest request, string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, BroadcastService broadcasts,
        IMediaStore media, ArticleService articles, IOptions<OfficialAccountsOptions> options, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var audience = Text(json, "touser") is { } openId
            ? await broadcasts.AudienceAsync(account!, null, [openId], preview: true, cancellationToken)
            : default;
        return audience.IsSuccess ? await BroadcastAsync(json!, account!, audience.Value, broadcasts, media, articles, options, cancellationToken) : Error(WeChatErrors.InvalidOpenId);
    }

    /// <summary>Followers' openids in order, 10,000 a page, from <c>next_openid</c> on.</summary>
    private static async Task<IResult> Users(
        string? access_token, string? next_openid, AccessTokens tokens, IOfficialAccountStore accounts, IFollowerStore followers, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var page = await followers.PageAsync(account!.Id, null, string.IsNullOrEmpty(next_openid) ? null : next_openid, 10_000, cancellationToken);
        var openIds = new JsonArray([.. page.Select(p => (JsonNode)JsonValue.Create(p.Follower.OpenId))]);
        return Json(new JsonObject
        {
            ["total"] = await followers.CountAsync(account.Id, cancellationToken),
            ["count"] = page.Count,
            ["data"] = new JsonObject { ["openid"] = openIds },
            ["next_openid"] = page.Count == 0 ? "" : page[^1].Follower.OpenId,
        });
    }

    private static async Task<IResult> UserInfo(
        string? access_token, string? openid, AccessTokens tokens, IOfficialAccountStore accounts, IFollowerStore followers, OpenIds ids, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var follower = string.IsNullOrEmpty(openid) ? null : await followers.FindByOpenIdAsync(account!.Id, openid, cancellationToken);
        if (follower is null)
        {
            return Error(WeChatErrors.InvalidOpenId);
        }

        return Json(await UserInfoAsync(account!, follower, followers, ids, cancellationToken));
    }

    /// <summary>A follower as <c>user/info</c> (and each entry of <c>user/info/batchget</c>) gives them.</summary>
    internal static async Task<JsonObject> UserInfoAsync(
        OfficialAccount account, Follower follower, IFollowerStore followers, OpenIds ids, CancellationToken cancellationToken)
    {
        if (!follower.Following)
        {
            return new JsonObject { ["subscribe"] = 0, ["openid"] = follower.OpenId };
        }

        var tags = await followers.TagIdsAsync(account.Id, follower.UserId, cancellationToken);
        return new JsonObject
        {
            ["subscribe"] = 1,
            ["openid"] = follower.OpenId,
            ["language"] = follower.Language,
            ["subscribe_time"] = follower.FollowedAt.ToUnixTimeSeconds(),
            ["unionid"] = await ids.UnionIdAsync(account.OwnerId, follower.UserId, cancellationToken),
            ["remark"] = follower.Remark,
            ["groupid"] = 0,
            ["tagid_list"] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["subscribe_scene"] = follower.Scene switch
            {
                FollowScenes.Search => "ADD_SCENE_SEARCH",
                FollowScenes.Qr => "ADD_SCENE_QR_CODE",
                FollowScenes.Article => "ADD_SCENE_PROFILE_LINK",
                FollowScenes.Card => "ADD_SCENE_PROFILE_CARD",
                _ => "ADD_SCENE_OTHERS",
            },
            ["qr_scene"] = follower.QrSceneId ?? 0,
            ["qr_scene_str"] = follower.QrSceneStr ?? "",
        };
    }

    private static async Task<IResult> BroadcastAsync(
        JsonObject json, OfficialAccount account, (string Audience, int? TagId, Guid[]? Recipients) audience, BroadcastService broadcasts,
        IMediaStore media, ArticleService articles, IOptions<OfficialAccountsOptions> options, CancellationToken cancellationToken)
    {
        var content = await ContentAsync(json, account, media, articles, allowNews: false, options.Value.MaxMessageText, cancellationToken);
        if (content.Error is { } refused)
        {
            return Error(refused);
        }

        // clientmsgid makes a resend count once, as WeChat's does; without one every call is a new broadcast.
        var clientId = Text(json, "clientmsgid") is { Length: > 0 and <= 64 } given ? "api:" + given : "api:" + Ids.Format(Guid.NewGuid());
        var sent = await broadcasts.SendAsync(account, clientId, audience.Audience, audience.TagId, audience.Recipients, content.Content!, cancellationToken);
        if (!sent.IsSuccess)
        {
            return Error(sent.Error.Code == Contracts.ErrorCodes.BroadcastQuotaExceeded ? WeChatErrors.MassQuota : WeChatErrors.Unauthorized);
        }

        var id = Guid.Parse(sent.Value.Broadcast.Id);
        var number = BitConverter.ToInt64(id.ToByteArray(), 8) & long.MaxValue;
        return Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "send job submission success", ["msg_id"] = number, ["msg_data_id"] = number });
    }

    /// <summary>
    /// A message's content from WeChat's <c>msgtype</c> and its object: text, image, mpnews (articles of
    /// <c>media/uploadnews</c>, published when sent) and, in custom messages, news.
    /// </summary>
    private static async Task<(MessageContent? Content, WeChatError? Error)> ContentAsync(
        JsonObject json, OfficialAccount account, IMediaStore media, ArticleService articles, bool allowNews, int maxText, CancellationToken cancellationToken)
    {
        switch (Text(json, "msgtype"))
        {
            case "text":
                var text = Text(json["text"] as JsonObject, "content");
                return string.IsNullOrWhiteSpace(text) || text.Length > maxText ? (null, WeChatErrors.DataFormat) : (new TextContent(text), null);
            case "image":
                var mediaId = Text(json["image"] as JsonObject, "media_id");
                return await media.OwnImageAsync(mediaId, account.OwnerId, cancellationToken) is { } image ? (image, null) : (null, WeChatErrors.InvalidMediaId);
            case "mpnews":
                if (!NewsMediaId.TryParse(Text(json["mpnews"] as JsonObject, "media_id"), out var articleIds))
                {
                    return (null, WeChatErrors.InvalidMediaId);
                }

                var news = await articles.NewsAsync(account, articleIds, cancellationToken);
                return news.IsSuccess ? (news.Value, null) : (null, WeChatErrors.InvalidMediaId);
            case "news" when allowNews:
                if ((json["news"] as JsonObject)?["articles"] is not JsonArray { Count: >= 1 and <= 8 } items || items.Any(a => Text(a as JsonObject, "title") is null))
                {
                    return (null, WeChatErrors.DataFormat);
                }

                return (new NewsContent(items.Select(a => (JsonObject)a!).Select(a => new NewsItem(
                    Text(a, "title")!, Text(a, "description"), Text(a, "picurl"), Text(a, "url"))).ToList()), null);
            default:
                return (null, WeChatErrors.InvalidMessageType);
        }
    }

    private static IResult TokenAnswer((string Token, int ExpiresIn)? token) =>
        token is { } t ? Json(new JsonObject { ["access_token"] = t.Token, ["expires_in"] = t.ExpiresIn }) : Error(WeChatErrors.TokenQuota);

}
