namespace Hutong.Realtime.Log;

/// <summary>The durable per-person event logs. Implemented by Hutong.Storage.</summary>
public interface IEventLogStore
{
    /// <summary>Commits the entries in one transaction: the log writer's group commit.</summary>
    Task AppendAsync(IReadOnlyList<StoredEvent> entries, CancellationToken cancellationToken);

    Task<long> GetLastSeqAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid userId, long afterSeq, int limit, CancellationToken cancellationToken);
}
