using Hutong.Client;
using Hutong.Contracts.Events;
using Hutong.Contracts.Social;
using Hutong.Web.Contacts;
using Hutong.Web.Shared;

namespace Hutong.Web.Moments;

/// <summary>
/// What this device shows of Moments: the timeline and the albums opened (each a <see cref="PostFeed"/>), posts opened
/// alone, the covers met, and Moments messages with their unread count, which the gateway keeps live on subscriptions of
/// this store's own. A change to a post (a like, a comment) is applied wherever the post is held.
/// </summary>
public sealed class MomentsStore(HutongClient api, People people) : IChangeSource
{
    public const int PageSize = 20;

    private readonly Dictionary<string, PostFeed> _albums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostInfo> _opened = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MomentsProfile> _profiles = new(StringComparer.Ordinal);
    private readonly NewestAnswer<string> _loads = new();
    private readonly NewestAnswer _unreadLoads = new();
    private List<MomentNotice>? _notices;

    public PostFeed Timeline { get; private set; } = new();

    /// <summary>Moments messages not read yet: the number on Discover.</summary>
    public int Unread { get; private set; }

    /// <summary>Moments messages held, newest first; null until the list was opened.</summary>
    public IReadOnlyList<MomentNotice>? Notices => _notices;

    /// <summary>Where the next page of Moments messages starts; null at the end.</summary>
    public string? NextNotices { get; private set; }

    public event Action? Changed;

    public PostFeed Album(string userId)
    {
        if (!_albums.TryGetValue(userId, out var album))
        {
            _albums[userId] = album = new PostFeed();
        }

        return album;
    }

    /// <summary>A post held by any list, or opened alone.</summary>
    public PostInfo? Post(string postId) =>
        _opened.GetValueOrDefault(postId) ?? Timeline.Find(postId) ?? _albums.Values.Select(a => a.Find(postId)).FirstOrDefault(p => p is not null);

    public MomentsProfile? Profile(string userId) => _profiles.GetValueOrDefault(userId);

    /// <summary>
    /// Follows what the gateway says of Moments messages: a new one, or some read on another device. Called with each
    /// new gateway, before it connects; it ends with <paramref name="stop"/> or the gateway.
    /// </summary>
    public void Follow(HutongGateway gateway, CancellationToken stop)
    {
        _ = Subscriptions.FollowAsync(gateway.Subscribe<MomentNoticeEvent>(), OnNoticeAsync, stop);
        _ = Subscriptions.FollowAsync(gateway.Subscribe<MomentNoticesReadEvent>(), read =>
        {
            Unread = read.Unread;
            Changed?.Invoke();
            return Task.CompletedTask;
        }, stop);
    }

    /// <summary>Asks for the unread count (at start; the gateway tells of changes after).</summary>
    public async Task RefreshUnreadAsync()
    {
        try
        {
            if (await _unreadLoads.LoadAsync(() => api.GetMomentNoticesAsync(limit: 1), page => Unread = page.Unread))
            {
                Changed?.Invoke();
            }
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // The badge waits for the next notice or start.
        }
    }

    public Task LoadTimelineAsync() => LoadFirstAsync("timeline", Timeline, () => api.GetTimelineAsync(PageSize));

    public Task LoadAlbumAsync(string userId) => LoadFirstAsync("album:" + userId, Album(userId), () => api.GetAlbumAsync(userId, PageSize));

    public Task LoadMoreTimelineAsync() => LoadMoreAsync(Timeline, next => api.GetTimelineAsync(PageSize, next));

    public Task LoadMoreAlbumAsync(string userId) => LoadMoreAsync(Album(userId), next => api.GetAlbumAsync(userId, PageSize, next));

    /// <summary>One post, read again (from a Moments message, or after a change that may touch more than it shows).</summary>
    public async Task<PostInfo?> LoadPostAsync(string postId)
    {
        PostInfo? loaded = null;
        if (await _loads.LoadAsync("post:" + postId, () => api.GetPostAsync(postId), post => loaded = post) && loaded is not null)
        {
            _opened[postId] = loaded;
            await people.EnsureAsync(PeopleIn([loaded]));
            Apply(loaded);
        }

        return loaded ?? Post(postId);
    }

    public async Task LoadProfileAsync(string userId)
    {
        if (await _loads.LoadAsync("profile:" + userId, () => api.GetMomentsProfileAsync(userId), profile => _profiles[userId] = profile))
        {
            Changed?.Invoke();
        }
    }

    public async Task<PostInfo> CreateAsync(CreatePostRequest request)
    {
        var post = await api.CreatePostAsync(request);
        Timeline.Prepend(post);
        if (_albums.TryGetValue(post.AuthorId, out var album))
        {
            album.Prepend(post);
        }

        Changed?.Invoke();
        return post;
    }

    public async Task LikeAsync(string postId, bool like) =>
        Apply(like ? await api.LikePostAsync(postId) : await api.UnlikePostAsync(postId));

    public async Task CommentAsync(string postId, string clientId, string text, string? replyToCommentId)
    {
        var comment = await api.CommentAsync(postId, new AddCommentRequest(clientId, text, replyToCommentId));
        if (Post(postId) is { } post && !post.Comments.Any(c => c.Id == comment.Id))
        {
            Apply(post with { Comments = [.. post.Comments, comment] });
        }
    }

    public async Task DeleteCommentAsync(string postId, string commentId)
    {
        await api.DeleteCommentAsync(postId, commentId);
        if (Post(postId) is { } post)
        {
            Apply(post with { Comments = [.. post.Comments.Where(c => c.Id != commentId)] });
        }
    }

    public async Task DeletePostAsync(string postId)
    {
        await api.DeletePostAsync(postId);
        Timeline.Remove(postId);
        foreach (var album in _albums.Values)
        {
            album.Remove(postId);
        }

        _opened.Remove(postId);
        Changed?.Invoke();
    }

    /// <summary>My cover: an image uploaded now.</summary>
    public async Task SetCoverAsync(Stream image, string fileName)
    {
        var uploaded = await api.UploadMediaAsync(image, fileName);
        Keep(await api.UpdateMomentsSettingsAsync(new UpdateMomentsSettingsRequest(CoverId: uploaded.MediaId)));
    }

    /// <summary>How far back my friends may look (<see cref="MomentsRanges"/>).</summary>
    public async Task SetRangeAsync(string range) => Keep(await api.UpdateMomentsSettingsAsync(new UpdateMomentsSettingsRequest(Range: range)));

    /// <summary>The newest Moments messages, or the page after those held.</summary>
    public async Task LoadNoticesAsync(bool more = false)
    {
        var cursor = more ? NextNotices : null;
        if (more && cursor is null)
        {
            return;
        }

        MomentNoticePage? page = null;
        if (await _loads.LoadAsync("notices", () => api.GetMomentNoticesAsync(limit: 30, cursor: cursor), p => page = p) && page is not null)
        {
            await people.EnsureAsync(page.Notices.Select(n => n.ActorId));
            _notices = more && _notices is not null ? [.. _notices, .. page.Notices.Where(n => !_notices.Any(h => h.Id == n.Id))] : [.. page.Notices];
            NextNotices = page.NextCursor;
            Unread = page.Unread;
            Changed?.Invoke();
        }
    }

    /// <summary>Everything up to the newest held is read: the badge goes here and on my other devices.</summary>
    public async Task ReadNoticesAsync()
    {
        if (_notices is not [var newest, ..] || Unread == 0)
        {
            return;
        }

        await api.ReadMomentNoticesAsync(newest.Id);
        Unread = 0;
        Changed?.Invoke();
    }

    public void Clear()
    {
        Timeline = new PostFeed();
        _albums.Clear();
        _opened.Clear();
        _profiles.Clear();
        _notices = null;
        NextNotices = null;
        Unread = 0;
    }

    /// <summary>Everyone a post names: its author, who liked it and who commented.</summary>
    internal static IEnumerable<string> PeopleIn(IEnumerable<PostInfo> posts) =>
        posts.SelectMany(p => new[] { p.AuthorId }
            .Concat(p.Likes.Select(l => l.UserId))
            .Concat(p.Comments.Select(c => c.AuthorId))
            .Concat(p.Comments.Select(c => c.ReplyToUserId).OfType<string>()))
        .Distinct(StringComparer.Ordinal);

    private async Task LoadFirstAsync(string key, PostFeed feed, Func<Task<PostPage>> load)
    {
        PostPage? page = null;
        if (await _loads.LoadAsync(key, load, p => page = p) && page is not null)
        {
            await people.EnsureAsync(PeopleIn(page.Posts));
            feed.Reset(page);
            Changed?.Invoke();
        }
    }

    private async Task LoadMoreAsync(PostFeed feed, Func<string, Task<PostPage>> load)
    {
        if (feed.Next is not { } next || feed.LoadingMore)
        {
            return;
        }

        var generation = feed.Generation;
        feed.LoadingMore = true;
        Changed?.Invoke();
        try
        {
            var page = await load(next);
            await people.EnsureAsync(PeopleIn(page.Posts));
            feed.Append(page, generation);
        }
        finally
        {
            feed.LoadingMore = false;
            Changed?.Invoke();
        }
    }

    private void Apply(PostInfo post)
    {
        Timeline.Replace(post);
        foreach (var album in _albums.Values)
        {
            album.Replace(post);
        }

        if (_opened.ContainsKey(post.Id))
        {
            _opened[post.Id] = post;
        }

        Changed?.Invoke();
    }

    private void Keep(MomentsProfile profile)
    {
        _profiles[profile.UserId] = profile;
        Changed?.Invoke();
    }

    private async Task OnNoticeAsync(MomentNoticeEvent arrived)
    {
        Unread = arrived.Unread;
        await people.EnsureAsync([arrived.Notice.ActorId]);
        if (_notices is not null && !_notices.Any(n => n.Id == arrived.Notice.Id))
        {
            _notices.Insert(0, arrived.Notice);
        }

        Changed?.Invoke();
    }

}
