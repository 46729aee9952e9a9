using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Contacts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Accounts.Contacts;

/// <summary>Friend requests, friends and blocks, by the rules of docs/product.md (Contacts).</summary>
public sealed class ContactService(
    IContactStore contacts,
    IAccountStore accounts,
    IOptions<ContactsOptions> options,
    TimeProvider clock,
    IEnumerable<IContactObserver> observers,
    ILogger<ContactService> logger)
{
    private static readonly Error RequestNotFound = Error.NotFound(ErrorCodes.RequestNotFound, "No such friend request.");
    private static readonly Error NotFriends = Error.NotFound(ErrorCodes.NotFriends, "You are not friends.");

    private ContactsOptions Limits => options.Value;

    public async Task<Result<SendFriendRequestResponse>> SendRequestAsync(Guid me, SendFriendRequest request, CancellationToken cancellationToken)
    {
        var greeting = NameText.Clean(request.Greeting);
        var errors = new FieldErrors();
        if (!Ids.TryParse(request.ToUserId, out var to))
        {
            errors.Add("toUserId", "toUserId is a user id.");
        }

        if (greeting.Length > Limits.MaxGreetingLength)
        {
            errors.Add("greeting", $"A greeting has at most {Limits.MaxGreetingLength} characters.");
        }
        else if (NameText.HasControl(greeting))
        {
            errors.Add("greeting", "A greeting cannot contain control characters.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (to == me)
        {
            return Error.BadRequest(ErrorCodes.CannotBefriendSelf, "You cannot send yourself a friend request.");
        }

        if (await accounts.FindAsync(to, cancellationToken) is not { Deleted: false })
        {
            return AccountService.UserNotFound;
        }

        var sent = await contacts.AtomicallyAsync<SendFriendRequestResponse>(me, to, async changes =>
        {
            var now = clock.Now();
            var relationship = await changes.GetRelationshipAsync(me, to, now, cancellationToken);
            if (relationship.Friends)
            {
                return Error.Conflict(ErrorCodes.AlreadyFriends, "You are already friends.");
            }

            if (relationship.TheyBlockedMe)
            {
                // Worded so that it does not tell the sender they are blocked.
                return Error.Forbidden(ErrorCodes.RequestRefused, "This person does not accept friend requests from you.");
            }

            if (relationship.IBlockedThem)
            {
                return Error.Conflict(ErrorCodes.BlockedByYou, "You blocked this person; unblock them first.");
            }

            // Two people who ask each other are friends: answering their request is what the second one meant.
            if (relationship.OpenFromThem is { } theirs)
            {
                var accepted = await AcceptOpenRequestAsync(changes, theirs, now, cancellationToken);
                return accepted.IsSuccess
                    ? new SendFriendRequestResponse(Ids.Format(theirs.Id), FriendRequestStates.Accepted)
                    : accepted.Error;
            }

            if (await changes.CountFriendsAsync(me, cancellationToken) >= Limits.MaxFriends)
            {
                return FriendLimitReached(isMe: true);
            }

            var expiresAt = now + Limits.FriendRequestLifetime;
            if (relationship.OpenFromMe is { } mine)
            {
                // Asking again refreshes the open request rather than piling up copies.
                await changes.RenewRequestAsync(mine.Id, greeting, now, expiresAt, cancellationToken);
                return new SendFriendRequestResponse(Ids.Format(mine.Id), FriendRequestStates.Pending);
            }

            var created = new FriendRequest(Ids.New(clock), me, to, greeting, FriendRequestState.Pending, now, expiresAt, null);
            await changes.AddRequestAsync(created, cancellationToken);
            return new SendFriendRequestResponse(Ids.Format(created.Id), FriendRequestStates.Pending);
        }, cancellationToken);

        if (sent.IsSuccess)
        {
            var requestId = Guid.Parse(sent.Value.RequestId);
            await NotifyAsync(
                sent.Value.State == FriendRequestStates.Accepted
                    ? new ContactChange(ContactChangeKind.BecameFriends, me, to, requestId)
                    : new ContactChange(ContactChangeKind.RequestSent, me, to, requestId),
                cancellationToken);
        }

        return sent;
    }

    public async Task<Result<FriendRequestList>> ListRequestsAsync(Guid me, string? direction, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var incoming = direction?.ToLowerInvariant() switch
        {
            null or "" or "incoming" => true,
            "outgoing" => false,
            _ => (bool?)null,
        };
        var paging = Paging.Parse(limit, cursor);
        if (incoming is null)
        {
            return Error.Validation(new Dictionary<string, string[]> { ["direction"] = ["direction is incoming or outgoing."] });
        }

        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var page = paging.Value;
        var rows = await contacts.ListRequestsAsync(me, incoming.Value, page.Offset, page.Limit + 1, cancellationToken);
        var now = clock.Now();
        var items = rows.Take(page.Limit).Select(r => ToInfo(r.Request, r.From, r.To, now)).ToList();
        return new FriendRequestList(items, page.Next(items.Count, rows.Count > page.Limit));
    }

    public Task<Result<FriendRequestInfo>> AcceptAsync(Guid me, Guid requestId, CancellationToken cancellationToken) =>
        RespondAsync(me, requestId, accept: true, cancellationToken);

    public Task<Result<FriendRequestInfo>> DeclineAsync(Guid me, Guid requestId, CancellationToken cancellationToken) =>
        RespondAsync(me, requestId, accept: false, cancellationToken);

    private async Task<Result<FriendRequestInfo>> RespondAsync(Guid me, Guid requestId, bool accept, CancellationToken cancellationToken)
    {
        // Only the recipient may answer; to anyone else the request does not exist.
        if (await contacts.FindRequestAsync(requestId, cancellationToken) is not { } found || found.ToUserId != me)
        {
            return RequestNotFound;
        }

        var answered = await contacts.AtomicallyAsync<Done>(found.FromUserId, me, async changes =>
        {
            // Read again inside the transaction: a concurrent answer may have come first.
            var request = (await changes.FindRequestAsync(requestId, cancellationToken))!;
            var now = clock.Now();
            if (request.State != FriendRequestState.Pending)
            {
                return Error.Conflict(ErrorCodes.RequestNotPending, "This request was already answered.");
            }

            if (!request.IsOpen(now))
            {
                return Error.Conflict(ErrorCodes.RequestExpired, "This request has expired; ask them to send a new one.");
            }

            if (!accept)
            {
                await changes.SetRequestStateAsync(request.Id, FriendRequestState.Declined, now, cancellationToken);
                return Done.Value;
            }

            return await AcceptOpenRequestAsync(changes, request, now, cancellationToken);
        }, cancellationToken);

        if (!answered.IsSuccess)
        {
            return answered.Error;
        }

        await NotifyAsync(new ContactChange(accept ? ContactChangeKind.BecameFriends : ContactChangeKind.RequestDeclined, me, found.FromUserId, requestId), cancellationToken);

        var from = await accounts.FindAsync(found.FromUserId, cancellationToken);
        var to = await accounts.FindAsync(me, cancellationToken);
        var after = (await contacts.FindRequestAsync(requestId, cancellationToken))!;
        return ToInfo(after, Card(from!), Card(to!), clock.Now());
    }

    /// <summary>Makes the two people friends, in the transaction of <see cref="IContactStore.AtomicallyAsync{T}"/> that <paramref name="changes"/> belongs to.</summary>
    private async Task<Result<Done>> AcceptOpenRequestAsync(IContactChanges changes, FriendRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var relationship = await changes.GetRelationshipAsync(request.ToUserId, request.FromUserId, now, cancellationToken);
        if (relationship.IBlockedThem || relationship.TheyBlockedMe)
        {
            return Error.Forbidden(ErrorCodes.RequestRefused, "One of you has blocked the other.");
        }

        if (!relationship.Friends)
        {
            if (await changes.CountFriendsAsync(request.ToUserId, cancellationToken) >= Limits.MaxFriends)
            {
                return FriendLimitReached(isMe: true);
            }

            if (await changes.CountFriendsAsync(request.FromUserId, cancellationToken) >= Limits.MaxFriends)
            {
                return FriendLimitReached(isMe: false);
            }

            await changes.AddFriendshipAsync(request.FromUserId, request.ToUserId, now, cancellationToken);
            AccountsLog.BecameFriends(logger, request.FromUserId, request.ToUserId);
        }

        await changes.SetRequestStateAsync(request.Id, FriendRequestState.Accepted, now, cancellationToken);
        return Done.Value;
    }

    public async Task<Result<FriendList>> ListFriendsAsync(Guid me, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var paging = Paging.Parse(limit, cursor);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var page = paging.Value;
        var rows = await contacts.ListFriendsAsync(me, page.Offset, page.Limit + 1, cancellationToken);
        var items = rows.Take(page.Limit).Select(r => ToInfo(r.Friendship, r.Card)).ToList();
        return new FriendList(items, page.Next(items.Count, rows.Count > page.Limit));
    }

    public async Task<Result<FriendInfo>> GetFriendAsync(Guid me, Guid friendId, CancellationToken cancellationToken) =>
        await contacts.FindFriendAsync(me, friendId, cancellationToken) is { } found ? ToInfo(found.Friendship, found.Card) : NotFriends;

    public async Task<Result<FriendInfo>> UpdateFriendAsync(Guid me, Guid friendId, UpdateFriendRequest update, CancellationToken cancellationToken)
    {
        if (await contacts.FindFriendAsync(me, friendId, cancellationToken) is not { } found)
        {
            return NotFriends;
        }

        var errors = new FieldErrors();
        var remark = update.Remark is null ? null : NameText.Clean(update.Remark) is { Length: > 0 } r ? r : null;
        if (remark?.Length > Limits.MaxRemarkLength)
        {
            errors.Add("remark", $"A remark has at most {Limits.MaxRemarkLength} characters.");
        }
        else if (remark is not null && (NameText.HasControl(remark) || NameText.IsBlank(remark)))
        {
            errors.Add("remark", "A remark needs a visible character and no control characters.");
        }

        List<string>? tags = null;
        if (update.Tags is not null)
        {
            tags = update.Tags.Select(NameText.Clean).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (tags.Count > Limits.MaxTagsPerFriend)
            {
                errors.Add("tags", $"A friend has at most {Limits.MaxTagsPerFriend} tags.");
            }

            if (tags.Any(t => t.Length > Limits.MaxTagLength))
            {
                errors.Add("tags", $"A tag has at most {Limits.MaxTagLength} characters.");
            }
            else if (tags.Any(t => NameText.HasControl(t) || NameText.IsBlank(t)))
            {
                errors.Add("tags", "A tag needs a visible character and no control characters.");
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        // Read again in the transaction: a change of the person's tags may have come in between, and the fields this
        // request leaves alone must stay as that change left them.
        var updated = await contacts.AtomicallyAsync<Friendship>(me, me, async changes =>
        {
            if (await changes.FindFriendshipAsync(me, friendId, cancellationToken) is not { } current)
            {
                return NotFriends;
            }

            var next = current with
            {
                Remark = update.Remark is null ? current.Remark : remark,
                Tags = tags ?? current.Tags,
                ChatOnly = update.ChatOnly ?? current.ChatOnly,
                HideTheirMoments = update.HideTheirMoments ?? current.HideTheirMoments,
            };
            await changes.UpdateFriendshipAsync(next, cancellationToken);
            return next;
        }, cancellationToken);

        if (!updated.IsSuccess)
        {
            return updated.Error;
        }

        await NotifyAsync(new ContactChange(ContactChangeKind.FriendUpdated, me, friendId), cancellationToken);
        return ToInfo(updated.Value, found.Card);
    }

    /// <summary>Ends the friendship for both people; either may ask again later.</summary>
    public async Task<Result<Done>> RemoveFriendAsync(Guid me, Guid friendId, CancellationToken cancellationToken)
    {
        var removed = await contacts.AtomicallyAsync<Done>(me, friendId, async changes =>
            await changes.RemoveFriendshipAsync(me, friendId, cancellationToken) ? Done.Value : NotFriends, cancellationToken);
        if (removed.IsSuccess)
        {
            await NotifyAsync(new ContactChange(ContactChangeKind.FriendshipEnded, me, friendId), cancellationToken);
        }

        return removed;
    }

    /// <summary>
    /// Blocks a person: they can no longer send the blocker requests, and their open requests to the blocker are declined.
    /// A friendship stays (as in WeChat, blocking is not deleting); features that deliver to the blocker check blocks.
    /// </summary>
    public async Task<Result<Done>> BlockAsync(Guid me, Guid other, CancellationToken cancellationToken)
    {
        if (other == me)
        {
            return Error.BadRequest(ErrorCodes.CannotBlockSelf, "You cannot block yourself.");
        }

        if (await accounts.FindAsync(other, cancellationToken) is null)
        {
            return AccountService.UserNotFound;
        }

        var blocked = await contacts.AtomicallyAsync<Done>(me, other, async changes =>
        {
            var now = clock.Now();
            await changes.AddBlockAsync(me, other, now, cancellationToken);
            await changes.DeclineOpenRequestsAsync(other, me, now, cancellationToken);
            return Done.Value;
        }, cancellationToken);
        if (blocked.IsSuccess)
        {
            await NotifyAsync(new ContactChange(ContactChangeKind.Blocked, me, other), cancellationToken);
        }

        return blocked;
    }

    public async Task<Result<Done>> UnblockAsync(Guid me, Guid other, CancellationToken cancellationToken)
    {
        await contacts.RemoveBlockAsync(me, other, cancellationToken);
        await NotifyAsync(new ContactChange(ContactChangeKind.Unblocked, me, other), cancellationToken);
        return Done.Value;
    }

    /// <summary>Tells other features after the change is committed; they cannot undo it.</summary>
    /// <summary>A deleted account leaves everyone's contacts; each former friend's devices hear the friendship ended.</summary>
    public async Task ForgetAsync(Guid me, CancellationToken cancellationToken)
    {
        foreach (var friend in await contacts.ForgetAsync(me, cancellationToken))
        {
            await NotifyAsync(new ContactChange(ContactChangeKind.FriendshipEnded, me, friend), cancellationToken);
        }
    }

    private async Task NotifyAsync(ContactChange change, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.OnContactChangedAsync(change, cancellationToken);
        }
    }

    public async Task<BlockList> ListBlocksAsync(Guid me, CancellationToken cancellationToken)
    {
        var rows = await contacts.ListBlocksAsync(me, cancellationToken);
        return new BlockList(rows.Select(r => new BlockedUser(Ids.Format(r.Card.UserId), r.Card.Handle, r.Card.DisplayName, r.Since)).ToList());
    }

    private static Error FriendLimitReached(bool isMe) => Error.Conflict(
        ErrorCodes.FriendLimitReached,
        isMe ? "You have reached the friend limit." : "This person has reached the friend limit.");

    private static UserCard Card(Account account) => new(account.Id, account.Handle, account.DisplayName, account.AvatarUrl);

    private static PublicProfile Profile(UserCard card) => new(Ids.Format(card.UserId), card.Handle, card.DisplayName, card.AvatarUrl);

    private static FriendInfo ToInfo(Friendship friendship, UserCard card) => new(
        Ids.Format(card.UserId), card.Handle, card.DisplayName, card.AvatarUrl,
        friendship.Remark, friendship.Tags, friendship.ChatOnly, friendship.HideTheirMoments, friendship.Since);

    private static FriendRequestInfo ToInfo(FriendRequest request, UserCard from, UserCard to, DateTimeOffset now) => new(
        Ids.Format(request.Id), Ids.Format(request.FromUserId), Ids.Format(request.ToUserId), request.Greeting,
        request.State switch
        {
            FriendRequestState.Accepted => FriendRequestStates.Accepted,
            FriendRequestState.Declined => FriendRequestStates.Declined,
            _ => request.IsOpen(now) ? FriendRequestStates.Pending : FriendRequestStates.Expired,
        },
        request.CreatedAt, request.ExpiresAt, Profile(from), Profile(to));
}
