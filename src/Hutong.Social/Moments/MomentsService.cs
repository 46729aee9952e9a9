using Hutong.Accounts.Contacts;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.Social;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Realtime.Log;
using Microsoft.Extensions.Options;

namespace Hutong.Social.Moments;

/// <summary>
/// Moments: posts written once and fanned out to friends' timelines as pointers, read back through
/// <see cref="MomentsRules"/> on every read; likes, comments and "Moments messages" under the mutual-friend rule.
/// </summary>
public sealed partial class MomentsService(
    IMomentsStore store,
    IContactStore contacts,
    IMediaStore media,
    IGrainFactory grains,
    EventLog events,
    IOptions<SocialOptions> options,
    IOptions<ContactsOptions> contactOptions,
    IEnumerable<IPostCardCheck> cardChecks,
    TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;

    public static readonly Error PostNotFound = Error.NotFound(ErrorCodes.PostNotFound, "No such post.");

    private readonly IPostCardCheck[] _cardChecks = [.. cardChecks];

    private SocialOptions Limits => options.Value;

    public async Task<Result<(PostInfo Post, bool Created)>> CreateAsync(Guid me, CreatePostRequest request, CancellationToken cancellationToken)
    {
        var checkedPost = await CheckAsync(me, request, cancellationToken);
        if (!checkedPost.IsSuccess)
        {
            return checkedPost.Error;
        }

        var post = checkedPost.Value;
        var reminds = post.RemindIds
            .Select(r => new Notice(Ids.New(clock), r, MomentNoticeKinds.Remind, post.Id, me, post.CreatedAt, null, null))
            .ToList();
        var (stored, created) = await store.AddPostAsync(post, reminds, cancellationToken);
        if (created)
        {
            if (stored.Audience.FixedReach is not { Count: 0 })
            {
                await grains.GetGrain<IFanOutGrain>(stored.Id).RunAsync();
            }

            await TellAsync(reminds);
        }

        return (Info(stored, me, await store.InteractionsAsync(me, [stored.Id], cancellationToken)), created);
    }

    public async Task<Result<PostInfo>> GetAsync(Guid me, Guid postId, CancellationToken cancellationToken)
    {
        var post = await VisibleAsync(me, postId, cancellationToken);
        if (post is null)
        {
            return PostNotFound;
        }

        return Info(post, me, await store.InteractionsAsync(me, [post.Id], cancellationToken));
    }

    /// <summary>Only the author deletes a post; to anyone else it does not exist.</summary>
    public async Task<Result<Done>> DeleteAsync(Guid me, Guid postId, CancellationToken cancellationToken)
    {
        if (await store.FindPostAsync(postId, cancellationToken) is not { } post || post.AuthorId != me)
        {
            return PostNotFound;
        }

        await store.DeletePostAsync(postId, cancellationToken);
        return Done.Value;
    }

    /// <summary>My timeline: my posts and my friends' that I may see now, newest first.</summary>
    public Task<Result<PostPage>> TimelineAsync(Guid me, int? limit, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(me, limit, cursor, inTimeline: true, (before, take) => store.TimelineAsync(me, before, take, cancellationToken), cancellationToken);

    /// <summary>A person's album: all of my own posts, or a friend's that they let me see; nothing of anyone else.</summary>
    public Task<Result<PostPage>> AlbumAsync(Guid me, Guid userId, int? limit, string? cursor, CancellationToken cancellationToken) =>
        PageAsync(me, limit, cursor, inTimeline: false, (before, take) => store.AlbumAsync(userId, before, take, cancellationToken), cancellationToken);

    /// <summary>A person's cover (theirs to show to friends), and my own range setting when it is me.</summary>
    public async Task<Result<MomentsProfile>> ProfileAsync(Guid me, Guid userId, CancellationToken cancellationToken)
    {
        var settings = await store.SettingsAsync(userId, cancellationToken);
        if (userId == me)
        {
            return new MomentsProfile(Ids.Format(me), settings.CoverId is { } mine ? Ids.Format(mine) : null, settings.Range);
        }

        var sights = await store.SightsAsync(me, [userId], cancellationToken);
        var sight = sights.GetValueOrDefault(userId, Sight.None);
        var seen = sight is { Friends: true, Blocked: false, ChatOnly: false };
        return new MomentsProfile(Ids.Format(userId), seen && settings.CoverId is { } cover ? Ids.Format(cover) : null, null);
    }

    public async Task<Result<MomentsProfile>> UpdateSettingsAsync(Guid me, UpdateMomentsSettingsRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Range is { } range && !MomentsRanges.Known.Contains(range))
        {
            errors.Add("range", $"range is one of {string.Join(", ", MomentsRanges.Known)}.");
        }

        Guid? coverId = null;
        if (request.CoverId is not null)
        {
            coverId = (await PostInput.OwnMediaAsync(errors, "coverId", request.CoverId, "image", me, media, cancellationToken))?.Id;
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var settings = await store.SettingsAsync(me, cancellationToken);
        settings = settings with
        {
            Range = request.Range ?? settings.Range,
            CoverId = request.RemoveCover == true ? null : coverId ?? settings.CoverId,
        };
        await store.SaveSettingsAsync(me, settings, cancellationToken);
        return await ProfileAsync(me, me, cancellationToken);
    }

    /// <summary>The post, if the person may see it wherever they meet it (so hiding someone's posts does not apply).</summary>
    internal async Task<Post?> VisibleAsync(Guid me, Guid postId, CancellationToken cancellationToken) =>
        await store.FindPostAsync(postId, cancellationToken) is { } post && await SeesAsync(me, post, cancellationToken) ? post : null;

    /// <summary>Whether the person may see a post they met anywhere but their timeline.</summary>
    internal async Task<bool> SeesAsync(Guid me, Post post, CancellationToken cancellationToken)
    {
        if (post.AuthorId == me)
        {
            return true;
        }

        var sights = await store.SightsAsync(me, [post.AuthorId], cancellationToken);
        return MomentsRules.CanSee(post, me, sights.GetValueOrDefault(post.AuthorId, Sight.None), clock.GetUtcNow(), inTimeline: false);
    }

    /// <summary>
    /// Reads rows in batches, keeps what the person may see now, and stops at a full page or after a bounded scan (a
    /// page may then be short, with a cursor to go on from, so one read never walks a whole timeline).
    /// </summary>
    private async Task<Result<PostPage>> PageAsync(
        Guid me, int? limit, string? cursor, bool inTimeline, Func<long?, int, Task<IReadOnlyList<Post>>> read, CancellationToken cancellationToken)
    {
        var paging = SeqCursor.Page(limit, cursor, DefaultPageSize, MaxPageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (take, before) = paging.Value;

        var now = clock.GetUtcNow();
        var shown = new List<Post>(take);
        var scanned = 0;
        var more = true;
        while (shown.Count < take && scanned < take * 10 && more)
        {
            var batchSize = Math.Min(take * 2, MaxPageSize * 2);
            var batch = await read(before, batchSize);
            more = batch.Count == batchSize;
            var authors = batch.Select(p => p.AuthorId).Where(a => a != me).Distinct().ToList();
            var sights = authors.Count == 0 ? new Dictionary<Guid, Sight>() : await store.SightsAsync(me, authors, cancellationToken);
            foreach (var post in batch)
            {
                scanned++;
                before = post.Seq;
                if (MomentsRules.CanSee(post, me, sights.GetValueOrDefault(post.AuthorId, Sight.None), now, inTimeline))
                {
                    shown.Add(post);
                    if (shown.Count == take)
                    {
                        more = more || !ReferenceEquals(post, batch[^1]);
                        break;
                    }
                }
            }
        }

        var seen = shown.Count == 0 ? new SeenInteractions([], []) : await store.InteractionsAsync(me, [.. shown.Select(p => p.Id)], cancellationToken);
        return new PostPage([.. shown.Select(p => Info(p, me, seen))], more ? SeqCursor.Format(before!.Value) : null);
    }

    private static PostInfo Info(Post post, Guid me, SeenInteractions seen)
    {
        var mine = post.AuthorId == me;
        var likes = seen.Likes.Where(l => l.PostId == post.Id).OrderBy(l => l.At).ToList();
        return new PostInfo(
            Ids.Format(post.Id),
            Ids.Format(post.AuthorId),
            post.CreatedAt,
            post.Text,
            post.Media,
            post.Location,
            post.Card,
            mine ? new PostAudience(post.Audience.Kind, post.Audience.Tags, [.. post.Audience.People.Select(Ids.Format)]) : null,
            mine ? [.. post.RemindIds.Select(Ids.Format)] : null,
            [.. likes.Select(l => new PostLike(Ids.Format(l.UserId), l.At))],
            [.. seen.Comments.Where(c => c.PostId == post.Id).OrderBy(c => c.At).Select(CommentInfo)],
            likes.Exists(l => l.UserId == me));
    }

    internal static PostComment CommentInfo(Comment c) =>
        new(Ids.Format(c.Id), Ids.Format(c.AuthorId), c.Text, c.At,
            c.ReplyToCommentId is { } r ? Ids.Format(r) : null, c.ReplyToUserId is { } u ? Ids.Format(u) : null);
}
