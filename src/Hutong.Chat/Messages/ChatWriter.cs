using Hutong.Core.Errors;
using Hutong.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Hutong.Chat.Messages;

/// <summary>
/// The node's group commit for chat: appends from every conversation, up to a thousand units per
/// transaction. A unit (a message with what goes with it) is written whole or not at all.
/// </summary>
public sealed class ChatWriter(IMessageStore store, ILogger<ChatWriter> logger) : GroupCommit<IReadOnlyList<ChatWrite>, Done>(logger)
{
    protected override int MaxBatchWeight => 1_000;

    /// <summary>Commits the writes together, in one transaction with whatever else is waiting.</summary>
    public Task WriteAsync(params IReadOnlyList<ChatWrite> unit) => EnqueueAsync(unit);

    protected override async Task<IReadOnlyList<Done>> CommitAsync(IReadOnlyList<IReadOnlyList<ChatWrite>> units)
    {
        await store.WriteAsync(units, CancellationToken.None);
        return [.. Enumerable.Repeat(Done.Value, units.Count)];
    }
}
