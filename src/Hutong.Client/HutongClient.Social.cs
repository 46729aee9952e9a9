using Hutong.Contracts.Social;

namespace Hutong.Client;

/// <summary>Moments and Status.</summary>
public sealed partial class HutongClient
{
    /// <summary>Posts to Moments; a resend with the same client id returns the first post.</summary>
    public Task<PostInfo> CreatePostAsync(CreatePostRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/moments/posts", request, Json.CreatePostRequest, Json.PostInfo, cancellationToken);

    public Task<PostInfo> GetPostAsync(string postId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/moments/posts/{Escape(postId)}", Json.PostInfo, cancellationToken);

    public Task DeletePostAsync(string postId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/moments/posts/{Escape(postId)}", cancellationToken);

    /// <summary>My timeline, newest first.</summary>
    public Task<PostPage> GetTimelineAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/moments/timeline?{Page(limit, cursor).TrimStart('&')}", Json.PostPage, cancellationToken);

    /// <summary>A person's album: their posts that I may see, newest first.</summary>
    public Task<PostPage> GetAlbumAsync(string userId, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/moments/users/{Escape(userId)}/posts?{Page(limit, cursor).TrimStart('&')}", Json.PostPage, cancellationToken);

    public Task<MomentsProfile> GetMomentsProfileAsync(string userId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/moments/users/{Escape(userId)}", Json.MomentsProfile, cancellationToken);

    public Task<MomentsProfile> UpdateMomentsSettingsAsync(UpdateMomentsSettingsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, "api/v1/moments/settings", request, Json.UpdateMomentsSettingsRequest, Json.MomentsProfile, cancellationToken);

    public Task<PostInfo> LikePostAsync(string postId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/moments/posts/{Escape(postId)}/like", Json.PostInfo, cancellationToken);

    public Task<PostInfo> UnlikePostAsync(string postId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/moments/posts/{Escape(postId)}/like", Json.PostInfo, cancellationToken);

    public Task<PostComment> CommentAsync(string postId, AddCommentRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/moments/posts/{Escape(postId)}/comments", request, Json.AddCommentRequest, Json.PostComment, cancellationToken);

    public Task DeleteCommentAsync(string postId, string commentId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/moments/posts/{Escape(postId)}/comments/{Escape(commentId)}", cancellationToken);

    /// <summary>My Moments messages, newest first, with the unread count.</summary>
    public Task<MomentNoticePage> GetMomentNoticesAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/moments/notices?{Page(limit, cursor).TrimStart('&')}", Json.MomentNoticePage, cancellationToken);

    public Task ReadMomentNoticesAsync(string upTo, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Post, "api/v1/moments/notices/read", new ReadNoticesRequest(upTo), Json.ReadNoticesRequest, cancellationToken);

    /// <summary>Posts a status; a resend with the same client id returns the first one.</summary>
    public Task<StatusInfo> PostStatusAsync(PostStatusRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/statuses", request, Json.PostStatusRequest, Json.StatusInfo, cancellationToken);

    /// <summary>My live statuses and my friends'.</summary>
    public Task<StatusBoard> GetStatusBoardAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/statuses", Json.StatusBoard, cancellationToken);

    public Task<StatusInfo> GetStatusAsync(string statusId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/statuses/{Escape(statusId)}", Json.StatusInfo, cancellationToken);

    public Task DeleteStatusAsync(string statusId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/statuses/{Escape(statusId)}", cancellationToken);

    /// <summary>Marks a status seen by me (a mark of my own, never told to its author).</summary>
    public Task MarkStatusSeenAsync(string statusId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/statuses/{Escape(statusId)}/seen", cancellationToken);

    public Task ReactToStatusAsync(string statusId, string reaction, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Put, $"api/v1/statuses/{Escape(statusId)}/reaction", new ReactToStatusRequest(reaction), Json.ReactToStatusRequest, cancellationToken);
}
