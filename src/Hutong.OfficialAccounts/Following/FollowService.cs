using Hutong.Core.Identity;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Accounts;
using Hutong.Realtime.Log;
using Microsoft.Extensions.Logging;

namespace Hutong.OfficialAccounts.Following;

/// <summary>
/// Following accounts, as the follower does it, and followers as the account sees them: by openid, with remark, tags,
/// language, follow time and scene, never with a user id or a name.
/// </summary>
public sealed class FollowService(
    IFollowerStore store,
    OfficialAccountService accounts,
    OpenIds openIds,
    EventLog events,
    IEnumerable<IFollowObserver> observers,
    ILogger<FollowService> logger,
    TimeProvider clock)
{
    public static readonly Error NotActive = Error.Conflict(ErrorCodes.AccountNotActive, "The account is not open to followers.");
    public static readonly Error NoFollower = Error.NotFound(ErrorCodes.FollowerNotFound, "No such follower.");
    public static readonly Error NotFollowing = Error.Conflict(ErrorCodes.FollowerNotFound, "You do not follow the account.");

    private readonly IFollowObserver[] _observers = [.. observers];

    /// <summary>Follows the account; following again changes nothing (the first follow's time and scene stand).</summary>
    public async Task<Result<OfficialAccountInfo>> FollowAsync(
        Guid me, Guid accountId, FollowRequest request, QrScene? qrScene, CancellationToken cancellationToken)
    {
        var account = await accounts.VisibleAsync(me, accountId, cancellationToken);
        if (account is null)
        {
            return OfficialAccountService.NotFound;
        }

        if (!account.IsActive)
        {
            return NotActive;
        }

        var errors = new FieldErrors();
        var scene = qrScene is null ? request.Scene ?? FollowScenes.Profile : FollowScenes.Qr;
        if (!FollowScenes.All.Contains(scene))
        {
            errors.Add("scene", "The scene is one of " + string.Join(", ", FollowScenes.All) + ".");
        }

        var language = request.Language ?? "zh_CN";
        if (language.Length is < 2 or > 10 || !language.All(c => char.IsAsciiLetter(c) || c is '_' or '-'))
        {
            errors.Add("language", "A language is a code such as zh_CN or en.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var follower = new Follower(
            accountId, me, await openIds.ForAsync(account.AppId, me, cancellationToken), true, clock.Now(), scene, language, string.Empty, false,
            qrScene?.Id, qrScene?.Str, qrScene?.Ticket);
        if (await store.FollowAsync(follower, cancellationToken))
        {
            await events.AppendAsync(me, new OfficialAccountEvent(Ids.Format(accountId), true, false));
            await TellAsync(account, follower, followed: true, cancellationToken);
        }

        return await accounts.GetAsync(me, accountId, cancellationToken);
    }

    public async Task<Result<Done>> UnfollowAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await accounts.VisibleAsync(me, accountId, cancellationToken);
        var follower = await store.FindAsync(accountId, me, cancellationToken);
        if (account is null)
        {
            // An account taken away from view (rejected, say) can still be left.
            return follower is { Following: true } && await store.UnfollowAsync(accountId, me, cancellationToken) ? Done.Value : OfficialAccountService.NotFound;
        }

        if (follower is { Following: true } && await store.UnfollowAsync(accountId, me, cancellationToken))
        {
            await events.AppendAsync(me, new OfficialAccountEvent(Ids.Format(accountId), false, false));
            await TellAsync(account, follower with { Following = false }, followed: false, cancellationToken);
        }

        return Done.Value;
    }

    public async Task<Result<OfficialAccountInfo>> UpdateAsync(Guid me, Guid accountId, UpdateFollowRequest request, CancellationToken cancellationToken)
    {
        if (await accounts.VisibleAsync(me, accountId, cancellationToken) is null)
        {
            return OfficialAccountService.NotFound;
        }

        var follower = await store.FindAsync(accountId, me, cancellationToken);
        if (follower is not { Following: true })
        {
            return NotFollowing;
        }

        if (request.Muted is { } muted && muted != follower.Muted)
        {
            await store.SetMutedAsync(accountId, me, muted, cancellationToken);
            await events.AppendAsync(me, new OfficialAccountEvent(Ids.Format(accountId), true, muted));
        }

        return await accounts.GetAsync(me, accountId, cancellationToken);
    }

    /// <summary>The accounts the person follows, service accounts and subscriptions alike.</summary>
    public async Task<OfficialAccountList> FollowingAsync(Guid me, CancellationToken cancellationToken)
    {
        var following = await store.FollowingAsync(me, cancellationToken);
        var list = new List<OfficialAccountInfo>(following.Count);
        var counts = await store.CountsAsync(following.Select(f => f.AccountId).ToList(), cancellationToken);
        foreach (var follower in following)
        {
            if (await accounts.VisibleAsync(me, follower.AccountId, cancellationToken) is { } account)
            {
                list.Add(OfficialAccountService.Info(account, me, counts.GetValueOrDefault(account.Id), follower));
            }
        }

        return new OfficialAccountList(list);
    }

    /// <summary>A page of the account's followers, for its admins, in openid order (as WeChat's <c>next_openid</c>).</summary>
    public async Task<Result<FollowerPage>> FollowersAsync(Guid me, Guid accountId, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var take = limit ?? Paging.DefaultLimit;
        if (take is < 1 or > Paging.MaxLimit)
        {
            var errors = new FieldErrors();
            errors.Add("limit", $"limit is 1 to {Paging.MaxLimit}.");
            return errors.ToError();
        }

        var page = await store.PageAsync(accountId, null, string.IsNullOrEmpty(cursor) ? null : cursor, take + 1, cancellationToken);
        var shown = page.Take(take).Select(p => Info(p.Follower, p.TagIds)).ToList();
        return new FollowerPage(shown, await store.CountAsync(accountId, cancellationToken), page.Count > take ? shown[^1].OpenId : null);
    }

    internal static FollowerInfo Info(Follower follower, IReadOnlyList<int> tagIds) =>
        new(follower.OpenId, follower.Remark, follower.Language, follower.FollowedAt, follower.Scene, tagIds);

    private async Task TellAsync(OfficialAccount account, Follower follower, bool followed, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await (followed ? observer.FollowedAsync(account, follower, cancellationToken) : observer.UnfollowedAsync(account, follower, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                OfficialAccountsLog.ObserverFailed(logger, observer.GetType().Name, account.Id, e);
            }
        }
    }
}
