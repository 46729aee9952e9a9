using Hutong.Accounts.Contacts;
using Hutong.Social.Moments;

namespace Hutong.Social;

/// <summary>
/// Follows contact changes where Moments keeps a name of its own: a visibility list names tags, so a renamed tag is
/// renamed in the lists of the person's posts too (friends carrying it keep seeing what it shared with them). Everything
/// else (friendships, blocks, chat-only, tag members) is read fresh on every read and needs nothing here.
/// </summary>
internal sealed class SocialContactObserver(IMomentsStore moments) : IContactObserver
{
    public Task OnContactChangedAsync(ContactChange change, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task OnFriendTagChangedAsync(FriendTagChange change, CancellationToken cancellationToken)
    {
        if (change is { Kind: FriendTagChangeKind.Updated, PreviousName: { } from } && from != change.Name)
        {
            await moments.RenameAudienceTagAsync(change.UserId, from, change.Name, cancellationToken);
        }
    }
}
