using Hutong.Accounts.Contacts;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.Social;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
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
    TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;

    public static readonly Error PostNotFound = Error.NotFound(ErrorCodes.PostNotFound, "No such post.");

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
    internal async Task<Post?> VisibleAsync(Guid me, Guid postId, CancellationToken cancellationToken)
    {
        if (await store.FindPostAsync(postId, cancellationToken) is not { } post)
        {
            return null;
        }

        if (post.AuthorId == me)
        {
            return post;
        }

        var sights = await store.SightsAsync(me, [post.AuthorId], cancellationToken);
        return MomentsRules.CanSee(post, me, sights.GetValueOrDefault(post.AuthorId, Sight.None), clock.GetUtcNow(), inTimeline: false) ? post : null;
    }

    /// <summary>
    /// Reads rows in batches, keeps what the person may see now, and stops at a full page or after a bounded scan (a
    /// page may then be short, with a cursor to go on from, so one read never walks a whole timeline).
    /// </summary>
    private async Task<Result<PostPage>> PageAsync(
        Guid me, int? limit, string? cursor, bool inTimeline, Func<long?, int, Task<IReadOnlyList<Post>>> read, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var take = limit ?? DefaultPageSize;
        if (take is < 1 or > MaxPageSize)
        {
            errors.Add("limit", $"limit is 1 to {MaxPageSize}.");
        }

        var before = SeqCursor.Parse(errors, cursor);

        if (errors.Any)
        {
            return errors.ToError();
        }

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

    private async Task<Result<Post>> CheckAsync(Guid me, CreatePostRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        PostInput.ClientId(errors, request.ClientId);
        var text = PostInput.Text(errors, "text", request.Text, Limits.MaxPostText);
        var location = PostInput.Place(errors, request.Location, Limits.MaxPlaceName);

        var postMedia = new List<PostMedia>();
        var imageIds = request.ImageIds ?? [];
        if (imageIds.Count > Limits.MaxPostImages)
        {
            errors.Add("imageIds", $"A post has at most {Limits.MaxPostImages} images.");
        }
        else if (imageIds.Count > 0 && request.VideoId is not null)
        {
            errors.Add("videoId", "A post has images or one video, not both.");
        }
        else
        {
            for (var i = 0; i < imageIds.Count; i++)
            {
                if (await PostInput.OwnMediaAsync(errors, $"imageIds[{i}]", imageIds[i], "image", me, media, cancellationToken) is { } image)
                {
                    postMedia.Add(new PostMedia(Ids.Format(image.Id), PostMediaKinds.Image));
                }
            }

            if (request.VideoId is not null
                && await PostInput.OwnMediaAsync(errors, "videoId", request.VideoId, "video", me, media, cancellationToken) is { } video)
            {
                if (PostInput.VideoLength(video, Limits.MaxPostVideoSeconds) is { } tooLong)
                {
                    return tooLong;
                }

                postMedia.Add(PostInput.Shown(video));
            }
        }

        var card = await CardAsync(errors, me, request.Card, cancellationToken);
        if (text is null && postMedia.Count == 0 && card is null && !errors.Any)
        {
            errors.Add("text", "A post has text, images, a video or a card.");
        }

        // Tags and people are checked against my friends as they are now: a list naming a stranger is a mistake. Only a
        // list or a reminder needs them, so a post to all friends does not read every friend (up to 5,000) first.
        var requested = request.Audience ?? PostAudience.Everyone;
        var remindIds = request.RemindIds ?? [];
        var friends = requested.Kind is PostAudienceKinds.ShareWith or PostAudienceKinds.DontShareWith || remindIds.Count > 0
            ? (await contacts.ListFriendsAsync(me, 0, contactOptions.Value.MaxFriends, cancellationToken)).ToDictionary(f => f.Friendship.FriendId, f => f.Friendship)
            : [];
        var audience = CheckAudience(errors, requested, friends);
        var reminds = new List<Guid>();
        if (remindIds.Count > Limits.MaxReminds)
        {
            errors.Add("remindIds", $"A post reminds at most {Limits.MaxReminds} friends.");
        }
        else if (audience is not null)
        {
            var draft = new Post(Guid.Empty, me, "", clock.GetUtcNow(), null, [], null, null, audience, []);
            foreach (var remind in remindIds)
            {
                if (!Ids.TryParse(remind, out var friendId) || !friends.TryGetValue(friendId, out var friendship))
                {
                    errors.Add("remindIds", $"{remind} is not a friend of yours.");
                }
                else if (!MomentsRules.CanSee(draft, friendId, new Sight(true, false, friendship.ChatOnly, false, friendship.Tags, MomentsRanges.All), draft.CreatedAt, inTimeline: false))
                {
                    errors.Add("remindIds", $"{remind} cannot see this post.");
                }
                else if (!reminds.Contains(friendId))
                {
                    reminds.Add(friendId);
                }
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return new Post(Ids.New(clock), me, request.ClientId, clock.Now(), text, postMedia, location, card, audience!, reminds);
    }

    private Audience? CheckAudience(FieldErrors errors, PostAudience audience, IReadOnlyDictionary<Guid, Friendship> friends)
    {
        if (audience.Kind is not (PostAudienceKinds.Public or PostAudienceKinds.Private or PostAudienceKinds.ShareWith or PostAudienceKinds.DontShareWith))
        {
            errors.Add("audience.kind", "audience.kind is public, private, shareWith or dontShareWith.");
            return null;
        }

        if (audience.Kind is PostAudienceKinds.Public or PostAudienceKinds.Private)
        {
            return new Audience(audience.Kind, [], []);
        }

        var tags = (audience.Tags ?? []).Select(NameText.Clean).Distinct(StringComparer.Ordinal).ToList();
        var people = new List<Guid>();
        if (tags.Count == 0 && (audience.UserIds ?? []).Count == 0)
        {
            errors.Add("audience", "A list names at least one tag or friend.");
        }
        else if (tags.Count > Limits.MaxAudienceEntries || (audience.UserIds ?? []).Count > Limits.MaxAudienceEntries)
        {
            errors.Add("audience", $"A list names at most {Limits.MaxAudienceEntries} tags and {Limits.MaxAudienceEntries} friends.");
        }
        else
        {
            var known = friends.Values.SelectMany(f => f.Tags).ToHashSet(StringComparer.Ordinal);
            foreach (var tag in tags.Where(t => !known.Contains(t)))
            {
                errors.Add("audience.tags", $"You have no friends tagged \"{tag}\".");
            }

            foreach (var user in audience.UserIds ?? [])
            {
                if (Ids.TryParse(user, out var id) && friends.ContainsKey(id))
                {
                    if (!people.Contains(id))
                    {
                        people.Add(id);
                    }
                }
                else
                {
                    errors.Add("audience.userIds", $"{user} is not a friend of yours.");
                }
            }
        }

        return new Audience(audience.Kind, tags, people);
    }

    private async Task<PostCard?> CardAsync(FieldErrors errors, Guid me, PostCard? card, CancellationToken cancellationToken)
    {
        switch (card)
        {
            case null:
                return null;
            case LinkCard link:
                var title = NameText.Clean(link.Title);
                if (title.Length == 0 || title.Length > Limits.MaxCardTitle || NameText.HasControl(title))
                {
                    errors.Add("card.title", $"A link has a title of 1 to {Limits.MaxCardTitle} characters.");
                }

                if (link.Url is null || link.Url.Length > Limits.MaxCardUrl
                    || !Uri.TryCreate(link.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                {
                    errors.Add("card.url", $"A link is an http or https address of at most {Limits.MaxCardUrl} characters.");
                }

                string? imageId = null;
                if (link.ImageId is not null
                    && await PostInput.OwnMediaAsync(errors, "card.imageId", link.ImageId, "image", me, media, cancellationToken) is { } image)
                {
                    imageId = Ids.Format(image.Id);
                }

                return new LinkCard(title, link.Url ?? "", imageId);
            default:
                errors.Add("card.kind", "Not a kind of card this server knows.");
                return null;
        }
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
