using Hutong.Core.Errors;
using Hutong.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hutong.Realtime.Log;

/// <summary>
/// The node's group commit for event logs: appends for every person on the node, up to a thousand per transaction, so
/// an event told to a whole group costs a few transactions, not one each. A singleton per node, which is safe with
/// several nodes: each entry's seq was already decided by its person's grain, and the database's key rejects a clash.
/// </summary>
public sealed class EventLogWriter(IEventLogStore store, ILogger<EventLogWriter> logger) : GroupCommit<EventLogWriter.Unit, Done>(logger)
{
    protected override int MaxBatchWeight => 1_000;

    /// <summary>
    /// Appends the entry, in one transaction with whatever else is waiting; unless <paramref name="after"/> (the task
    /// of the same person's previous append) failed: then it fails unwritten, or the log would skip a seq for good.
    /// </summary>
    public Task WriteAsync(Task? after, StoredEvent entry) => EnqueueAsync(new Unit(entry, after));

    protected override async Task<IReadOnlyList<Done>> CommitAsync(IReadOnlyList<Unit> units)
    {
        // A person's appends arrive in order, so the one an entry follows is in an earlier batch, which has finished, or
        // in this one; a failed batch is committed again one by one, in order, and the check then finds the failure.
        if (units.Any(u => u.After is { IsCompleted: true, IsCompletedSuccessfully: false }))
        {
            throw new InvalidOperationException("An append follows one that failed; it is not written, so that its log skips no seq.");
        }

        await store.AppendAsync([.. units.Select(u => u.Entry)], CancellationToken.None);
        return [.. Enumerable.Repeat(Done.Value, units.Count)];
    }

    /// <summary>An entry and the same person's previous append, if it follows one.</summary>
    public sealed record Unit(StoredEvent Entry, Task? After);
}
