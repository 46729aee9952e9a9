using Hutong.Chat.Messages;

namespace Hutong.Chat.Search;

/// <summary>
/// Finds text in the messages a person may see (their conversations, since they joined, not recalled, not deleted
/// for them), newest first. Implemented by Hutong.Storage with SQLite FTS5 trigrams or PostgreSQL pg_trgm, so that
/// Chinese, Japanese and Korean text matches without word breaking.
/// </summary>
public interface IMessageSearch
{
    Task<IReadOnlyList<ChatMessage>> SearchAsync(Guid userId, string text, Guid? conversationId, int limit, CancellationToken cancellationToken);
}
