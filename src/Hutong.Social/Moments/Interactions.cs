namespace Hutong.Social.Moments;

/// <summary>A like of a post.</summary>
public sealed record Like(Guid PostId, Guid UserId, DateTimeOffset At);

/// <summary>A comment, or a reply to another comment of the same post. Its client id is its author's own.</summary>
public sealed record Comment(
    Guid Id, Guid PostId, Guid AuthorId, string ClientId, string Text, DateTimeOffset At, Guid? ReplyToCommentId, Guid? ReplyToUserId);

/// <summary>A "Moments message" for <see cref="OwnerId"/>: <see cref="ActorId"/> did <see cref="Kind"/>.</summary>
public sealed record Notice(Guid Id, Guid OwnerId, string Kind, Guid PostId, Guid ActorId, DateTimeOffset At, Guid? CommentId, string? Text)
{
    /// <summary>Storage's order of notices (0 until stored).</summary>
    public long Seq { get; init; }
}

/// <summary>The likes and comments on some posts that one viewer may see.</summary>
public sealed record SeenInteractions(IReadOnlyList<Like> Likes, IReadOnlyList<Comment> Comments);
