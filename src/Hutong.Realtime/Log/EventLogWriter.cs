using Hutong.Core.Errors;
using Hutong.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hutong.Realtime.Log;

/// <summary>
/// The node's group commit for event logs: appends for every person on the node, up to a thousand per transaction, so
/// an event told to a whole group costs a few transactions, not one each. A singleton per node, which is safe with
/// several nodes: each entry's seq was already decided by its person's grain, and the database's key rejects a clash.
/// </summary>
public sealed class EventLogWriter(IEventLogStore store, ILogger<EventLogWriter> logger) : GroupCommit<StoredEvent, Done>(logger)
{
    protected override int MaxBatchWeight => 1_000;

    public Task WriteAsync(StoredEvent entry) => EnqueueAsync(entry);

    protected override async Task<IReadOnlyList<Done>> CommitAsync(IReadOnlyList<StoredEvent> units)
    {
        await store.AppendAsync(units, CancellationToken.None);
        return [.. Enumerable.Repeat(Done.Value, units.Count)];
    }
}
