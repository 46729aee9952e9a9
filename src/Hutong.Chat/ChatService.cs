using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Chat.Messages.Content;
using Hutong.Chat.Search;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.Realtime.Log;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Chat;

/// <summary>What the chat endpoints do: checks input and membership, reads storage, and leaves changes to the grains.</summary>
public sealed partial class ChatService(
    IConversationStore conversations,
    IMessageStore messages,
    EventLog events,
    IMessageSearch search,
    IInvitationStore invitations,
    SendLimiter sendLimiter,
    ContentHandlers handlers,
    IContactStore contacts,
    IAccountStore accounts,
    IGrainFactory grains,
    IOptions<ChatOptions> options,
    TimeProvider clock,
    ILogger<ChatService> logger)
{
    private const int MaxClientMsgIdLength = 64;

    private ChatOptions Limits => options.Value;

    /// <summary>Opens a direct conversation with a friend (the existing one if there is one), or creates a group.</summary>
    public async Task<Result<(CreateConversationResponse Conversation, bool Created)>> CreateAsync(Guid me, CreateConversationRequest request, CancellationToken cancellationToken)
    {
        switch (request.Kind)
        {
            case ConversationKinds.Direct:
                if (!Ids.TryParse(request.PeerUserId, out var peer) || peer == me)
                {
                    return ChatErrors.Invalid("peerUserId", "peerUserId is another person's user id.");
                }

                if (!(await contacts.GetRelationshipAsync(me, peer, clock.Now(), cancellationToken)).Friends)
                {
                    return Error.Forbidden(ErrorCodes.NotFriends, "You can chat directly only with friends.");
                }

                var (direct, created) = await EnsureDirectAsync(me, peer, cancellationToken);
                return (new CreateConversationResponse(Ids.Format(direct), ConversationKinds.Direct), created);
            case ConversationKinds.Group:
                var group = await CreateGroupAsync(me, request, cancellationToken);
                return group.IsSuccess ? (new CreateConversationResponse(Ids.Format(group.Value), ConversationKinds.Group), true) : group.Error;
            default:
                return ChatErrors.Invalid("kind", "kind is direct or group.");
        }
    }

    /// <summary>The pair's direct conversation, created on first need; safe to call from both sides at once.</summary>
    public async Task<(Guid Id, bool Created)> EnsureDirectAsync(Guid a, Guid b, CancellationToken cancellationToken)
    {
        var (low, high) = Conversation.DirectPair(a, b);
        if (await conversations.FindDirectAsync(low, high, cancellationToken) is { } existing)
        {
            return (existing.Id, false);
        }

        var now = clock.Now();
        var conversation = new Conversation(Ids.New(clock), ConversationKind.Direct, null, null, low, high, now, false);
        if (await conversations.TryCreateDirectAsync(conversation, now, cancellationToken))
        {
            ChatLog.ConversationCreated(logger, conversation.Id, ConversationKinds.Direct);
            return (conversation.Id, true);
        }

        return ((await conversations.FindDirectAsync(low, high, cancellationToken))!.Id, false);
    }

    private async Task<Result<Guid>> CreateGroupAsync(Guid me, CreateConversationRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var memberIds = new List<Guid>();
        foreach (var id in request.MemberIds ?? [])
        {
            if (Ids.TryParse(id, out var parsed))
            {
                memberIds.Add(parsed);
            }
            else
            {
                errors.Add("memberIds", $"'{id}' is not a user id.");
            }
        }

        memberIds = memberIds.Where(m => m != me).Distinct().ToList();
        if (memberIds.Count == 0)
        {
            errors.Add("memberIds", "A group needs at least one other member.");
        }
        else if (memberIds.Count + 1 > Limits.MaxGroupMembers)
        {
            errors.Add("memberIds", $"A group has at most {Limits.MaxGroupMembers} members.");
        }

        var name = request.Name is null ? null : NameText.Clean(request.Name) is { Length: > 0 } given ? given : null;
        if (name?.Length > Limits.MaxGroupNameLength)
        {
            errors.Add("name", $"A group name has at most {Limits.MaxGroupNameLength} characters.");
        }
        else if (name is not null && (NameText.HasControl(name) || NameText.IsBlank(name)))
        {
            errors.Add("name", "A group name needs a visible character and no control characters.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (await contacts.FirstStrangerAsync(me, memberIds, cancellationToken) is { } stranger)
        {
            return Error.Forbidden(ErrorCodes.NotFriends, "You can add only your friends.") with { Detail = Ids.Format(stranger) };
        }

        var now = clock.Now();
        var conversation = new Conversation(Ids.New(clock), ConversationKind.Group, string.IsNullOrEmpty(name) ? await DefaultNameAsync(me, memberIds, cancellationToken) : name, null, null, null, now, false);
        var members = memberIds.Select(m => new Member(conversation.Id, m, MemberRole.Member, now, 0, 0, false, false))
            .Prepend(new Member(conversation.Id, me, MemberRole.Owner, now, 0, 0, false, false))
            .ToList();
        await conversations.CreateGroupAsync(conversation, members, cancellationToken);
        ChatLog.ConversationCreated(logger, conversation.Id, ConversationKinds.Group);
        var announced = await grains.GetGrain<IConversationGrain>(conversation.Id).AnnounceCreatedAsync(me);
        if (!announced.IsSuccess)
        {
            return announced.Error;
        }

        // The creator too: their other devices learn of the group live, as the members' do.
        await events.AppendToEachAsync(memberIds.Prepend(me), new ConversationEvent(Ids.Format(conversation.Id), ConversationChanges.Joined));

        return conversation.Id;
    }

    /// <summary>An unnamed group is called after its first members, as people would name it.</summary>
    private async Task<string> DefaultNameAsync(Guid me, IReadOnlyList<Guid> memberIds, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var id in memberIds.Prepend(me).Take(3))
        {
            names.Add((await accounts.FindAsync(id, cancellationToken))?.DisplayName ?? "?");
        }

        var name = string.Join(", ", names);
        return name.Length > Limits.MaxGroupNameLength ? name[..Limits.MaxGroupNameLength] : name;
    }

    public async Task<ConversationList> ListAsync(Guid me, CancellationToken cancellationToken)
    {
        var rows = await conversations.ListForUserAsync(me, cancellationToken);
        var faces = await conversations.GetFacesAsync(
            [.. rows.Where(r => r.Conversation.Kind == ConversationKind.Group).Select(r => r.Conversation.Id)], 4, cancellationToken);
        return new ConversationList(rows
            .OrderByDescending(r => r.Mine.Pinned)
            .ThenByDescending(r => r.LastMessage?.SentAt ?? r.Conversation.CreatedAt)
            .Select(r => new ConversationSummary(
                Ids.Format(r.Conversation.Id),
                ChatWire.Name(r.Conversation.Kind),
                r.Conversation.Kind == ConversationKind.Direct ? r.PeerName ?? string.Empty : r.Conversation.Name ?? string.Empty,
                r.LastSeq,
                Math.Max(r.Mine.ReadSeq, r.Mine.VisibleAfterSeq),
                r.Unread,
                r.Mine.Muted,
                r.Mine.Pinned,
                r.LastMessage is null ? null : ChatWire.ToInfo(r.LastMessage),
                r.PeerId is { } peer ? Ids.Format(peer) : null,
                r.MemberCount,
                faces.TryGetValue(r.Conversation.Id, out var group)
                    ? [.. group.Select(c => new Face(Ids.Format(c.UserId), c.DisplayName, c.AvatarUrl))]
                    : null))
            .ToList());
    }

    public async Task<Result<ConversationDetails>> GetAsync(Guid me, Guid conversationId, CancellationToken cancellationToken)
    {
        if (await FindMembershipAsync(me, conversationId, cancellationToken) is not { } found)
        {
            return ChatErrors.ConversationNotFound;
        }

        var (conversation, mine) = found;
        var cards = await conversations.GetMemberCardsAsync(conversationId, cancellationToken);
        var name = conversation.Kind == ConversationKind.Direct
            ? cards.FirstOrDefault(c => c.Member.UserId != me)?.Card.DisplayName ?? string.Empty
            : conversation.Name ?? string.Empty;
        return new ConversationDetails(
            Ids.Format(conversation.Id), ChatWire.Name(conversation.Kind), name, conversation.Announcement,
            await messages.GetLastSeqAsync(conversationId, cancellationToken),
            Math.Max(mine.ReadSeq, mine.VisibleAfterSeq), mine.Muted, mine.Pinned, ChatWire.Name(mine.Role),
            cards.OrderByDescending(c => c.Member.Role).ThenBy(c => c.Member.JoinedAt)
                .Select(c => new MemberInfo(Ids.Format(c.Card.UserId), c.Card.Handle, c.Card.DisplayName, c.Card.AvatarUrl, ChatWire.Name(c.Member.Role), c.Member.JoinedAt))
                .ToList(),
            conversation.InviteApproval);
    }

    public async Task<Result<MessageList>> ReadMessagesAsync(Guid me, Guid conversationId, long? afterSeq, long? beforeSeq, int? limit, CancellationToken cancellationToken)
    {
        var paging = Paging.Parse(limit, null);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        if (afterSeq is < 0 || beforeSeq is < 1 || (afterSeq is not null && beforeSeq is not null))
        {
            return ChatErrors.Invalid("afterSeq", "Give afterSeq (0 or more) or beforeSeq (1 or more), not both.");
        }

        if (await FindMembershipAsync(me, conversationId, cancellationToken) is not { } found)
        {
            return ChatErrors.ConversationNotFound;
        }

        var list = await messages.ReadAsync(conversationId, me, found.Mine.VisibleAfterSeq, beforeSeq is null ? afterSeq ?? 0 : null, beforeSeq, paging.Value.Limit, cancellationToken);
        return new MessageList(list.Select(ChatWire.ToInfo).ToList());
    }

    public async Task<Result<Done>> RecallAsync(Guid me, Guid conversationId, long seq, CancellationToken cancellationToken)
    {
        var recalled = await grains.GetGrain<IConversationGrain>(conversationId).RecallAsync(me, seq);
        return recalled.IsSuccess ? Done.Value : recalled.Error;
    }

    /// <summary>Hides a message on the caller's own devices; no one else sees a difference.</summary>
    public async Task<Result<Done>> DeleteForMeAsync(Guid me, Guid conversationId, long seq, CancellationToken cancellationToken)
    {
        if (await FindMembershipAsync(me, conversationId, cancellationToken) is not { } found)
        {
            return ChatErrors.ConversationNotFound;
        }

        if (seq <= found.Mine.VisibleAfterSeq || await messages.FindAsync(conversationId, seq, cancellationToken) is null)
        {
            return ChatErrors.MessageNotFound;
        }

        await messages.DeleteForUserAsync(me, conversationId, seq, cancellationToken);
        await events.AppendAsync(me, new MessageDeletedEvent(Ids.Format(conversationId), seq));
        return Done.Value;
    }

    /// <summary>Moves the caller's read position; only the caller's own devices hear of it.</summary>
    public async Task<Result<Done>> MarkReadAsync(Guid me, Guid conversationId, long seq, CancellationToken cancellationToken)
    {
        if (seq < 0)
        {
            return ChatErrors.Invalid("seq", "seq is 0 or more.");
        }

        if (await FindMembershipAsync(me, conversationId, cancellationToken) is null)
        {
            return ChatErrors.ConversationNotFound;
        }

        var position = Math.Min(seq, await messages.GetLastSeqAsync(conversationId, cancellationToken));
        if (await conversations.AdvanceReadSeqAsync(conversationId, me, position, cancellationToken))
        {
            await events.AppendAsync(me, new ReadPositionEvent(Ids.Format(conversationId), position));
        }

        return Done.Value;
    }

    public async Task<Result<Done>> UpdateSettingsAsync(Guid me, Guid conversationId, ConversationSettingsRequest request, CancellationToken cancellationToken)
    {
        if (await FindMembershipAsync(me, conversationId, cancellationToken) is not { } found)
        {
            return ChatErrors.ConversationNotFound;
        }

        await conversations.UpdateSettingsAsync(conversationId, me, request.Muted ?? found.Mine.Muted, request.Pinned ?? found.Mine.Pinned, cancellationToken);
        await events.AppendAsync(me, new SettingsEvent(Ids.Format(conversationId)));
        return Done.Value;
    }

    /// <summary>The caller's own messages containing the text; case-insensitive where the database can be.</summary>
    public async Task<Result<MessageSearchResult>> SearchAsync(Guid me, string? query, string? conversationId, int? limit, CancellationToken cancellationToken)
    {
        var text = query?.Trim() ?? string.Empty;
        var paging = Paging.Parse(limit, null);
        var errors = new FieldErrors();
        if (text.Length is 0 or > 100)
        {
            errors.Add("q", "Search for 1 to 100 characters.");
        }

        Guid? within = null;
        if (conversationId is not null)
        {
            if (Ids.TryParse(conversationId, out var parsed))
            {
                within = parsed;
            }
            else
            {
                errors.Add("conversationId", "conversationId is a conversation's id.");
            }
        }

        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var found = await search.SearchAsync(me, text, within, paging.Value.Limit, cancellationToken);
        return new MessageSearchResult(found.Select(m => new MessageHit(Ids.Format(m.ConversationId), ChatWire.ToInfo(m))).ToList());
    }

    private async Task<(Conversation Conversation, Member Mine)?> FindMembershipAsync(Guid me, Guid conversationId, CancellationToken cancellationToken)
    {
        var mine = await conversations.FindMemberAsync(conversationId, me, cancellationToken);
        var conversation = mine is null ? null : await conversations.FindAsync(conversationId, cancellationToken);
        return conversation is null ? null : (conversation, mine!);
    }
}
