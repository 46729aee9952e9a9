using System.Diagnostics.Metrics;
using Hutong.Core.Errors;
using Hutong.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hutong.Realtime.Log;

/// <summary>
/// The node's group commit for event logs: appends for every person on the node, up to a thousand entries per
/// transaction, and an event told to many people as one unit of its own. A singleton per node, which is safe with
/// several nodes: each entry's seq was already decided by its person's grain, and the database's key rejects a clash.
/// </summary>
public sealed class EventLogWriter(IEventLogStore store, ILogger<EventLogWriter> logger, IMeterFactory meters) : GroupCommit<EventLogWriter.Unit, Done>(logger, meters)
{
    protected override int MaxBatchWeight => 1_000;

    /// <summary>
    /// Appends the entry, in one transaction with whatever else is waiting; unless <paramref name="after"/> (the task
    /// of the same person's previous append) failed: then it fails unwritten, or the log would skip a seq for good.
    /// </summary>
    public Task WriteAsync(Task? after, StoredEvent entry) => EnqueueAsync(new Unit([entry], after));

    /// <summary>
    /// Appends entries of different people, all or none, as one unit: each person's grain reserved its entry's seq and
    /// holds back what follows it until told how this ended.
    /// </summary>
    public Task WriteAllAsync(IReadOnlyList<StoredEvent> entries) => EnqueueAsync(new Unit(entries, null));

    protected override int Weight(Unit unit) => unit.Entries.Count;

    protected override async Task<IReadOnlyList<Done>> CommitAsync(IReadOnlyList<Unit> units)
    {
        // A person's appends arrive in order, so the one an entry follows is in an earlier batch, which has finished, or
        // in this one; a failed batch is committed again one by one, in order, and the check then finds the failure.
        if (units.Any(u => u.After is { IsCompleted: true, IsCompletedSuccessfully: false }))
        {
            throw new InvalidOperationException("An append follows one that failed; it is not written, so that its log skips no seq.");
        }

        await store.AppendAsync([.. units.SelectMany(u => u.Entries)], CancellationToken.None);
        return [.. Enumerable.Repeat(Done.Value, units.Count)];
    }

    /// <summary>Entries written together, and the task of their person's previous append if they follow one.</summary>
    public sealed record Unit(IReadOnlyList<StoredEvent> Entries, Task? After);
}
