namespace Hutong.Contracts.Social;

/// <summary>
/// A post as the asking person may see it. Likes and comments are only those left by the asker or by the asker's
/// friends, and the counts count only those. <see cref="Audience"/> and <see cref="RemindIds"/> are told to the author
/// alone.
/// </summary>
public sealed record PostInfo(
    string Id,
    string AuthorId,
    DateTimeOffset CreatedAt,
    string? Text,
    IReadOnlyList<PostMedia> Media,
    PlaceInfo? Location,
    PostCard? Card,
    PostAudience? Audience,
    IReadOnlyList<string>? RemindIds,
    IReadOnlyList<PostLike> Likes,
    IReadOnlyList<PostComment> Comments,
    bool LikedByMe);

/// <summary>An image or the video of a post; <see cref="PosterId"/> is a video's still.</summary>
public sealed record PostMedia(string MediaId, string Kind, string? PosterId = null);

public static class PostMediaKinds
{
    public const string Image = "image";
    public const string Video = "video";
}

public sealed record PostLike(string UserId, DateTimeOffset At);

/// <summary>A comment; a reply names the comment and its author.</summary>
public sealed record PostComment(string Id, string AuthorId, string Text, DateTimeOffset At, string? ReplyToCommentId, string? ReplyToUserId);

/// <summary>A page of posts, newest first; <see cref="NextCursor"/> asks for the page after it (null at the end).</summary>
public sealed record PostPage(IReadOnlyList<PostInfo> Posts, string? NextCursor);

/// <summary>A person's Moments header: their cover and, for themselves, their range setting.</summary>
public sealed record MomentsProfile(string UserId, string? CoverId, string? Range);
