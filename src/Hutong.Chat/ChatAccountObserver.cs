using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Chat.Conversations;
using Hutong.Chat.Media;
using Hutong.Contracts.Events;
using Hutong.Core;
using Hutong.Realtime.Log;

namespace Hutong.Chat;

/// <summary>
/// Follows account changes: a new name or avatar reaches the devices of the person and their friends at once (an
/// event in each log); a deleted account leaves its groups, as if it had left itself, and its uploads are removed.
/// Its messages stay where they are, from a deleted account.
/// </summary>
internal sealed class ChatAccountObserver(
    IContactStore contacts, IConversationStore conversations, IMediaStore media, IBlobStore blobs, EventLog events, IGrainFactory grains) : IAccountObserver
{
    public async Task OnProfileChangedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var friends = await contacts.ListFriendsAsync(userId, 0, int.MaxValue, cancellationToken);
        await events.AppendToEachAsync(friends.Select(f => f.Card.UserId).Prepend(userId), new ProfileEvent(Ids.Format(userId)));
    }

    public async Task OnAccountDeletedAsync(Guid userId, CancellationToken cancellationToken)
    {
        foreach (var listing in await conversations.ListForUserAsync(userId, cancellationToken))
        {
            if (listing.Conversation.Kind == ConversationKind.Group && !listing.Conversation.Dissolved)
            {
                // Leaving as the member themself: ownership passes on as it does when an owner leaves.
                await grains.GetGrain<IConversationGrain>(listing.Conversation.Id).RemoveMemberAsync(userId, userId);
            }
        }

        foreach (var content in await media.RemoveUploadsAsync(userId, cancellationToken))
        {
            await blobs.DeleteAsync(content, cancellationToken);
        }
    }
}
