using System.Security.Claims;
using Hutong.Contracts.Chat;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hutong.Chat;

/// <summary>docs/api.md "Conversations and messages".</summary>
public static class ChatApi
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Chat").RequireAuthorization();
        api.MapPost("/conversations", Create);
        api.MapGet("/conversations", List);
        api.MapGet("/conversations/{conversationId}", Get);
        api.MapPatch("/conversations/{conversationId}", UpdateGroup);
        api.MapDelete("/conversations/{conversationId}", Dissolve);
        api.MapPut("/conversations/{conversationId}/settings", UpdateSettings);
        api.MapPost("/conversations/{conversationId}/members", AddMembers);
        api.MapDelete("/conversations/{conversationId}/members/{userId}", RemoveMember);
        api.MapPut("/conversations/{conversationId}/members/{userId}/role", SetRole);
        api.MapPost("/conversations/{conversationId}/messages", Send);
        api.MapGet("/conversations/{conversationId}/messages", ReadMessages);
        api.MapPost("/conversations/{conversationId}/messages/{seq:long}/recall", Recall);
        api.MapDelete("/conversations/{conversationId}/messages/{seq:long}", DeleteForMe);
        api.MapPut("/conversations/{conversationId}/read", MarkRead);
        api.MapGet("/search/messages", Search);
        api.MapGet("/conversations/{conversationId}/qr", GetGroupQr);
        api.MapPost("/group-joins", JoinByCode);
        api.MapGet("/group-invitations", ListInvitations);
        api.MapPost("/group-invitations/{invitationId}/accept", AcceptInvitation);
        api.MapPost("/group-invitations/{invitationId}/decline", DeclineInvitation);
        return app;
    }

    private static async Task<Results<Created<CreateConversationResponse>, Ok<CreateConversationResponse>, ProblemHttpResult>> Create(
        CreateConversationRequest request, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken)
    {
        var result = await chat.CreateAsync(user.UserId(), request, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var (conversation, created) = result.Value;
        return created
            ? TypedResults.Created($"/api/v1/conversations/{conversation.ConversationId}", conversation)
            : TypedResults.Ok(conversation);
    }

    private static async Task<Ok<ConversationList>> List(ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        TypedResults.Ok(await chat.ListAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<ConversationDetails>, ProblemHttpResult>> Get(
        string conversationId, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.GetAsync(user.UserId(), id, cancellationToken)).ToOk() : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateGroup(
        string conversationId, UpdateGroupRequest request, ClaimsPrincipal user, ChatService chat) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.UpdateGroupAsync(user.UserId(), id, request)).ToNoContent() : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> Dissolve(string conversationId, ClaimsPrincipal user, ChatService chat) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.DissolveAsync(user.UserId(), id)).ToNoContent() : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateSettings(
        string conversationId, ConversationSettingsRequest request, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.UpdateSettingsAsync(user.UserId(), id, request, cancellationToken)).ToNoContent() : NotFound();

    private static async Task<Results<Ok<AddMembersResponse>, ProblemHttpResult>> AddMembers(
        string conversationId, AddMembersRequest request, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.AddMembersAsync(user.UserId(), id, request, cancellationToken)).ToOk() : NotFound();

    /// <summary>The caller's join code for the group: <c>?format=json</c> (default), <c>png</c> or <c>svg</c>.</summary>
    private static async Task<Results<Ok<GroupQrInfo>, FileContentHttpResult, ProblemHttpResult>> GetGroupQr(
        string conversationId, string? format, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(conversationId, out var id))
        {
            return NotFound();
        }

        var code = await chat.GetGroupCodeAsync(user.UserId(), id, cancellationToken);
        if (!code.IsSuccess)
        {
            return code.Error.ToProblem();
        }

        return format?.ToLowerInvariant() switch
        {
            null or "" or "json" => TypedResults.Ok(code.Value),
            "png" => TypedResults.File(Core.Qr.QrCodes.Png(code.Value.Link), "image/png"),
            "svg" => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Core.Qr.QrCodes.Svg(code.Value.Link)), "image/svg+xml"),
            _ => Conversations.ChatErrors.Invalid("format", "format is json, png or svg.").ToProblem(),
        };
    }

    private static async Task<Results<Ok<JoinGroupResponse>, ProblemHttpResult>> JoinByCode(
        JoinGroupRequest request, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        (await chat.JoinByCodeAsync(user.UserId(), request, cancellationToken)).ToOk();

    private static async Task<Ok<GroupInvitationList>> ListInvitations(ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        TypedResults.Ok(await chat.ListInvitationsAsync(user.UserId(), cancellationToken));

    private static async Task<Results<Ok<GroupInvitationInfo>, ProblemHttpResult>> AcceptInvitation(
        string invitationId, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(invitationId, out var id) ? (await chat.AnswerInvitationAsync(user.UserId(), id, true, cancellationToken)).ToOk() : NoInvitation();

    private static async Task<Results<Ok<GroupInvitationInfo>, ProblemHttpResult>> DeclineInvitation(
        string invitationId, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(invitationId, out var id) ? (await chat.AnswerInvitationAsync(user.UserId(), id, false, cancellationToken)).ToOk() : NoInvitation();

    private static ProblemHttpResult NoInvitation() =>
        Error.NotFound(Contracts.ErrorCodes.InvitationNotFound, "No such invitation waits for you.").ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMember(
        string conversationId, string userId, ClaimsPrincipal user, ChatService chat) =>
        Ids.TryParse(conversationId, out var id) && Ids.TryParse(userId, out var member)
            ? (await chat.RemoveMemberAsync(user.UserId(), id, member)).ToNoContent()
            : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> SetRole(
        string conversationId, string userId, SetRoleRequest request, ClaimsPrincipal user, ChatService chat) =>
        Ids.TryParse(conversationId, out var id) && Ids.TryParse(userId, out var member)
            ? (await chat.SetRoleAsync(user.UserId(), id, member, request)).ToNoContent()
            : NotFound();

    private static async Task<Results<Created<SendMessageResponse>, ProblemHttpResult>> Send(
        string conversationId, SendMessageRequest request, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(conversationId, out var id))
        {
            return NotFound();
        }

        var result = await chat.SendAsync(user.UserId(), id, request, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/conversations/{conversationId}/messages?afterSeq={result.Value.Seq - 1}&limit=1", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MessageList>, ProblemHttpResult>> ReadMessages(
        string conversationId, long? afterSeq, long? beforeSeq, int? limit, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.ReadMessagesAsync(user.UserId(), id, afterSeq, beforeSeq, limit, cancellationToken)).ToOk() : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> Recall(
        string conversationId, long seq, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.RecallAsync(user.UserId(), id, seq, cancellationToken)).ToNoContent() : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteForMe(
        string conversationId, long seq, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.DeleteForMeAsync(user.UserId(), id, seq, cancellationToken)).ToNoContent() : NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        string conversationId, ReadRequest request, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        Ids.TryParse(conversationId, out var id) ? (await chat.MarkReadAsync(user.UserId(), id, request.Seq, cancellationToken)).ToNoContent() : NotFound();

    private static async Task<Results<Ok<MessageSearchResult>, ProblemHttpResult>> Search(
        string? q, string? conversationId, int? limit, ClaimsPrincipal user, ChatService chat, CancellationToken cancellationToken) =>
        (await chat.SearchAsync(user.UserId(), q, conversationId, limit, cancellationToken)).ToOk();

    private static ProblemHttpResult NotFound() => Conversations.ChatErrors.ConversationNotFound.ToProblem();
}
