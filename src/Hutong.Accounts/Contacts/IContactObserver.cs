namespace Hutong.Accounts.Contacts;

/// <summary>
/// Told of every contact change after it is committed, so other features can follow (Chat opens a direct conversation
/// when two people become friends, and logs events for their devices). Implementations must be idempotent.
/// </summary>
public interface IContactObserver
{
    Task OnContactChangedAsync(ContactChange change, CancellationToken cancellationToken);

    /// <summary>Told after a change of one person's friend tags is committed; it concerns no one else.</summary>
    Task OnFriendTagChangedAsync(FriendTagChange change, CancellationToken cancellationToken);
}
