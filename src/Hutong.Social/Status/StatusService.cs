using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Social;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Telemetry;
using Hutong.Core.Text;
using Hutong.Realtime.Log;
using Hutong.Social.Moments;
using Microsoft.Extensions.Options;

namespace Hutong.Social.Status;

/// <summary>
/// Status: something of the moment, for friends (not chat-only ones, not blocked people), gone after a day. Whether a
/// person has seen it is theirs alone; reactions go to the author alone.
/// </summary>
public sealed class StatusService(
    IStatusStore store, IMediaStore media, IBlobStore blobs, EventLog events, IOptions<SocialOptions> options, SweepMetrics sweeps, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.StatusNotFound, "No such status.");

    private SocialOptions Limits => options.Value;

    public async Task<Result<(StatusInfo Status, bool Created)>> PostAsync(Guid me, PostStatusRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        PostInput.ClientId(errors, request.ClientId);
        var text = PostInput.Text(errors, "text", request.Text, Limits.MaxStatusText);
        var mood = PostInput.Text(errors, "mood", request.Mood, Limits.MaxMood);
        if (mood is not null && NameText.HasControl(mood))
        {
            errors.Add("mood", "A mood is one line.");
        }

        var location = PostInput.Place(errors, request.Location, Limits.MaxPlaceName);
        PostMedia? clip = null;
        if (request.MediaId is not null)
        {
            var kind = await media.FindAsync(Ids.TryParse(request.MediaId, out var id) ? id : Guid.Empty, cancellationToken) is { } found
                && found.ContentType.StartsWith("video/", StringComparison.Ordinal) ? "video" : "image";
            if (await PostInput.OwnMediaAsync(errors, "mediaId", request.MediaId, kind, me, media, cancellationToken) is { } item)
            {
                if (PostInput.VideoTooLong(item, Limits.MaxStatusVideoSeconds) is { } tooLong)
                {
                    return tooLong;
                }

                clip = PostInput.Shown(item);
            }
        }

        if (text is null && clip is null && !errors.Any)
        {
            errors.Add("text", "A status has text, an image or a video.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var now = clock.Now();
        var status = new Status(Ids.New(clock), me, request.ClientId, now, now + Limits.StatusLifetime, text, clip, mood, location);
        var (stored, created) = await store.AddAsync(status, cancellationToken);
        return (Info(new SeenStatus(stored, true), me, await store.ReactionsAsync(stored.Id, cancellationToken)), created);
    }

    /// <summary>My live statuses and my friends', people with something I have not seen first.</summary>
    public async Task<StatusBoard> BoardAsync(Guid me, CancellationToken cancellationToken)
    {
        var live = await store.BoardAsync(me, clock.GetUtcNow(), cancellationToken);
        PersonStatuses? mine = null;
        var friends = new List<PersonStatuses>();
        foreach (var person in live.GroupBy(s => s.Status.AuthorId))
        {
            var statuses = person.OrderBy(s => s.Status.CreatedAt).ToList();
            var reactions = person.Key == me ? await ReactionsByStatusAsync(statuses, cancellationToken) : null;
            var entry = new PersonStatuses(
                Ids.Format(person.Key),
                [.. statuses.Select(s => Info(s, me, reactions?.GetValueOrDefault(s.Status.Id) ?? []))],
                statuses.TrueForAll(s => s.Seen));
            if (person.Key == me)
            {
                mine = entry;
            }
            else
            {
                friends.Add(entry);
            }
        }

        return new StatusBoard(mine, [.. friends.OrderBy(f => f.AllSeen).ThenByDescending(f => f.Statuses[^1].CreatedAt)]);
    }

    public async Task<Result<StatusInfo>> GetAsync(Guid me, Guid statusId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(me, statusId, cancellationToken) is not { } status)
        {
            return NotFound;
        }

        var reactions = status.AuthorId == me ? await store.ReactionsAsync(status.Id, cancellationToken) : [];
        return Info(new SeenStatus(status, true), me, reactions);
    }

    /// <summary>Marks a status seen by me: the ring on its author's avatar goes once I have seen all of theirs.</summary>
    public async Task<Result<Done>> SeenAsync(Guid me, Guid statusId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(me, statusId, cancellationToken) is not { } status)
        {
            return NotFound;
        }

        await store.MarkSeenAsync(me, status.Id, clock.Now(), cancellationToken);
        return Done.Value;
    }

    /// <summary>Reacts to a friend's status; only its author ever learns of it.</summary>
    public async Task<Result<Done>> ReactAsync(Guid me, Guid statusId, ReactToStatusRequest request, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(me, statusId, cancellationToken) is not { } status)
        {
            return NotFound;
        }

        var emoji = request.Reaction?.Trim() ?? "";
        if (emoji.Length == 0 || emoji.Length > Limits.MaxReaction || NameText.HasControl(emoji) || NameText.IsBlank(emoji))
        {
            return Error.Validation(new Dictionary<string, string[]> { ["reaction"] = [$"A reaction is an emoji of at most {Limits.MaxReaction} characters."] });
        }

        if (status.AuthorId == me)
        {
            return Error.Forbidden(ErrorCodes.NotAllowed, "A status is reacted to by its author's friends.");
        }

        var reaction = new Reaction(status.Id, me, emoji, clock.Now());
        await store.ReactAsync(reaction, cancellationToken);
        await events.AppendAsync(status.AuthorId, new StatusReactionEvent(Ids.Format(status.Id), ReactionInfo(reaction)));
        return Done.Value;
    }

    /// <summary>Only the author deletes a status; its media goes with it.</summary>
    public async Task<Result<Done>> DeleteAsync(Guid me, Guid statusId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(statusId, cancellationToken) is not { } status || status.AuthorId != me)
        {
            return NotFound;
        }

        await RemoveAsync([status.Id], cancellationToken);
        return Done.Value;
    }

    /// <summary>Removes statuses whose day is over, with their media; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await store.ExpiredAsync(now, 500, cancellationToken);
        if (expired.Count > 0)
        {
            foreach (var (_, expiresAt) in expired)
            {
                sweeps.Acted("status", expiresAt, now);
            }

            await RemoveAsync([.. expired.Select(s => s.Id)], cancellationToken);
        }

        return expired.Count;
    }

    /// <summary>Whether the person may see a live status that carries the media.</summary>
    internal async Task<bool> CanSeeMediaAsync(Guid me, Guid mediaId, CancellationToken cancellationToken)
    {
        foreach (var status in await store.WithMediaAsync(mediaId, clock.GetUtcNow(), cancellationToken))
        {
            if (status.AuthorId == me || await store.MaySeeAsync(me, status.AuthorId, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task RemoveAsync(IReadOnlyCollection<Guid> statusIds, CancellationToken cancellationToken)
    {
        var carried = await store.RemoveAsync(statusIds, cancellationToken);
        if (carried.Count > 0)
        {
            foreach (var content in await media.RemoveAsync(carried, cancellationToken))
            {
                await blobs.DeleteAsync(content, cancellationToken);
            }
        }
    }

    private async Task<Status?> VisibleAsync(Guid me, Guid statusId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(statusId, cancellationToken) is not { } status || status.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        return status.AuthorId == me || await store.MaySeeAsync(me, status.AuthorId, cancellationToken) ? status : null;
    }

    private async Task<Dictionary<Guid, IReadOnlyList<Reaction>>> ReactionsByStatusAsync(IEnumerable<SeenStatus> statuses, CancellationToken cancellationToken)
    {
        var byStatus = new Dictionary<Guid, IReadOnlyList<Reaction>>();
        foreach (var status in statuses)
        {
            byStatus[status.Status.Id] = await store.ReactionsAsync(status.Status.Id, cancellationToken);
        }

        return byStatus;
    }

    private static StatusInfo Info(SeenStatus seen, Guid me, IReadOnlyList<Reaction> reactions)
    {
        var s = seen.Status;
        return new StatusInfo(
            Ids.Format(s.Id), Ids.Format(s.AuthorId), s.CreatedAt, s.ExpiresAt, s.Text, s.Media, s.Mood, s.Location, seen.Seen,
            s.AuthorId == me ? [.. reactions.Select(ReactionInfo)] : null);
    }

    private static StatusReaction ReactionInfo(Reaction r) => new(Ids.Format(r.UserId), r.Emoji, r.At);
}
