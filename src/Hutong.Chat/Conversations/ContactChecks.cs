using Hutong.Accounts.Contacts;

namespace Hutong.Chat.Conversations;

/// <summary>Who an actor may bring into a group: their friends who have not blocked them.</summary>
internal static class ContactChecks
{
    /// <summary>
    /// The first of <paramref name="userIds"/> the actor may not add, or null when they may add everyone; one query for
    /// all of them.
    /// </summary>
    public static async Task<Guid?> FirstStrangerAsync(
        this IContactStore contacts, Guid actorId, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        var welcoming = await contacts.FriendsNotBlockingAsync(actorId, userIds, cancellationToken);
        foreach (var userId in userIds)
        {
            if (!welcoming.Contains(userId))
            {
                return userId;
            }
        }

        return null;
    }
}
