using System.Globalization;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;

namespace Hutong.Client;

/// <summary>Conversations, messages and the per-user event log.</summary>
public sealed partial class HutongClient
{
    /// <summary>Opens the direct conversation with a friend; the existing one if there is one.</summary>
    public Task<CreateConversationResponse> OpenDirectAsync(string peerUserId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/conversations", new CreateConversationRequest(ConversationKinds.Direct, peerUserId, null, null),
            Json.CreateConversationRequest, Json.CreateConversationResponse, cancellationToken);

    /// <summary>Creates a group with the caller as owner; a null name names it after its first members.</summary>
    public Task<CreateConversationResponse> CreateGroupAsync(string? name, IReadOnlyList<string> memberIds, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/conversations", new CreateConversationRequest(ConversationKinds.Group, null, name, memberIds),
            Json.CreateConversationRequest, Json.CreateConversationResponse, cancellationToken);

    public Task<ConversationList> GetConversationsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/conversations", Json.ConversationList, cancellationToken);

    public Task<ConversationDetails> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/conversations/{Escape(conversationId)}", Json.ConversationDetails, cancellationToken);

    public Task UpdateGroupAsync(string conversationId, UpdateGroupRequest update, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Patch, $"api/v1/conversations/{Escape(conversationId)}", update, Json.UpdateGroupRequest, cancellationToken);

    public Task DissolveGroupAsync(string conversationId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/conversations/{Escape(conversationId)}", cancellationToken);

    public Task UpdateConversationSettingsAsync(string conversationId, ConversationSettingsRequest settings, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Put, $"api/v1/conversations/{Escape(conversationId)}/settings", settings, Json.ConversationSettingsRequest, cancellationToken);

    /// <summary>Adds friends to a group; some may wait for an admin's approval or their own acceptance.</summary>
    public Task<AddMembersResponse> AddMembersAsync(string conversationId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/conversations/{Escape(conversationId)}/members", new AddMembersRequest(userIds), Json.AddMembersRequest, Json.AddMembersResponse, cancellationToken);

    /// <summary>This member's join code for the group (shown as a QR).</summary>
    public Task<GroupQrInfo> GetGroupCodeAsync(string conversationId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/conversations/{Escape(conversationId)}/qr?format=json", Json.GroupQrInfo, cancellationToken);

    /// <summary>The group's QR code as PNG or SVG bytes.</summary>
    public async Task<byte[]> GetGroupQrAsync(string conversationId, string format = "png", CancellationToken cancellationToken = default) =>
        (await GetBytesAsync($"api/v1/conversations/{Escape(conversationId)}/qr?format={Escape(format)}", cancellationToken)).Bytes;

    /// <summary>Joins a group by the code of a scanned group QR.</summary>
    public Task<JoinGroupResponse> JoinGroupAsync(string code, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/group-joins", new JoinGroupRequest(code), Json.JoinGroupRequest, Json.JoinGroupResponse, cancellationToken);

    public Task<GroupInvitationList> GetGroupInvitationsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/group-invitations", Json.GroupInvitationList, cancellationToken);

    /// <summary>Accepts an invitation (as its invitee) or approves it (as the group's owner or an admin).</summary>
    public Task<GroupInvitationInfo> AcceptGroupInvitationAsync(string invitationId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/group-invitations/{Escape(invitationId)}/accept", Json.GroupInvitationInfo, cancellationToken);

    public Task<GroupInvitationInfo> DeclineGroupInvitationAsync(string invitationId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/group-invitations/{Escape(invitationId)}/decline", Json.GroupInvitationInfo, cancellationToken);

    /// <summary>Removes a member; removing oneself leaves the group.</summary>
    public Task RemoveMemberAsync(string conversationId, string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/conversations/{Escape(conversationId)}/members/{Escape(userId)}", cancellationToken);

    public Task SetRoleAsync(string conversationId, string userId, string role, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Put, $"api/v1/conversations/{Escape(conversationId)}/members/{Escape(userId)}/role", new SetRoleRequest(role), Json.SetRoleRequest, cancellationToken);

    public Task<SendMessageResponse> SendMessageAsync(string conversationId, SendMessageRequest message, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/conversations/{Escape(conversationId)}/messages", message, Json.SendMessageRequest, Json.SendMessageResponse, cancellationToken);

    /// <summary>Sends text under a fresh client message id.</summary>
    public Task<SendMessageResponse> SendTextAsync(string conversationId, string text, CancellationToken cancellationToken = default) =>
        SendMessageAsync(conversationId, new SendMessageRequest(ClientMsgIds.New(), new TextContent(text)), cancellationToken);

    /// <summary>Messages after <paramref name="afterSeq"/>, or the newest before <paramref name="beforeSeq"/>; ascending either way.</summary>
    public Task<MessageList> GetMessagesAsync(string conversationId, long? afterSeq = null, long? beforeSeq = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (afterSeq is { } after)
        {
            query.Add("afterSeq=" + after.ToString(CultureInfo.InvariantCulture));
        }

        if (beforeSeq is { } before)
        {
            query.Add("beforeSeq=" + before.ToString(CultureInfo.InvariantCulture));
        }

        if (limit is { } l)
        {
            query.Add("limit=" + l.ToString(CultureInfo.InvariantCulture));
        }

        return GetAsync($"api/v1/conversations/{Escape(conversationId)}/messages?{string.Join('&', query)}", Json.MessageList, cancellationToken);
    }

    public Task RecallAsync(string conversationId, long seq, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/conversations/{Escape(conversationId)}/messages/{seq.ToString(CultureInfo.InvariantCulture)}/recall", cancellationToken);

    /// <summary>Hides a message on this person's devices only.</summary>
    public Task DeleteMessageForMeAsync(string conversationId, long seq, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/conversations/{Escape(conversationId)}/messages/{seq.ToString(CultureInfo.InvariantCulture)}", cancellationToken);

    /// <summary>Marks everything up to <paramref name="seq"/> read; no one else learns of it.</summary>
    public Task MarkReadAsync(string conversationId, long seq, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Put, $"api/v1/conversations/{Escape(conversationId)}/read", new ReadRequest(seq), Json.ReadRequest, cancellationToken);

    /// <summary>This person's messages containing <paramref name="text"/>, newest first; optionally in one conversation.</summary>
    public Task<MessageSearchResult> SearchMessagesAsync(string text, string? conversationId = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync(
            $"api/v1/search/messages?q={Escape(text)}{(conversationId is null ? string.Empty : "&conversationId=" + Escape(conversationId))}{Page(limit, null)}",
            Json.MessageSearchResult, cancellationToken);

    /// <summary>This person's events after <paramref name="after"/>: what their devices sync besides messages.</summary>
    public Task<UserEventList> GetEventsAsync(long after = 0, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/events?after={after.ToString(CultureInfo.InvariantCulture)}{Page(limit, null)}", Json.UserEventList, cancellationToken);
}
