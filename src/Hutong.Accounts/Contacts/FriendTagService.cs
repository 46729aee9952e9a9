using Hutong.Contracts;
using Hutong.Contracts.Contacts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Microsoft.Extensions.Options;

namespace Hutong.Accounts.Contacts;

/// <summary>
/// A person's friend tags, by the rules of docs/product.md (Contacts). A tag is a name the person gave some of their
/// friends (<see cref="Friendship.Tags"/>), so it exists while one friend carries it. Each change reads and writes the
/// person's side of their friendships in one transaction, so it happens whole or not at all.
/// </summary>
public sealed class FriendTagService(IContactStore contacts, IOptions<ContactsOptions> options, IEnumerable<IContactObserver> observers)
{
    private static readonly Error TagNotFound = Error.NotFound(ErrorCodes.TagNotFound, "You have no tag of that name.");

    private ContactsOptions Limits => options.Value;

    public async Task<FriendTagList> ListAsync(Guid me, CancellationToken cancellationToken)
    {
        var tagged = await contacts.GetFriendTagsAsync(me, cancellationToken);
        var tags = tagged
            .SelectMany(friend => friend.Value.Select(tag => (Tag: tag, Friend: friend.Key)))
            .GroupBy(x => x.Tag, x => x.Friend, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Info(g.Key, g))
            .ToList();
        return new FriendTagList(tags);
    }

    /// <summary>Gives a new tag to the friends named; refused whole when one is not a friend or has the most tags.</summary>
    public async Task<Result<FriendTagInfo>> CreateAsync(Guid me, CreateFriendTagRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = ValidName(request.Name, errors);
        var members = MemberIds(request.MemberIds, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var created = await contacts.AtomicallyAsync<FriendTagInfo>(me, me, async changes =>
        {
            var tagged = await changes.GetFriendTagsAsync(me, cancellationToken);
            if (Carriers(tagged, name).Count > 0)
            {
                return TagExists(name);
            }

            var retagged = await RetagAsync(changes, me, tagged, null, name, members, cancellationToken);
            return retagged.IsSuccess ? Info(name, members) : retagged.Error;
        }, cancellationToken);

        if (created.IsSuccess)
        {
            await NotifyAsync(new FriendTagChange(me, FriendTagChangeKind.Created, name), cancellationToken);
        }

        return created;
    }

    /// <summary>Renames a tag, or sets exactly who carries it, or both, as one change.</summary>
    public async Task<Result<FriendTagInfo>> UpdateAsync(Guid me, string tag, UpdateFriendTagRequest update, CancellationToken cancellationToken)
    {
        var current = NameText.Clean(tag);
        var errors = new FieldErrors();
        var name = update.Name is null ? current : ValidName(update.Name, errors);
        var members = update.MemberIds is null ? null : MemberIds(update.MemberIds, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var changed = false;
        var updated = await contacts.AtomicallyAsync<FriendTagInfo>(me, me, async changes =>
        {
            var tagged = await changes.GetFriendTagsAsync(me, cancellationToken);
            var carriers = Carriers(tagged, current);
            if (carriers.Count == 0)
            {
                return TagNotFound;
            }

            if (name != current && Carriers(tagged, name).Count > 0)
            {
                return TagExists(name);
            }

            var carriersAfter = members ?? carriers;
            var retagged = await RetagAsync(changes, me, tagged, current, name, carriersAfter, cancellationToken);
            if (!retagged.IsSuccess)
            {
                return retagged.Error;
            }

            changed = retagged.Value;
            return Info(name, carriersAfter);
        }, cancellationToken);

        if (updated.IsSuccess && changed)
        {
            await NotifyAsync(new FriendTagChange(me, FriendTagChangeKind.Updated, name, name == current ? null : current), cancellationToken);
        }

        return updated;
    }

    /// <summary>Takes a tag off every friend who carries it.</summary>
    public async Task<Result<Done>> DeleteAsync(Guid me, string tag, CancellationToken cancellationToken)
    {
        var name = NameText.Clean(tag);
        var deleted = await contacts.AtomicallyAsync<Done>(me, me, async changes =>
        {
            var tagged = await changes.GetFriendTagsAsync(me, cancellationToken);
            if (Carriers(tagged, name).Count == 0)
            {
                return TagNotFound;
            }

            var retagged = await RetagAsync(changes, me, tagged, name, null, [], cancellationToken);
            return retagged.IsSuccess ? Done.Value : retagged.Error;
        }, cancellationToken);

        if (deleted.IsSuccess)
        {
            await NotifyAsync(new FriendTagChange(me, FriendTagChangeKind.Deleted, name), cancellationToken);
        }

        return deleted;
    }

    /// <summary>
    /// Takes <paramref name="from"/> off every friend and gives <paramref name="to"/> to exactly <paramref name="members"/>
    /// (a renamed tag keeps its place among a friend's tags), in the transaction of <paramref name="changes"/>. Writes only
    /// the friends whose tags change, all in one write; true when there were any.
    /// </summary>
    private async Task<Result<bool>> RetagAsync(
        IContactChanges changes, Guid me, IReadOnlyDictionary<Guid, IReadOnlyList<string>> tagged, string? from, string? to,
        HashSet<Guid> members, CancellationToken cancellationToken)
    {
        var strangers = members.Where(m => !tagged.ContainsKey(m)).Order().ToList();
        if (strangers.Count > 0)
        {
            return Error.NotFound(ErrorCodes.NotFriends, "You can tag only your friends.") with
            {
                Detail = $"Not your friends: {string.Join(", ", strangers.Select(Ids.Format))}.",
            };
        }

        var written = new Dictionary<Guid, IReadOnlyList<string>>();
        var overLimit = new List<Guid>();
        foreach (var (friend, before) in tagged)
        {
            var after = before.ToList();
            var place = from is null ? -1 : after.IndexOf(from);
            if (place >= 0)
            {
                after.RemoveAt(place);
            }

            if (to is not null && members.Contains(friend) && !after.Contains(to))
            {
                after.Insert(place >= 0 ? place : after.Count, to);
            }

            if (after.SequenceEqual(before, StringComparer.Ordinal))
            {
                continue;
            }

            // A friend who already has more (the limit was lowered) may still lose a tag or have one renamed.
            if (after.Count > Limits.MaxTagsPerFriend && after.Count > before.Count)
            {
                overLimit.Add(friend);
            }

            written[friend] = after;
        }

        if (overLimit.Count > 0)
        {
            var errors = new FieldErrors();
            errors.Add("memberIds", $"A friend has at most {Limits.MaxTagsPerFriend} tags; these have as many already: {string.Join(", ", overLimit.Order().Select(Ids.Format))}.");
            return errors.ToError();
        }

        if (written.Count > 0)
        {
            await changes.SetFriendTagsAsync(me, written, cancellationToken);
        }

        return written.Count > 0;
    }

    private string ValidName(string? given, FieldErrors errors)
    {
        var name = NameText.Clean(given);
        if (name.Length > Limits.MaxTagLength)
        {
            errors.Add("name", $"A tag has at most {Limits.MaxTagLength} characters.");
        }
        else if (NameText.IsBlank(name) || NameText.HasControl(name))
        {
            errors.Add("name", "A tag needs a visible character and no control characters.");
        }

        return name;
    }

    private static HashSet<Guid> MemberIds(IReadOnlyList<string>? given, FieldErrors errors)
    {
        var members = new HashSet<Guid>();
        foreach (var id in given ?? [])
        {
            if (Ids.TryParse(id, out var parsed))
            {
                members.Add(parsed);
            }
            else
            {
                errors.Add("memberIds", $"'{id}' is not a user id.");
            }
        }

        if (given is not { Count: > 0 })
        {
            // The tag lives on the friends who carry it: one that nobody carries is gone.
            errors.Add("memberIds", "A tag needs at least one friend; delete the tag to take it off everyone.");
        }

        return members;
    }

    private static HashSet<Guid> Carriers(IReadOnlyDictionary<Guid, IReadOnlyList<string>> tagged, string tag) =>
        tagged.Where(f => f.Value.Contains(tag, StringComparer.Ordinal)).Select(f => f.Key).ToHashSet();

    private static Error TagExists(string name) =>
        Error.Conflict(ErrorCodes.TagExists, "You already have a tag of that name.", $"A tag named '{name}' exists.");

    private static FriendTagInfo Info(string name, IEnumerable<Guid> members)
    {
        var ids = members.Select(Ids.Format).Order(StringComparer.Ordinal).ToList();
        return new FriendTagInfo(name, ids, ids.Count);
    }

    private async Task NotifyAsync(FriendTagChange change, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.OnFriendTagChangedAsync(change, cancellationToken);
        }
    }
}
