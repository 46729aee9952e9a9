using System.Text;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.OfficialAccounts.Accounts;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Following;

/// <summary>
/// An account's tags on its followers and its remarks about them. Every method takes an account its caller may manage
/// (the studio checks the admin, the app API the access token), so both paths share one set of rules.
/// </summary>
public sealed class FollowerTagService(IFollowerStore store, IOptions<OfficialAccountsOptions> options)
{
    public static readonly Error NoTag = Error.NotFound(ErrorCodes.FollowerTagNotFound, "No such tag.");
    public static readonly Error Exists = Error.Conflict(ErrorCodes.FollowerTagExists, "The account has a tag of that name.");

    /// <summary>Followers tagged (or untagged) in one call, as WeChat's batch tagging takes them.</summary>
    public const int MaxTaggedAtOnce = 50;

    private OfficialAccountsOptions Limits => options.Value;

    public async Task<FollowerTagList> ListAsync(OfficialAccount account, CancellationToken cancellationToken) =>
        new((await store.TagsAsync(account.Id, cancellationToken)).Select(Info).ToList());

    public async Task<Result<FollowerTagInfo>> CreateAsync(OfficialAccount account, string? name, CancellationToken cancellationToken)
    {
        var clean = TagName(name);
        if (!clean.IsSuccess)
        {
            return clean.Error;
        }

        if ((await store.TagsAsync(account.Id, cancellationToken)).Count >= Limits.MaxTags)
        {
            return Error.Conflict(ErrorCodes.TooManyTags, "The account has as many tags as it may.", $"An account has at most {Limits.MaxTags}.");
        }

        return await store.AddTagAsync(account.Id, clean.Value, cancellationToken) is { } tag ? Info(tag) : Exists;
    }

    public async Task<Result<Done>> RenameAsync(OfficialAccount account, int tagId, string? name, CancellationToken cancellationToken)
    {
        var clean = TagName(name);
        if (!clean.IsSuccess)
        {
            return clean.Error;
        }

        var tags = await store.TagsAsync(account.Id, cancellationToken);
        if (tags.All(t => t.Id != tagId))
        {
            return NoTag;
        }

        return await store.RenameTagAsync(account.Id, tagId, clean.Value, cancellationToken) ? Done.Value : Exists;
    }

    public async Task<Result<Done>> DeleteAsync(OfficialAccount account, int tagId, CancellationToken cancellationToken) =>
        await store.RemoveTagAsync(account.Id, tagId, cancellationToken) ? Done.Value : NoTag;

    /// <summary>Puts a tag on followers (or takes it off), all or none: an unknown openid or a full follower fails the lot.</summary>
    public async Task<Result<Done>> TagAsync(OfficialAccount account, int tagId, IReadOnlyCollection<string> openIds, bool add, CancellationToken cancellationToken)
    {
        if ((await store.TagsAsync(account.Id, cancellationToken)).All(t => t.Id != tagId))
        {
            return NoTag;
        }

        if (openIds.Count is 0 or > MaxTaggedAtOnce)
        {
            var errors = new FieldErrors();
            errors.Add("openIds", $"Tag 1 to {MaxTaggedAtOnce} followers at a time.");
            return errors.ToError();
        }

        var users = await store.UsersAsync(account.Id, openIds, cancellationToken);
        if (users.Count != openIds.Distinct(StringComparer.Ordinal).Count())
        {
            return FollowService.NoFollower;
        }

        if (add)
        {
            foreach (var user in users.Values)
            {
                var carried = await store.TagIdsAsync(account.Id, user, cancellationToken);
                if (!carried.Contains(tagId) && carried.Count >= Limits.MaxTagsPerFollower)
                {
                    return Error.Conflict(ErrorCodes.TooManyTags, "A follower carries as many tags as one may.", $"A follower carries at most {Limits.MaxTagsPerFollower}.");
                }
            }
        }

        await store.TagAsync(account.Id, tagId, users.Values.ToList(), add, cancellationToken);
        return Done.Value;
    }

    /// <summary>Sets a follower's remark and, when given, exactly the tags they carry.</summary>
    public async Task<Result<FollowerInfo>> UpdateFollowerAsync(OfficialAccount account, string openId, UpdateFollowerRequest request, CancellationToken cancellationToken)
    {
        var follower = await store.FindByOpenIdAsync(account.Id, openId, cancellationToken);
        if (follower is not { Following: true })
        {
            return FollowService.NoFollower;
        }

        var errors = new FieldErrors();
        var remark = request.Remark is null ? null : NameText.Clean(request.Remark);
        if (remark is not null && (remark.Length > Limits.MaxRemark || NameText.HasControl(remark)))
        {
            errors.Add("remark", $"A remark is at most {Limits.MaxRemark} characters on one line.");
        }

        var tagIds = request.TagIds?.Distinct().ToList();
        if (tagIds is not null)
        {
            var known = (await store.TagsAsync(account.Id, cancellationToken)).Select(t => t.Id).ToHashSet();
            if (!tagIds.All(known.Contains))
            {
                return NoTag;
            }

            if (tagIds.Count > Limits.MaxTagsPerFollower)
            {
                errors.Add("tagIds", $"A follower carries at most {Limits.MaxTagsPerFollower} tags.");
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (remark is not null)
        {
            await store.SetRemarkAsync(account.Id, follower.UserId, remark, cancellationToken);
        }

        if (tagIds is not null)
        {
            var carried = await store.TagIdsAsync(account.Id, follower.UserId, cancellationToken);
            foreach (var removed in carried.Except(tagIds))
            {
                await store.TagAsync(account.Id, removed, [follower.UserId], add: false, cancellationToken);
            }

            foreach (var added in tagIds.Except(carried))
            {
                await store.TagAsync(account.Id, added, [follower.UserId], add: true, cancellationToken);
            }
        }

        return FollowService.Info(
            follower with { Remark = remark ?? follower.Remark }, await store.TagIdsAsync(account.Id, follower.UserId, cancellationToken));
    }

    /// <summary>Whether a tag name is over the limit, which counts UTF-8 bytes as WeChat's does (30: ten Chinese characters).</summary>
    public bool TagNameTooLong(string? name) => Encoding.UTF8.GetByteCount(NameText.Clean(name)) > Limits.MaxTagName;

    private Result<string> TagName(string? name)
    {
        var clean = NameText.Clean(name);
        if (clean.Length == 0 || TagNameTooLong(clean) || NameText.IsBlank(clean) || NameText.HasControl(clean))
        {
            var errors = new FieldErrors();
            errors.Add("name", $"A tag name is one line of 1 to {Limits.MaxTagName} bytes (as many letters, a third as many Chinese characters).");
            return errors.ToError();
        }

        return clean;
    }

    private static FollowerTagInfo Info(FollowerTag tag) => new(tag.Id, tag.Name, tag.Count);
}
