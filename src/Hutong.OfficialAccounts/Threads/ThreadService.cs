using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Following;
using Hutong.Realtime.Log;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Threads;

/// <summary>
/// A follower's thread with an account: what they send, what the account answers (a reply to their message, an
/// auto-reply, or a customer-service message inside the window) and the broadcasts that reached them.
/// </summary>
public sealed class ThreadService(
    IThreadStore store,
    IFollowerStore followers,
    OfficialAccountService accounts,
    ThreadContent contents,
    AccountReplies replies,
    EventLog events,
    IEnumerable<IFollowerMessageObserver> observers,
    IOptions<OfficialAccountsOptions> options,
    ILogger<ThreadService> logger,
    TimeProvider clock)
{
    public static readonly Error WindowClosed = Error.Conflict(
        ErrorCodes.OutsideServiceWindow, "The follower's service window is closed.", "An account may message a follower for a while after they message it, click its menu, follow it or scan its code.");

    private readonly IFollowerMessageObserver[] _observers = [.. observers];

    private OfficialAccountsOptions Limits => options.Value;

    /// <summary>A follower's message to the account; a resend with the same client id returns the first one.</summary>
    public async Task<Result<(AccountMessage Message, bool Created)>> SendAsync(Guid me, Guid accountId, SendToAccountRequest request, CancellationToken cancellationToken)
    {
        var standing = await FollowingAsync(me, accountId, cancellationToken);
        if (!standing.IsSuccess)
        {
            return standing.Error;
        }

        var (account, follower) = standing.Value;
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.ClientId) || request.ClientId.Length > 64)
        {
            errors.Add("clientId", "A client id is 1 to 64 characters.");
            return errors.ToError();
        }

        var content = await contents.CheckAsync(request.Content, me, fromFollower: true, Limits.MaxMessageText, cancellationToken);
        if (!content.IsSuccess)
        {
            return content.Error;
        }

        var now = clock.Now();
        var (stored, created) = await store.AddFromFollowerAsync(
            new ThreadMessage(Ids.New(clock), accountId, me, false, now, content.Value, ClientId: request.ClientId),
            now + Limits.MessageWindow, Limits.MessageWindowAllowance, cancellationToken);
        if (created)
        {
            await events.AppendAsync(me, new AccountMessageEvent(Info(stored)));
            _ = TellAsync(account, follower, stored);
        }

        return (Info(stored), created);
    }

    /// <summary>The studio's customer-service message to a follower, by openid.</summary>
    public async Task<Result<AccountMessage>> StudioReplyAsync(Guid me, Guid accountId, string openId, AccountReplyRequest request, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var follower = await followers.FindByOpenIdAsync(accountId, openId, cancellationToken);
        if (follower is not { Following: true })
        {
            return FollowService.NoFollower;
        }

        var content = await contents.CheckAsync(request.Content, me, fromFollower: false, Limits.MaxMessageText, cancellationToken);
        return content.IsSuccess ? await replies.ReplyAsync(managed.Value, follower.UserId, content.Value, inWindow: true, cancellationToken) : content.Error;
    }

    /// <summary>The follower's thread, newest first.</summary>
    public async Task<Result<AccountThread>> ThreadAsync(Guid me, Guid accountId, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var standing = await FollowingAsync(me, accountId, cancellationToken);
        if (!standing.IsSuccess)
        {
            return standing.Error;
        }

        return await PageAsync(accountId, standing.Value.Follower, cursor, limit, cancellationToken);
    }

    /// <summary>
    /// The account's broadcasts to all followers, for its page: anyone who may see the account reads them, so a follower
    /// who came later finds what was sent before (their thread starts when they followed).
    /// </summary>
    public async Task<Result<AccountThread>> HistoryAsync(Guid me, Guid accountId, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (await accounts.VisibleAsync(me, accountId, cancellationToken) is null)
        {
            return OfficialAccountService.NotFound;
        }

        var take = Math.Clamp(limit ?? Paging.DefaultLimit, 1, Paging.MaxLimit);
        var page = await store.HistoryAsync(accountId, Before(cursor), take + 1, cancellationToken);
        return Paged(page, take);
    }

    /// <summary>A follower's thread as the account's admins see it in the studio.</summary>
    public async Task<Result<AccountThread>> FollowerThreadAsync(Guid me, Guid accountId, string openId, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var follower = await followers.FindByOpenIdAsync(accountId, openId, cancellationToken);
        return follower is { Following: true } ? await PageAsync(accountId, follower, cursor, limit, cancellationToken) : FollowService.NoFollower;
    }

    /// <summary>The follower's threads: service accounts each on their own, subscriptions together; newest first.</summary>
    public async Task<AccountThreadList> ThreadsAsync(Guid me, CancellationToken cancellationToken)
    {
        var services = new List<AccountThreadSummary>();
        var subscriptions = new List<AccountThreadSummary>();
        var following = await followers.FollowingAsync(me, cancellationToken);
        var counts = await followers.CountsAsync(following.Select(f => f.AccountId).ToList(), cancellationToken);
        foreach (var follower in following)
        {
            if (await accounts.VisibleAsync(me, follower.AccountId, cancellationToken) is not { } account)
            {
                continue;
            }

            var newest = await store.ThreadAsync(account.Id, me, follower.FollowedAt, null, 1, cancellationToken);
            var last = newest.Count == 0 ? null : newest[0];
            var summary = new AccountThreadSummary(
                OfficialAccountService.Info(account, me, counts.GetValueOrDefault(account.Id), follower),
                last is null ? null : Info(last),
                await store.UnreadAsync(account.Id, me, follower.FollowedAt, cancellationToken));
            (account.IsService ? services : subscriptions).Add(summary);
        }

        return new AccountThreadList(Newest(services), Newest(subscriptions));
    }

    public async Task<Result<Done>> MarkReadAsync(Guid me, Guid accountId, ReadAccountThreadRequest request, CancellationToken cancellationToken)
    {
        var standing = await FollowingAsync(me, accountId, cancellationToken);
        if (!standing.IsSuccess)
        {
            return standing.Error;
        }

        if (!Ids.TryParse(request.UpTo, out var upTo)
            || await store.MarkReadAsync(accountId, me, upTo, standing.Value.Follower.FollowedAt, cancellationToken) is null)
        {
            return Error.NotFound(ErrorCodes.AccountMessageNotFound, "No such item in your thread.");
        }

        await events.AppendAsync(me, new AccountThreadReadEvent(Ids.Format(accountId), request.UpTo));
        return Done.Value;
    }

    internal static AccountMessage Info(ThreadMessage m) => new(
        Ids.Format(m.Id), Ids.Format(m.AccountId), m.FromAccount, m.SentAt, m.Content, m.BroadcastId is { } b ? Ids.Format(b) : null);

    private async Task<AccountThread> PageAsync(Guid accountId, Follower follower, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? Paging.DefaultLimit, 1, Paging.MaxLimit);
        var page = await store.ThreadAsync(accountId, follower.UserId, follower.FollowedAt, Before(cursor), take + 1, cancellationToken);
        return Paged(page, take);
    }

    /// <summary>A cursor is the seq of the last item of the page before; anything else starts at the newest.</summary>
    private static long? Before(string? cursor) =>
        long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq) ? seq : null;

    /// <summary>Up to <paramref name="take"/> items of a page read one longer, and the cursor on when there are more.</summary>
    private static AccountThread Paged(IReadOnlyList<ThreadMessage> page, int take)
    {
        var shown = page.Take(take).ToList();
        return new AccountThread(
            shown.ConvertAll(Info),
            page.Count > take ? shown[^1].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private async Task<Result<(OfficialAccount Account, Follower Follower)>> FollowingAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await accounts.VisibleAsync(me, accountId, cancellationToken);
        if (account is null)
        {
            return OfficialAccountService.NotFound;
        }

        var follower = await followers.FindAsync(accountId, me, cancellationToken);
        return follower is { Following: true } ? (account, follower) : FollowService.NotFollowing;
    }

    private async Task TellAsync(OfficialAccount account, Follower follower, ThreadMessage message)
    {
        // Off the follower's request: a developer's server may take seconds to answer, and the answer comes as an event.
        await Task.Yield();
        foreach (var observer in _observers)
        {
            try
            {
                await observer.ReceivedAsync(account, follower, message, CancellationToken.None);
            }
            catch (Exception e)
            {
                OfficialAccountsLog.ObserverFailed(logger, observer.GetType().Name, account.Id, e);
            }
        }
    }

    private static List<AccountThreadSummary> Newest(List<AccountThreadSummary> threads) =>
        [.. threads.OrderByDescending(t => t.Last?.SentAt ?? DateTimeOffset.MinValue)];
}
