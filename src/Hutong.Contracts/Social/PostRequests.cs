namespace Hutong.Contracts.Social;

/// <summary>
/// A new Moments post. <see cref="ClientId"/> is the author's own id for it: a resend with the same id returns the post
/// made the first time. Images and a video are uploads of the author (<c>POST /api/v1/media</c>); a post has text,
/// images, a video or a card, or several of them, but never images and a video together.
/// </summary>
public sealed record CreatePostRequest(
    string ClientId,
    string? Text,
    IReadOnlyList<string>? ImageIds = null,
    string? VideoId = null,
    PlaceInfo? Location = null,
    PostAudience? Audience = null,
    IReadOnlyList<string>? RemindIds = null,
    PostCard? Card = null);

/// <summary>
/// Who may see a post: <see cref="PostAudienceKinds"/>. Share-with and don't-share-with name friend tags, people, or
/// both; a tag means whoever carries it when the post is read, so retagging a friend changes what they see at once.
/// </summary>
public sealed record PostAudience(string Kind, IReadOnlyList<string>? Tags = null, IReadOnlyList<string>? UserIds = null)
{
    public static PostAudience Everyone { get; } = new(PostAudienceKinds.Public);
}

public static class PostAudienceKinds
{
    /// <summary>All friends (the author's range setting and chat-only friends aside).</summary>
    public const string Public = "public";

    /// <summary>Only the author.</summary>
    public const string Private = "private";

    /// <summary>Only the friends named or tagged.</summary>
    public const string ShareWith = "shareWith";

    /// <summary>All friends but those named or tagged.</summary>
    public const string DontShareWith = "dontShareWith";
}

/// <summary>A named place, with coordinates when the client has them.</summary>
public sealed record PlaceInfo(string Name, double? Latitude = null, double? Longitude = null);

/// <summary>A comment on a post, or a reply to one of its comments.</summary>
public sealed record AddCommentRequest(string ClientId, string Text, string? ReplyToCommentId = null);

/// <summary>The author's Moments settings; absent fields stay as they are.</summary>
public sealed record UpdateMomentsSettingsRequest(string? Range = null, string? CoverId = null, bool? RemoveCover = null);

/// <summary>How far back friends may look at a person's posts.</summary>
public static class MomentsRanges
{
    public const string All = "all";
    public const string SixMonths = "sixMonths";
    public const string Month = "month";
    public const string ThreeDays = "threeDays";

    public static readonly IReadOnlyList<string> Known = [All, SixMonths, Month, ThreeDays];
}

/// <summary>Marks Moments messages read up to and including <see cref="UpTo"/>.</summary>
public sealed record ReadNoticesRequest(string UpTo);
