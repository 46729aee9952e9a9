using System.Diagnostics.Metrics;
using Hutong.Core.Errors;
using Hutong.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hutong.Chat.Messages;

/// <summary>
/// The node's group commit for chat: appends from every conversation, up to a thousand units per
/// transaction. A unit (a message with what goes with it) is written whole or not at all.
/// </summary>
public sealed class ChatWriter(IMessageStore store, ILogger<ChatWriter> logger, IMeterFactory meters) : GroupCommit<ChatWriter.Unit, Done>(logger, meters)
{
    protected override int MaxBatchWeight => 1_000;

    /// <summary>
    /// Commits the writes together, in one transaction with whatever else is waiting; unless <paramref name="after"/>
    /// (the task of the same log's previous write) failed: then they fail unwritten. A log hands seq N+1 to the writer
    /// before it knows whether N is durable; written past a failed N, it would skip a seq for good.
    /// </summary>
    public Task WriteAsync(Task? after, params IReadOnlyList<ChatWrite> unit) => EnqueueAsync(new Unit(unit, after));

    protected override async Task<IReadOnlyList<Done>> CommitAsync(IReadOnlyList<Unit> units)
    {
        // A log's units arrive in order, so the one a unit follows is in an earlier batch, which has finished, or in this
        // one. A failed batch is committed again one by one, in order, and the check then finds the failure.
        if (units.Any(u => u.After is { IsCompleted: true, IsCompletedSuccessfully: false }))
        {
            throw new InvalidOperationException("A write follows one that failed; it is not written, so that its log skips no seq.");
        }

        await store.WriteAsync([.. units.Select(u => u.Writes)], CancellationToken.None);
        return [.. Enumerable.Repeat(Done.Value, units.Count)];
    }

    /// <summary>Writes committed whole or not at all; <see cref="After"/> is the same log's previous write, if it chains.</summary>
    public sealed record Unit(IReadOnlyList<ChatWrite> Writes, Task? After);
}
