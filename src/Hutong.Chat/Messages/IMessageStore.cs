namespace Hutong.Chat.Messages;

/// <summary>Durable messages. Implemented by Hutong.Storage.</summary>
public interface IMessageStore
{
    /// <summary>Commits every unit in one transaction: the writer's group commit.</summary>
    Task WriteAsync(IReadOnlyList<IReadOnlyList<ChatWrite>> units, CancellationToken cancellationToken);

    Task<long> GetLastSeqAsync(Guid conversationId, CancellationToken cancellationToken);

    Task<ChatMessage?> FindAsync(Guid conversationId, long seq, CancellationToken cancellationToken);

    /// <summary>The newest messages' client ids, so a restarted conversation still recognises a resend.</summary>
    Task<IReadOnlyList<ChatMessage>> GetRecentAsync(Guid conversationId, int count, CancellationToken cancellationToken);

    Task<ChatMessage?> FindByClientMsgIdAsync(Guid conversationId, Guid senderId, string clientMsgId, CancellationToken cancellationToken);

    /// <summary>
    /// Messages the user may see, ascending: after <paramref name="afterSeq"/>, or the newest before
    /// <paramref name="beforeSeq"/>; never at or before <paramref name="visibleAfterSeq"/>, never ones they deleted.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> ReadAsync(
        Guid conversationId, Guid userId, long visibleAfterSeq, long? afterSeq, long? beforeSeq, int limit, CancellationToken cancellationToken);

    /// <summary>Hides the message from this user alone.</summary>
    Task DeleteForUserAsync(Guid userId, Guid conversationId, long seq, CancellationToken cancellationToken);
}
