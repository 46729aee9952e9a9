using Hutong.Core.Identity;
using System.Text.Json.Nodes;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.AppApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Hutong.OfficialAccounts.AppApi.AppCall;

namespace Hutong.OfficialAccounts.Following;

/// <summary>
/// The app API's tags and remarks (WeChat's user tag management and <c>user/info/updateremark</c>, <c>batchget</c>).
/// Each goes through <see cref="FollowerTagService"/>, as the studio does, so the rules are the same on both paths;
/// this only reads WeChat's request and answers with its shapes and codes.
/// </summary>
internal static class FollowerAppApi
{
    /// <summary>Tags 0, 1 and 2 are WeChat's own (untagged, blacklist, starred): it refuses to change them.</summary>
    private const int LastSystemTag = 2;

    private const int MaxBatchGet = 100;

    private const int TagPage = 10_000;

    public static RouteGroupBuilder MapFollowerAppApi(this RouteGroupBuilder api)
    {
        api.MapPost("/tags/create", CreateTag);
        api.MapGet("/tags/get", Tags);
        api.MapPost("/tags/update", UpdateTag);
        api.MapPost("/tags/delete", DeleteTag);
        api.MapPost("/tags/members/batchtagging", (HttpRequest request, string? access_token, [AsParameters] AppServices s, CancellationToken ct) => TagMembers(request, access_token, s, add: true, ct));
        api.MapPost("/tags/members/batchuntagging", (HttpRequest request, string? access_token, [AsParameters] AppServices s, CancellationToken ct) => TagMembers(request, access_token, s, add: false, ct));
        api.MapPost("/tags/getidlist", TagsOfFollower);
        api.MapPost("/user/tag/get", FollowersOfTag);
        api.MapPost("/user/info/updateremark", UpdateRemark);
        api.MapPost("/user/info/batchget", BatchUserInfo);
        return api;
    }

    private static async Task<IResult> CreateTag(HttpRequest request, string? access_token, [AsParameters] AppServices s, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var name = Text(json!["tag"] as JsonObject, "name");
        var created = await s.Tags.CreateAsync(account!, name, cancellationToken);
        if (!created.IsSuccess)
        {
            return Error(created.Error.Code == ErrorCodes.TooManyTags ? WeChatErrors.TooManyTags : NameError(s.Tags, name));
        }

        return Json(new JsonObject { ["tag"] = new JsonObject { ["id"] = created.Value.Id, ["name"] = created.Value.Name } });
    }

    private static async Task<IResult> Tags(string? access_token, [AsParameters] AppServices s, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var tags = (await s.Tags.ListAsync(account!, cancellationToken)).Tags;
        return Json(new JsonObject
        {
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name, ["count"] = t.Count })]),
        });
    }

    private static async Task<IResult> UpdateTag(HttpRequest request, string? access_token, [AsParameters] AppServices s, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var tag = json!["tag"] as JsonObject;
        if (Number(tag, "id") is not { } id)
        {
            return Error(WeChatErrors.InvalidTagId);
        }

        if (id is >= 0 and <= LastSystemTag)
        {
            return Error(WeChatErrors.SystemTag);
        }

        var name = Text(tag, "name");
        var renamed = await s.Tags.RenameAsync(account!, id, name, cancellationToken);
        return renamed.IsSuccess ? Ok()
            : Error(renamed.Error.Code == ErrorCodes.FollowerTagNotFound ? WeChatErrors.InvalidTagId : NameError(s.Tags, name));
    }

    private static async Task<IResult> DeleteTag(HttpRequest request, string? access_token, [AsParameters] AppServices s, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        if (Number(json!["tag"] as JsonObject, "id") is not { } id)
        {
            return Error(WeChatErrors.InvalidTagId);
        }

        if (id is >= 0 and <= LastSystemTag)
        {
            return Error(WeChatErrors.SystemTag);
        }

        return (await s.Tags.DeleteAsync(account!, id, cancellationToken)).IsSuccess ? Ok() : Error(WeChatErrors.InvalidTagId);
    }

    /// <summary><c>batchtagging</c> and <c>batchuntagging</c>: all the openids or none, as the service does it.</summary>
    private static async Task<IResult> TagMembers(HttpRequest request, string? access_token, [AsParameters] AppServices s, bool add, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        if (OpenIdList(json!["openid_list"]) is not { } openIds)
        {
            return Error(WeChatErrors.InvalidOpenIdListSize);
        }

        if (Number(json, "tagid") is not { } tagId)
        {
            return Error(WeChatErrors.InvalidTagId);
        }

        var tagged = await s.Tags.TagAsync(account!, tagId, openIds, add, cancellationToken);
        return tagged.IsSuccess ? Ok() : Error(tagged.Error.Code switch
        {
            ErrorCodes.FollowerTagNotFound => WeChatErrors.InvalidTagId,
            ErrorCodes.TooManyTags => WeChatErrors.FollowerTagsFull,
            ErrorCodes.ValidationFailed => WeChatErrors.InvalidOpenIdListSize,
            _ => WeChatErrors.InvalidOpenId,
        });
    }

    private static async Task<IResult> TagsOfFollower(HttpRequest request, string? access_token, [AsParameters] AppServices s, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        if (await FollowerAsync(account!, Text(json, "openid"), s, cancellationToken) is not { } follower)
        {
            return Error(WeChatErrors.InvalidOpenId);
        }

        var tags = await s.Followers.TagIdsAsync(account!.Id, follower.UserId, cancellationToken);
        return Json(new JsonObject { ["tagid_list"] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t))]) });
    }

    /// <summary>The followers who carry a tag, 10,000 a page in openid order from <c>next_openid</c> on, as <c>user/get</c> pages.</summary>
    private static async Task<IResult> FollowersOfTag(HttpRequest request, string? access_token, [AsParameters] AppServices s, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var tagId = Number(json, "tagid");
        if (tagId is null || (await s.Tags.ListAsync(account!, cancellationToken)).Tags.All(t => t.Id != tagId))
        {
            return Error(WeChatErrors.InvalidTagId);
        }

        var after = Text(json, "next_openid");
        var page = await s.Followers.PageAsync(account!.Id, tagId, string.IsNullOrEmpty(after) ? null : after, TagPage, cancellationToken);
        return Json(new JsonObject
        {
            ["count"] = page.Count,
            ["data"] = new JsonObject { ["openid"] = new JsonArray([.. page.Select(p => (JsonNode)JsonValue.Create(p.Follower.OpenId))]) },
            ["next_openid"] = page.Count == 0 ? "" : page[^1].Follower.OpenId,
        });
    }

    private static async Task<IResult> UpdateRemark(HttpRequest request, string? access_token, [AsParameters] AppServices s, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var openId = Text(json, "openid");
        if (string.IsNullOrEmpty(openId))
        {
            return Error(WeChatErrors.InvalidOpenId);
        }

        var updated = await s.Tags.UpdateFollowerAsync(account!, openId, new UpdateFollowerRequest(Remark: Text(json, "remark") ?? ""), cancellationToken);
        return updated.IsSuccess ? Ok() : Error(updated.Error.Code == ErrorCodes.ValidationFailed ? WeChatErrors.InvalidRemark : WeChatErrors.InvalidOpenId);
    }

    /// <summary>Up to 100 followers as <c>user/info</c> gives each; an openid the account does not know fails the call.</summary>
    private static async Task<IResult> BatchUserInfo(HttpRequest request, string? access_token, [AsParameters] AppServices s, OpenIds ids, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, s.Tokens, s.Accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        if (json!["user_list"] is not JsonArray { Count: >= 1 and <= MaxBatchGet } list)
        {
            return Error(WeChatErrors.InvalidOpenIdListSize);
        }

        var infos = new JsonArray();
        foreach (var entry in list)
        {
            var openId = Text(entry as JsonObject, "openid");
            var follower = string.IsNullOrEmpty(openId) ? null : await s.Followers.FindByOpenIdAsync(account!.Id, openId, cancellationToken);
            if (follower is null)
            {
                return Error(WeChatErrors.InvalidOpenId);
            }

            infos.Add(await WeChatApi.UserInfoAsync(account!, follower, s.Followers, ids, cancellationToken));
        }

        return Json(new JsonObject { ["user_info_list"] = infos });
    }

    private static async Task<Follower?> FollowerAsync(OfficialAccount account, string? openId, [AsParameters] AppServices s, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(openId) ? null : await s.Followers.FindByOpenIdAsync(account.Id, openId, cancellationToken) is { Following: true } follower ? follower : null;

    /// <summary>WeChat's list of openids (the service takes 1 to 50); null when it is not a list of strings.</summary>
    private static List<string>? OpenIdList(JsonNode? node)
    {
        if (node is not JsonArray list || list.Any(o => o is not JsonValue value || !value.TryGetValue<string>(out _)))
        {
            return null;
        }

        return [.. list.Select(o => o!.GetValue<string>())];
    }

    /// <summary>A refused tag name: 45158 when it is over the length limit, 45157 for anything else (empty, a duplicate).</summary>
    private static WeChatError NameError(FollowerTagService tags, string? name) =>
        tags.TagNameTooLong(name) ? WeChatErrors.TagNameTooLong : WeChatErrors.InvalidTagName;
}

/// <summary>What every follower endpoint of the app API takes from the container, in one parameter.</summary>
internal sealed record AppServices(AccessTokens Tokens, IOfficialAccountStore Accounts, FollowerTagService Tags, IFollowerStore Followers);
