using Hutong.Contracts.Social;
using Hutong.Web.Localization;

namespace Hutong.Web.Moments;

/// <summary>
/// A post being written: its text, its uploads, its place and who may see it, with the rules the composer shows
/// before anything is sent (the node's defaults: 2,000 characters, 9 images or one video, 10 friends reminded).
/// </summary>
public sealed class PostDraft
{
    public const int MaxText = 2_000;
    public const int MaxImages = 9;
    public const int MaxReminds = 10;

    public string Text { get; set; } = "";

    public List<PostUpload> Images { get; } = [];

    public PostUpload? Video { get; set; }

    public string Location { get; set; } = "";

    /// <summary>A web page shared in the post as a link card; its title defaults to the page's host.</summary>
    public string LinkUrl { get; set; } = "";

    public string LinkTitle { get; set; } = "";

    /// <summary>An official account's article shared into the post, in place of a link.</summary>
    public ArticleCard? Article { get; set; }

    /// <summary>One of <see cref="PostAudienceKinds"/>.</summary>
    public string Audience { get; set; } = PostAudienceKinds.Public;

    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public HashSet<string> People { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Reminds { get; } = new(StringComparer.Ordinal);

    /// <summary>The trimmed text in UTF-16 code units, as the node counts.</summary>
    public int Length => Text.Trim().Length;

    /// <summary>From 90% of the limit a counter shows.</summary>
    public bool NearLimit => Length >= MaxText * 9 / 10;

    public int Over => Math.Max(0, Length - MaxText);

    public bool Uploading => Images.Exists(i => i.Pending) || Video is { Pending: true };

    public bool CanAddImages => Video is null && Images.Count < MaxImages;

    public bool CanAddVideo => Video is null && Images.Count == 0;

    /// <summary>Share-with and don't-share-with name tags or friends.</summary>
    public bool NamesSome => Audience is PostAudienceKinds.ShareWith or PostAudienceKinds.DontShareWith;

    /// <summary>Why the post cannot go yet, or null.</summary>
    public string? Refusal(SocialStrings s)
    {
        if (LinkUrl.Trim().Length > 0 && Link() is null)
        {
            return s.LinkInvalid;
        }

        if (Length == 0 && !Images.Exists(i => i.MediaId is not null) && Video?.MediaId is null && Card() is null)
        {
            return s.NothingToPost;
        }

        return NamesSome && Tags.Count == 0 && People.Count == 0 ? s.ChooseAudience : null;
    }

    public bool Remind(string userId, bool on)
    {
        if (!on)
        {
            return Reminds.Remove(userId);
        }

        return Reminds.Count < MaxReminds && Reminds.Add(userId);
    }

    public CreatePostRequest Request(string clientId)
    {
        var images = Images.Select(i => i.MediaId).OfType<string>().ToList();
        var text = Text.Trim();
        var place = Location.Trim();
        var audience = Audience switch
        {
            PostAudienceKinds.Public => null,
            PostAudienceKinds.Private => new PostAudience(PostAudienceKinds.Private),
            var kind => new PostAudience(kind, Tags.Count > 0 ? [.. Tags.Order(StringComparer.Ordinal)] : null, People.Count > 0 ? [.. People.Order(StringComparer.Ordinal)] : null),
        };
        return new CreatePostRequest(
            clientId,
            text.Length > 0 ? text : null,
            images.Count > 0 ? images : null,
            Video?.MediaId,
            place.Length > 0 ? new PlaceInfo(place) : null,
            audience,
            Reminds.Count > 0 ? [.. Reminds.Order(StringComparer.Ordinal)] : null,
            Card());
    }

    /// <summary>The article shared, else the link; the node fills an article's card from the article itself.</summary>
    private PostCard? Card() => Article is { } article ? new ArticleCard(article.ArticleId) : Link();

    /// <summary>The link card, when the link is an http or https address.</summary>
    private LinkCard? Link()
    {
        var url = LinkUrl.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var title = LinkTitle.Trim();
        return new LinkCard(title.Length > 0 ? title : address.Host, url);
    }
}

/// <summary>A file going up for a post; <see cref="MediaId"/> once it is up.</summary>
public sealed class PostUpload(string name)
{
    public string Name { get; } = name;

    public string? MediaId { get; set; }

    public string? Error { get; set; }

    public bool Pending => MediaId is null && Error is null;
}
