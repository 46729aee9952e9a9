using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Social;
using Hutong.Core;
using Hutong.Core.Errors;

namespace Hutong.Social.Moments;

public sealed partial class MomentsService
{
    public static readonly Error CommentNotFound = Error.NotFound(ErrorCodes.CommentNotFound, "No such comment.");

    /// <summary>Likes a post I may see; liking twice is one like.</summary>
    public async Task<Result<PostInfo>> LikeAsync(Guid me, Guid postId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(me, postId, cancellationToken) is not { } post)
        {
            return PostNotFound;
        }

        var at = clock.Now();
        var notice = post.AuthorId == me ? null : new Notice(Ids.New(clock), post.AuthorId, MomentNoticeKinds.Like, post.Id, me, at, null, null);
        if (await store.AddLikeAsync(new Like(post.Id, me, at), notice, cancellationToken) && notice is not null)
        {
            await TellAsync([notice]);
        }

        return Info(post, me, await store.InteractionsAsync(me, [post.Id], cancellationToken));
    }

    public async Task<Result<PostInfo>> UnlikeAsync(Guid me, Guid postId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(me, postId, cancellationToken) is not { } post)
        {
            return PostNotFound;
        }

        await store.RemoveLikeAsync(post.Id, me, cancellationToken);
        return Info(post, me, await store.InteractionsAsync(me, [post.Id], cancellationToken));
    }

    /// <summary>
    /// Comments on a post I may see, or replies to a comment on it that I may see. The post's author hears of it, and
    /// so does the person replied to, each only if they are friends with me (the mutual-friend rule).
    /// </summary>
    public async Task<Result<PostComment>> CommentAsync(Guid me, Guid postId, AddCommentRequest request, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(me, postId, cancellationToken) is not { } post)
        {
            return PostNotFound;
        }

        var errors = new FieldErrors();
        PostInput.ClientId(errors, request.ClientId);
        var text = PostInput.Text(errors, "text", request.Text, Limits.MaxCommentText);
        if (text is null && !errors.Any)
        {
            errors.Add("text", "A comment has text.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        Comment? target = null;
        if (request.ReplyToCommentId is not null)
        {
            if (!Ids.TryParse(request.ReplyToCommentId, out var targetId)
                || await store.FindCommentAsync(targetId, cancellationToken) is not { } found
                || found.PostId != post.Id
                || !await SeesAsync(me, found.AuthorId, cancellationToken))
            {
                return CommentNotFound;
            }

            target = found;
        }

        var comment = new Comment(Ids.New(clock), post.Id, me, request.ClientId, text!, clock.Now(), target?.Id, target?.AuthorId);
        var notices = new List<Notice>();
        if (target is not null && target.AuthorId != me)
        {
            notices.Add(new Notice(Ids.New(clock), target.AuthorId, MomentNoticeKinds.Reply, post.Id, me, comment.At, comment.Id, text));
        }

        if (post.AuthorId != me && target?.AuthorId != post.AuthorId)
        {
            notices.Add(new Notice(Ids.New(clock), post.AuthorId, MomentNoticeKinds.Comment, post.Id, me, comment.At, comment.Id, text));
        }

        var (stored, created) = await store.AddCommentAsync(comment, notices, cancellationToken);
        if (created)
        {
            await TellAsync(notices);
        }

        return CommentInfo(stored);
    }

    /// <summary>The comment's author and the post's author may delete it; to others it is not theirs to touch.</summary>
    public async Task<Result<Done>> DeleteCommentAsync(Guid me, Guid postId, Guid commentId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(me, postId, cancellationToken) is not { } post)
        {
            return PostNotFound;
        }

        if (await store.FindCommentAsync(commentId, cancellationToken) is not { } comment
            || comment.PostId != post.Id
            || !await SeesAsync(me, comment.AuthorId, cancellationToken))
        {
            return CommentNotFound;
        }

        if (comment.AuthorId != me && post.AuthorId != me)
        {
            return Error.Forbidden(ErrorCodes.NotAllowed, "Only its author and the post's author may delete a comment.");
        }

        await store.DeleteCommentAsync(commentId, cancellationToken);
        return Done.Value;
    }

    /// <summary>My Moments messages from people who are my friends now, newest first, with the unread count.</summary>
    public async Task<Result<MomentNoticePage>> NoticesAsync(Guid me, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var paging = SeqCursor.Page(limit, cursor, DefaultPageSize, MaxPageSize);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (take, before) = paging.Value;

        var notices = await store.NoticesAsync(me, before, take + 1, cancellationToken);
        var page = notices.Take(take).ToList();
        var unread = await store.UnreadNoticesAsync(me, cancellationToken);
        return new MomentNoticePage([.. page.Select(NoticeInfo)], unread, notices.Count > take ? SeqCursor.Format(page[^1].Seq) : null);
    }

    /// <summary>Marks my Moments messages read up to one of them, and tells my other devices.</summary>
    public async Task<Result<int>> ReadNoticesAsync(Guid me, ReadNoticesRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(request.UpTo, out var upTo))
        {
            return Error.Validation(new Dictionary<string, string[]> { ["upTo"] = ["upTo is the id of a notice."] });
        }

        await store.MarkNoticesReadAsync(me, upTo, cancellationToken);
        var unread = await store.UnreadNoticesAsync(me, cancellationToken);
        await events.AppendAsync(me, new MomentNoticesReadEvent(request.UpTo, unread));
        return unread;
    }

    /// <summary>Whether I may see what <paramref name="other"/> left: it is mine, or theirs and we are friends.</summary>
    private async Task<bool> SeesAsync(Guid me, Guid other, CancellationToken cancellationToken) =>
        other == me || (await contacts.FriendsNotBlockingAsync(me, [other], cancellationToken)).Contains(other)
            && (await contacts.FriendsNotBlockingAsync(other, [me], cancellationToken)).Contains(me);

    /// <summary>Pushes notices to their owners' devices, each only where owner and actor are friends.</summary>
    private async Task TellAsync(IReadOnlyList<Notice> notices)
    {
        foreach (var notice in notices)
        {
            if (!await SeesAsync(notice.OwnerId, notice.ActorId, CancellationToken.None))
            {
                continue;
            }

            var unread = await store.UnreadNoticesAsync(notice.OwnerId, CancellationToken.None);
            await events.AppendAsync(notice.OwnerId, new MomentNoticeEvent(NoticeInfo(notice), unread));
        }
    }

    private static MomentNotice NoticeInfo(Notice n) =>
        new(Ids.Format(n.Id), n.Kind, Ids.Format(n.PostId), Ids.Format(n.ActorId), n.At, n.CommentId is { } c ? Ids.Format(c) : null, n.Text);
}
