using Hutong.Accounts.Identity;

namespace Hutong.Chat.Conversations;

/// <summary>
/// Durable conversations and memberships. Implemented by Hutong.Storage. Changes to an existing conversation go through
/// the chat writer with their notices (<see cref="Messages.ChatWrite"/>).
/// </summary>
public interface IConversationStore
{
    Task<Conversation?> FindAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>The direct conversation of a pair, given in id order.</summary>
    Task<Conversation?> FindDirectAsync(Guid low, Guid high, CancellationToken cancellationToken);

    /// <summary>Creates a direct conversation with its two members; false when the pair already has one.</summary>
    Task<bool> TryCreateDirectAsync(Conversation conversation, DateTimeOffset at, CancellationToken cancellationToken);

    Task CreateGroupAsync(Conversation conversation, IReadOnlyList<Member> members, CancellationToken cancellationToken);

    Task<IReadOnlyList<Member>> GetMembersAsync(Guid conversationId, CancellationToken cancellationToken);

    Task<Member?> FindMemberAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberCard>> GetMemberCardsAsync(Guid conversationId, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="each"/> members of each conversation, by when they joined: a group's picture.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<UserCard>>> GetFacesAsync(IReadOnlyList<Guid> conversationIds, int each, CancellationToken cancellationToken);

    /// <summary>Moves the member's read position forward (never back); false when it was already there or further.</summary>
    Task<bool> AdvanceReadSeqAsync(Guid conversationId, Guid userId, long seq, CancellationToken cancellationToken);

    Task UpdateSettingsAsync(Guid conversationId, Guid userId, bool muted, bool pinned, CancellationToken cancellationToken);

    /// <summary>Where each of the user's conversations stands: what a reconnecting device compares with what it holds.</summary>
    Task<IReadOnlyList<MemberPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The user's conversations with what the chats list shows.</summary>
    Task<IReadOnlyList<ConversationListing>> ListForUserAsync(Guid userId, CancellationToken cancellationToken);
}
