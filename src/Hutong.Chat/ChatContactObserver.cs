using Hutong.Accounts.Contacts;
using Hutong.Chat.Conversations;
using Hutong.Contracts.Contacts;
using Hutong.Contracts.Events;
using Hutong.Core;
using Hutong.Realtime.Log;

namespace Hutong.Chat;

/// <summary>
/// Follows contact changes: friends get their direct conversation, the direct conversation re-checks who may write,
/// and each change lands in the event logs of the devices that should hear of it (a decline is told to no one else).
/// </summary>
internal sealed class ChatContactObserver(ChatService chat, IConversationStore conversations, EventLog events, IGrainFactory grains) : IContactObserver
{
    public async Task OnContactChangedAsync(ContactChange change, CancellationToken cancellationToken)
    {
        var (actor, other) = (change.ActorId, change.OtherId);
        var requestId = change.RequestId is { } id ? Ids.Format(id) : null;
        switch (change.Kind)
        {
            case ContactChangeKind.RequestSent:
                await events.AppendAsync(other, new FriendRequestEvent(requestId!, Ids.Format(actor), FriendRequestStates.Pending));
                await events.AppendAsync(actor, new FriendRequestEvent(requestId!, Ids.Format(other), FriendRequestStates.Pending));
                break;
            case ContactChangeKind.RequestDeclined:
                await events.AppendAsync(actor, new FriendRequestEvent(requestId!, Ids.Format(other), FriendRequestStates.Declined));
                break;
            case ContactChangeKind.BecameFriends:
                var (conversationId, _) = await chat.EnsureDirectAsync(actor, other, cancellationToken);
                await RefreshAsync(conversationId);
                await events.AppendAsync(actor, new FriendsEvent(Ids.Format(other), FriendChanges.Added, requestId, Ids.Format(conversationId)));
                await events.AppendAsync(other, new FriendsEvent(Ids.Format(actor), FriendChanges.Added, requestId, Ids.Format(conversationId)));
                break;
            case ContactChangeKind.FriendshipEnded:
                await RefreshDirectAsync(actor, other, cancellationToken);
                await events.AppendAsync(actor, new FriendsEvent(Ids.Format(other), FriendChanges.Removed));
                await events.AppendAsync(other, new FriendsEvent(Ids.Format(actor), FriendChanges.Removed));
                break;
            case ContactChangeKind.FriendUpdated:
                await events.AppendAsync(actor, new FriendsEvent(Ids.Format(other), FriendChanges.Updated));
                break;
            case ContactChangeKind.Blocked:
            case ContactChangeKind.Unblocked:
                await RefreshDirectAsync(actor, other, cancellationToken);
                await events.AppendAsync(actor, new FriendsEvent(Ids.Format(other), change.Kind == ContactChangeKind.Blocked ? FriendChanges.Blocked : FriendChanges.Unblocked));
                break;
        }
    }

    public async Task OnFriendTagChangedAsync(FriendTagChange change, CancellationToken cancellationToken) =>
        await events.AppendAsync(change.UserId, new FriendTagEvent(
            change.Name,
            change.Kind switch
            {
                FriendTagChangeKind.Created => FriendTagChanges.Created,
                FriendTagChangeKind.Updated => FriendTagChanges.Updated,
                FriendTagChangeKind.Deleted => FriendTagChanges.Deleted,
                _ => throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Not a friend tag change."),
            },
            change.PreviousName));

    private async Task RefreshDirectAsync(Guid a, Guid b, CancellationToken cancellationToken)
    {
        var (low, high) = Conversation.DirectPair(a, b);
        if (await conversations.FindDirectAsync(low, high, cancellationToken) is { } direct)
        {
            await RefreshAsync(direct.Id);
        }
    }

    private Task RefreshAsync(Guid conversationId) => grains.GetGrain<IConversationGrain>(conversationId).RefreshAsync();
}
