using Hutong.Contracts.Contacts;

namespace Hutong.Client;

/// <summary>The caller's friend tags: a name given to some of their friends, managed as one list.</summary>
public sealed partial class HutongClient
{
    /// <summary>Every tag with the friends who carry it, by name.</summary>
    public Task<FriendTagList> ListFriendTagsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/friend-tags", Json.FriendTagList, cancellationToken);

    /// <summary>Gives a new tag to these friends (at least one); a name in use is <c>tag_exists</c>.</summary>
    public Task<FriendTagInfo> CreateFriendTagAsync(string name, IReadOnlyList<string> memberIds, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/friend-tags", new CreateFriendTagRequest(name, memberIds), Json.CreateFriendTagRequest, Json.FriendTagInfo, cancellationToken);

    /// <summary>Renames the tag, or sets exactly who carries it, or both; null leaves either as it is.</summary>
    public Task<FriendTagInfo> UpdateFriendTagAsync(string name, string? newName, IReadOnlyList<string>? memberIds, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/friend-tags/{Escape(name)}", new UpdateFriendTagRequest(newName, memberIds), Json.UpdateFriendTagRequest, Json.FriendTagInfo, cancellationToken);

    /// <summary>Takes the tag off every friend who carries it.</summary>
    public Task DeleteFriendTagAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/friend-tags/{Escape(name)}", cancellationToken);
}
