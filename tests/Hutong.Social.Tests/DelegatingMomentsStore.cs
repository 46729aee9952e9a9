using Hutong.Social.Moments;

namespace Hutong.Social.Tests;

/// <summary>Passes every call to the real store; a test overrides the calls it wants to fail or watch.</summary>
internal abstract class DelegatingMomentsStore(IMomentsStore inner) : IMomentsStore
{
    public virtual Task<(Post Post, bool Created)> AddPostAsync(Post post, IReadOnlyList<Notice> reminds, CancellationToken cancellationToken) =>
        inner.AddPostAsync(post, reminds, cancellationToken);

    public virtual Task<Post?> FindPostAsync(Guid postId, CancellationToken cancellationToken) =>
        inner.FindPostAsync(postId, cancellationToken);

    public virtual Task<bool> DeletePostAsync(Guid postId, CancellationToken cancellationToken) =>
        inner.DeletePostAsync(postId, cancellationToken);

    public virtual Task<IReadOnlyList<Guid>> FriendsAfterAsync(Guid authorId, Guid? after, int take, CancellationToken cancellationToken) =>
        inner.FriendsAfterAsync(authorId, after, take, cancellationToken);

    public virtual Task AddToTimelinesAsync(Guid postId, Guid authorId, IReadOnlyList<Guid> owners, Guid? reached, bool done, CancellationToken cancellationToken) =>
        inner.AddToTimelinesAsync(postId, authorId, owners, reached, done, cancellationToken);

    public virtual Task<FanOutProgress?> FanOutProgressAsync(Guid postId, CancellationToken cancellationToken) =>
        inner.FanOutProgressAsync(postId, cancellationToken);

    public virtual Task<IReadOnlyList<Guid>> UnfinishedFanOutsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        inner.UnfinishedFanOutsAsync(before, limit, cancellationToken);

    public virtual Task<IReadOnlyList<Post>> TimelineAsync(Guid ownerId, long? before, int take, CancellationToken cancellationToken) =>
        inner.TimelineAsync(ownerId, before, take, cancellationToken);

    public virtual Task<IReadOnlyList<Post>> AlbumAsync(Guid authorId, long? before, int take, CancellationToken cancellationToken) =>
        inner.AlbumAsync(authorId, before, take, cancellationToken);

    public virtual Task<IReadOnlyDictionary<Guid, Sight>> SightsAsync(Guid viewerId, IReadOnlyCollection<Guid> authorIds, CancellationToken cancellationToken) =>
        inner.SightsAsync(viewerId, authorIds, cancellationToken);

    public virtual Task<SeenInteractions> InteractionsAsync(Guid viewerId, IReadOnlyCollection<Guid> postIds, CancellationToken cancellationToken) =>
        inner.InteractionsAsync(viewerId, postIds, cancellationToken);

    public virtual Task<bool> AddLikeAsync(Like like, Notice? notice, CancellationToken cancellationToken) =>
        inner.AddLikeAsync(like, notice, cancellationToken);

    public virtual Task<bool> RemoveLikeAsync(Guid postId, Guid userId, CancellationToken cancellationToken) =>
        inner.RemoveLikeAsync(postId, userId, cancellationToken);

    public virtual Task<(Comment Comment, bool Created)> AddCommentAsync(Comment comment, IReadOnlyList<Notice> notices, CancellationToken cancellationToken) =>
        inner.AddCommentAsync(comment, notices, cancellationToken);

    public virtual Task<Comment?> FindCommentAsync(Guid commentId, CancellationToken cancellationToken) =>
        inner.FindCommentAsync(commentId, cancellationToken);

    public virtual Task<bool> DeleteCommentAsync(Guid commentId, CancellationToken cancellationToken) =>
        inner.DeleteCommentAsync(commentId, cancellationToken);

    public virtual Task<IReadOnlyList<Notice>> NoticesAsync(Guid ownerId, long? before, int take, CancellationToken cancellationToken) =>
        inner.NoticesAsync(ownerId, before, take, cancellationToken);

    public virtual Task<int> UnreadNoticesAsync(Guid ownerId, CancellationToken cancellationToken) =>
        inner.UnreadNoticesAsync(ownerId, cancellationToken);

    public virtual Task MarkNoticesReadAsync(Guid ownerId, Guid upTo, CancellationToken cancellationToken) =>
        inner.MarkNoticesReadAsync(ownerId, upTo, cancellationToken);

    public virtual Task<MomentsSettings> SettingsAsync(Guid userId, CancellationToken cancellationToken) =>
        inner.SettingsAsync(userId, cancellationToken);

    public virtual Task SaveSettingsAsync(Guid userId, MomentsSettings settings, CancellationToken cancellationToken) =>
        inner.SaveSettingsAsync(userId, settings, cancellationToken);

    public virtual Task<IReadOnlyList<Post>> PostsWithMediaAsync(Guid mediaId, CancellationToken cancellationToken) =>
        inner.PostsWithMediaAsync(mediaId, cancellationToken);

    public virtual Task<int> RenameAudienceTagAsync(Guid authorId, string from, string to, CancellationToken cancellationToken) =>
        inner.RenameAudienceTagAsync(authorId, from, to, cancellationToken);
}
