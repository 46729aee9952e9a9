using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Chat;
using Hutong.Chat.Conversations;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.Login;

namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>
/// Share tickets for cards: a person opening a game's card from a group chat asks for the card's ticket, which the
/// game's open data context passes to <c>wx.getGroupCloudStorage</c>. Only a member who can see the card gets one,
/// and a ticket is honoured only for its app and only while its user is in the group.
/// </summary>
public sealed class ShareTicketService(
    MiniProgramService apps, ChatService chat, IGrainFactory grains, ShareTickets tickets, ILoginStore logins, OpenIds ids, TimeProvider clock)
{
    /// <summary>How long a ticket lasts: the host asks again each time the card is opened.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public static readonly Error Invalid = Error.NotFound(ErrorCodes.ShareTicketInvalid, "That share ticket does not open a group's leaderboard for you.");

    public static readonly Error SessionRequired = Error.Conflict(
        ErrorCodes.SessionRequired, "The mini-program has not signed you in yet.", "Its server exchanges a wx.login code first.");

    private static readonly Error ConversationNotFound = Error.NotFound(ErrorCodes.ConversationNotFound, "No such conversation.");

    private static readonly Error CardNotFound = Error.NotFound(ErrorCodes.MessageNotFound, "No such card of this mini-program.");

    /// <summary>
    /// The ticket of the card at <paramref name="request"/>'s place, which must be one of this app that the caller can
    /// see; no ticket (null) for a card in a direct chat or a dissolved group, as WeChat gives none outside groups.
    /// </summary>
    public async Task<Result<ShareTicketInfo>> IssueAsync(Guid me, string appId, ShareTicketRequest request, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        if (!Ids.TryParse(request.ConversationId, out var conversationId)
            || await grains.GetGrain<IConversationGrain>(conversationId).FindMembershipAsync(me) is not { } membership)
        {
            return ConversationNotFound;
        }

        if (request.Seq <= 0)
        {
            return CardNotFound;
        }

        // Read as the caller reads the chat, so a card from before they joined, or one they deleted, is not theirs.
        var read = await chat.ReadMessagesAsync(me, conversationId, request.Seq - 1, null, 1, cancellationToken);
        if (!read.IsSuccess)
        {
            return read.Error;
        }

        if (read.Value.Messages.FirstOrDefault(m => m.Seq == request.Seq)?.Content is not MiniProgramContent card || card.AppId != app.AppId)
        {
            return CardNotFound;
        }

        if (membership.Kind != ConversationKind.Group || !membership.Open)
        {
            return new ShareTicketInfo(null, null);
        }

        var expires = clock.GetUtcNow() + Lifetime;
        return new ShareTicketInfo(await tickets.IssueAsync(app.Id, conversationId, expires, cancellationToken), expires);
    }

    /// <summary>
    /// <c>wx.getShareInfo</c>: the group's openGId at this app, with WeChat's watermark (the app id and the time),
    /// encrypted under the caller's current session key as WeChat's encrypted data is, so only the game's server reads
    /// it; for a member of the group only.
    /// </summary>
    public async Task<Result<ShareInfo>> ShareInfoAsync(Guid me, string appId, ShareInfoRequest request, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        if (await GroupAsync(me, app, request.ShareTicket, cancellationToken) is not { } groupId)
        {
            return Invalid;
        }

        if (await logins.SessionKeyAsync(app.Id, me, cancellationToken) is not { } sessionKey)
        {
            return SessionRequired;
        }

        var data = new JsonObject
        {
            ["openGId"] = await ids.GroupIdAsync(app.AppId, groupId, cancellationToken),
            ["watermark"] = new JsonObject { ["appid"] = app.AppId, ["timestamp"] = clock.GetUtcNow().ToUnixTimeSeconds() },
        };
        using var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(sessionKey);
        var iv = RandomNumberGenerator.GetBytes(16);
        var encrypted = aes.EncryptCbc(Encoding.UTF8.GetBytes(data.ToJsonString()), iv, PaddingMode.PKCS7);
        return new ShareInfo(Convert.ToBase64String(encrypted), Convert.ToBase64String(iv));
    }

    /// <summary>The group a ticket opens for the caller at the app: only the app's ticket, only while they are in the group.</summary>
    internal async Task<Guid?> GroupAsync(Guid me, MiniProgram app, string? ticket, CancellationToken cancellationToken)
    {
        if (await tickets.ReadAsync(ticket, clock.GetUtcNow(), cancellationToken) is not { } named || named.AppKey != app.Id)
        {
            return null;
        }

        var membership = await grains.GetGrain<IConversationGrain>(named.ConversationId).FindMembershipAsync(me);
        return membership is { Kind: ConversationKind.Group, Open: true } ? named.ConversationId : null;
    }
}
