using Hutong.Chat.Messages;

namespace Hutong.Chat.Tests;

/// <summary>
/// The node's message store, whose writes fail while <see cref="Failing"/> is on, as a database that went away; or
/// whose next write alone waits and then fails, as one transaction lost to a blip.
/// </summary>
internal sealed class FailingMessageStore(IMessageStore inner) : IMessageStore
{
    private readonly TaskCompletionSource _heldWriteFails = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _failing;
    private int _refused;
    private TaskCompletionSource<IReadOnlyList<IReadOnlyList<ChatWrite>>>? _holdNext;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>How many writes failed.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>
    /// Holds the next write until <see cref="FailHeldWrite"/>, which fails it (once a store); the writes after it go through. The task
    /// completes once the held write has begun, with what it was to write.
    /// </summary>
    public Task<IReadOnlyList<IReadOnlyList<ChatWrite>>> HoldNextWriteAsync()
    {
        var held = new TaskCompletionSource<IReadOnlyList<IReadOnlyList<ChatWrite>>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _holdNext = held;
        return held.Task;
    }

    public void FailHeldWrite() => _heldWriteFails.TrySetResult();

    public async Task WriteAsync(IReadOnlyList<IReadOnlyList<ChatWrite>> units, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _holdNext, null) is { } hold)
        {
            hold.TrySetResult(units);
            await _heldWriteFails.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref _refused);
            throw new TimeoutException("The database did not answer.");
        }

        if (_failing)
        {
            Interlocked.Increment(ref _refused);
            throw new TimeoutException("The database did not answer.");
        }

        await inner.WriteAsync(units, cancellationToken);
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
