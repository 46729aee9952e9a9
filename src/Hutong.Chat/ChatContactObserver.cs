using Hutong.Accounts.Contacts;
using Hutong.Chat.Conversations;
using Hutong.Chat.Events;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Contacts;

namespace Hutong.Chat;

/// <summary>
/// Follows contact changes: friends get their direct conversation, the direct conversation re-checks who may write,
/// and each change lands in the event logs of the devices that should hear of it (a decline is told to no one else).
/// </summary>
internal sealed class ChatContactObserver(ChatService chat, IConversationStore conversations, IGrainFactory grains) : IContactObserver
{
    public async Task OnContactChangedAsync(ContactChange change, CancellationToken cancellationToken)
    {
        var (actor, other) = (change.ActorId, change.OtherId);
        switch (change.Kind)
        {
            case ContactChangeKind.RequestSent:
                await TellAsync(other, UserEventKinds.FriendRequest, actor, change.RequestId, FriendRequestStates.Pending);
                await TellAsync(actor, UserEventKinds.FriendRequest, other, change.RequestId, FriendRequestStates.Pending);
                break;
            case ContactChangeKind.RequestDeclined:
                await TellAsync(actor, UserEventKinds.FriendRequest, other, change.RequestId, FriendRequestStates.Declined);
                break;
            case ContactChangeKind.BecameFriends:
                var (conversationId, _) = await chat.EnsureDirectAsync(actor, other, cancellationToken);
                await RefreshAsync(conversationId);
                await TellAsync(actor, UserEventKinds.Friends, other, change.RequestId, "added", conversationId);
                await TellAsync(other, UserEventKinds.Friends, actor, change.RequestId, "added", conversationId);
                break;
            case ContactChangeKind.FriendshipEnded:
                await RefreshDirectAsync(actor, other, cancellationToken);
                await TellAsync(actor, UserEventKinds.Friends, other, null, "removed");
                await TellAsync(other, UserEventKinds.Friends, actor, null, "removed");
                break;
            case ContactChangeKind.FriendUpdated:
                await TellAsync(actor, UserEventKinds.Friends, other, null, "updated");
                break;
            case ContactChangeKind.Blocked:
            case ContactChangeKind.Unblocked:
                await RefreshDirectAsync(actor, other, cancellationToken);
                await TellAsync(actor, UserEventKinds.Friends, other, null, change.Kind == ContactChangeKind.Blocked ? "blocked" : "unblocked");
                break;
        }
    }

    private async Task RefreshDirectAsync(Guid a, Guid b, CancellationToken cancellationToken)
    {
        var (low, high) = Conversation.DirectPair(a, b);
        if (await conversations.FindDirectAsync(low, high, cancellationToken) is { } direct)
        {
            await RefreshAsync(direct.Id);
        }
    }

    private Task RefreshAsync(Guid conversationId) => grains.GetGrain<IConversationGrain>(conversationId).RefreshAsync();

    private Task<long> TellAsync(Guid userId, string kind, Guid other, Guid? requestId, string state, Guid? conversationId = null) =>
        grains.GetGrain<IUserGrain>(userId).AppendAsync(new UserEventData(kind, conversationId, null, other, requestId, state));
}
