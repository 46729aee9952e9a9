using Hutong.Accounts.Contacts;

namespace Hutong.Chat.Conversations;

/// <summary>Who an actor may bring into a group: their friends who have not blocked them.</summary>
internal static class ContactChecks
{
    /// <summary>The first of <paramref name="userIds"/> the actor may not add, or null when they may add everyone.</summary>
    public static async Task<Guid?> FirstStrangerAsync(
        this IContactStore contacts, Guid actorId, IEnumerable<Guid> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var userId in userIds)
        {
            var relationship = await contacts.GetRelationshipAsync(actorId, userId, now, cancellationToken);
            if (!relationship.Friends || relationship.TheyBlockedMe)
            {
                return userId;
            }
        }

        return null;
    }
}
