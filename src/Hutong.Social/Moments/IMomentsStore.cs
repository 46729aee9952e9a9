namespace Hutong.Social.Moments;

/// <summary>Posts, timelines, likes, comments and notices. Implemented by Hutong.Storage.</summary>
public interface IMomentsStore
{
    /// <summary>
    /// Writes a post, its row in the author's own timeline and its remind notices in one transaction. A post with the
    /// same author and client id already there is returned instead, and nothing is written.
    /// </summary>
    Task<(Post Post, bool Created)> AddPostAsync(Post post, IReadOnlyList<Notice> reminds, CancellationToken cancellationToken);

    Task<Post?> FindPostAsync(Guid postId, CancellationToken cancellationToken);

    /// <summary>Removes a post with its timeline rows, likes, comments and notices; false when it was not there.</summary>
    Task<bool> DeletePostAsync(Guid postId, CancellationToken cancellationToken);

    /// <summary>The author's friends after <paramref name="after"/> in id order, for a fan-out batch.</summary>
    Task<IReadOnlyList<Guid>> FriendsAfterAsync(Guid authorId, Guid? after, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the post to the owners' timelines (rows already there are kept) and records how far the fan-out got, in one
    /// transaction, so a fan-out resumed after a crash goes on from the last batch that committed.
    /// </summary>
    Task AddToTimelinesAsync(Guid postId, Guid authorId, IReadOnlyList<Guid> owners, Guid? reached, bool done, CancellationToken cancellationToken);

    /// <summary>Where a post's fan-out got to: null when done (or the post is gone).</summary>
    Task<FanOutProgress?> FanOutProgressAsync(Guid postId, CancellationToken cancellationToken);

    /// <summary>Posts whose fan-out is not done and that were written before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<Guid>> UnfinishedFanOutsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Posts in a person's timeline, newest first, before the post of seq <paramref name="before"/>.</summary>
    Task<IReadOnlyList<Post>> TimelineAsync(Guid ownerId, long? before, int take, CancellationToken cancellationToken);

    /// <summary>A person's own posts, newest first, before the post of seq <paramref name="before"/>.</summary>
    Task<IReadOnlyList<Post>> AlbumAsync(Guid authorId, long? before, int take, CancellationToken cancellationToken);

    /// <summary>How each author stands to the viewer, in one query however many authors there are.</summary>
    Task<IReadOnlyDictionary<Guid, Sight>> SightsAsync(Guid viewerId, IReadOnlyCollection<Guid> authorIds, CancellationToken cancellationToken);

    /// <summary>Likes and comments on the posts that the viewer left or that the viewer's friends left (no blocks either way).</summary>
    Task<SeenInteractions> InteractionsAsync(Guid viewerId, IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken);

    /// <summary>Adds a like; false when the person liked the post already.</summary>
    Task<bool> AddLikeAsync(Like like, Notice? notice, CancellationToken cancellationToken);

    /// <summary>Removes a like and its notice; false when there was none.</summary>
    Task<bool> RemoveLikeAsync(Guid postId, Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a comment with its notices in one transaction; a comment with the same author and client id already there
    /// is returned instead.
    /// </summary>
    Task<(Comment Comment, bool Created)> AddCommentAsync(Comment comment, IReadOnlyList<Notice> notices, CancellationToken cancellationToken);

    Task<Comment?> FindCommentAsync(Guid commentId, CancellationToken cancellationToken);

    /// <summary>Removes a comment and its notices; replies to it stay (they show the reply without its target).</summary>
    Task<bool> DeleteCommentAsync(Guid commentId, CancellationToken cancellationToken);

    /// <summary>Notices for the owner from people who are their friends now, newest first, before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<Notice>> NoticesAsync(Guid ownerId, long? before, int take, CancellationToken cancellationToken);

    /// <summary>How many of the owner's notices from friends came after the last one they read.</summary>
    Task<int> UnreadNoticesAsync(Guid ownerId, CancellationToken cancellationToken);

    /// <summary>Marks the owner's notices read up to the notice <paramref name="upTo"/>; never moves the mark back.</summary>
    Task MarkNoticesReadAsync(Guid ownerId, Guid upTo, CancellationToken cancellationToken);

    /// <summary>A person's range setting and cover (defaults when never set).</summary>
    Task<MomentsSettings> SettingsAsync(Guid userId, CancellationToken cancellationToken);

    Task SaveSettingsAsync(Guid userId, MomentsSettings settings, CancellationToken cancellationToken);

    /// <summary>Renames a tag in the visibility lists of the author's posts; returns how many posts named it.</summary>
    Task<int> RenameAudienceTagAsync(Guid authorId, string from, string to, CancellationToken cancellationToken);

    /// <summary>Whether the viewer may see a post or comment card that carries the media (for downloads).</summary>
    Task<IReadOnlyList<Post>> PostsWithMediaAsync(Guid mediaId, CancellationToken cancellationToken);
}

/// <summary>How far a post's fan-out got: the last friend whose timeline has it.</summary>
public sealed record FanOutProgress(Guid AuthorId, Guid? Reached);

/// <summary>A person's Moments settings.</summary>
public sealed record MomentsSettings(string Range, Guid? CoverId, long NoticesReadUpTo)
{
    public static MomentsSettings Default { get; } = new(Contracts.Social.MomentsRanges.All, null, 0);
}
