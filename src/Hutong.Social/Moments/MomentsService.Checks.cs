using Hutong.Accounts.Contacts;
using Hutong.Contracts.Social;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;

namespace Hutong.Social.Moments;

/// <summary>What a new post must be: its text, media, card, audience and reminders, every bad field reported at once.</summary>
public sealed partial class MomentsService
{
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
                if (PostInput.VideoTooLong(video, Limits.MaxPostVideoSeconds) is { } tooLong)
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
                if (Array.Find(_cardChecks, c => c.CardType == card.GetType()) is { } check)
                {
                    return await check.CheckAsync(me, card, errors, cancellationToken);
                }

                errors.Add("card.kind", "Not a kind of card this server knows.");
                return null;
        }
    }
}
