using Hutong.Chat.Messages;

namespace Hutong.Chat.Tests;

/// <summary>The node's message store, whose writes fail while <see cref="Failing"/> is on, as a database that went away.</summary>
internal sealed class FailingMessageStore(IMessageStore inner) : IMessageStore
{
    private volatile bool _failing;
    private int _refused;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>How many writes failed.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public Task WriteAsync(IReadOnlyList<IReadOnlyList<ChatWrite>> units, CancellationToken cancellationToken)
    {
        if (_failing)
        {
            Interlocked.Increment(ref _refused);
            throw new TimeoutException("The database did not answer.");
        }

        return inner.WriteAsync(units, cancellationToken);
    }

    public Task<long> GetLastSeqAsync(Guid conversationId, CancellationToken cancellationToken) =>
        inner.GetLastSeqAsync(conversationId, cancellationToken);

    public Task<ChatMessage?> FindAsync(Guid conversationId, long seq, CancellationToken cancellationToken) =>
        inner.FindAsync(conversationId, seq, cancellationToken);

    public Task<IReadOnlyList<ChatMessage>> GetRecentAsync(Guid conversationId, int count, CancellationToken cancellationToken) =>
        inner.GetRecentAsync(conversationId, count, cancellationToken);

    public Task<ChatMessage?> FindByClientMsgIdAsync(Guid conversationId, Guid senderId, string clientMsgId, CancellationToken cancellationToken) =>
        inner.FindByClientMsgIdAsync(conversationId, senderId, clientMsgId, cancellationToken);

    public Task<IReadOnlyList<ChatMessage>> ReadAsync(
        Guid conversationId, Guid userId, long visibleAfterSeq, long? afterSeq, long? beforeSeq, int limit, CancellationToken cancellationToken) =>
        inner.ReadAsync(conversationId, userId, visibleAfterSeq, afterSeq, beforeSeq, limit, cancellationToken);

    public Task DeleteForUserAsync(Guid userId, Guid conversationId, long seq, CancellationToken cancellationToken) =>
        inner.DeleteForUserAsync(userId, conversationId, seq, cancellationToken);
}
