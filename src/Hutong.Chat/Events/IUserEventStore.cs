namespace Hutong.Chat.Events;

/// <summary>Reads of the per-user event log; writes go through the chat writer. Implemented by Hutong.Storage.</summary>
public interface IUserEventStore
{
    Task<long> GetLastSeqAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredUserEvent>> ReadAsync(Guid userId, long afterSeq, int limit, CancellationToken cancellationToken);
}
