using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hutong.Chat.Messages;

/// <summary>
/// The node's group commit: appends from every conversation and user log wait in one queue, and whatever has gathered
/// while the previous transaction committed goes into the next one. Nothing waits on a timer, so a lone message is
/// written at once and a busy node writes thousands per transaction. A caller's task completes only after its unit is
/// durable.
/// </summary>
public sealed class ChatWriter(IMessageStore store, ILogger<ChatWriter> logger) : BackgroundService
{
    private const int MaxUnitsPerBatch = 1_000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Commits the writes together, in one transaction with whatever else is waiting.</summary>
    public Task WriteAsync(params IReadOnlyList<ChatWrite> unit)
    {
        var pending = new Pending(unit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The chat writer has stopped.");
        }

        return pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxUnitsPerBatch);
        var units = new List<IReadOnlyList<ChatWrite>>(MaxUnitsPerBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxUnitsPerBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                    units.Add(pending.Unit);
                }

                await CommitAsync(batch, units);
                batch.Clear();
                units.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Shutting down: no new writes are taken, and what was already queued is still committed.
        _queue.Writer.TryComplete();
        // (A single-reader channel cannot count what it holds, so each batch ends when reading does.)
        while (_queue.Reader.TryRead(out var queued))
        {
            batch.Add(queued);
            units.Add(queued.Unit);
            if (batch.Count == MaxUnitsPerBatch)
            {
                await CommitAsync(batch, units);
                batch.Clear();
                units.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await CommitAsync(batch, units);
        }
    }

    private async Task CommitAsync(List<Pending> batch, List<IReadOnlyList<ChatWrite>> units)
    {
        try
        {
            // Not cancelled by shutdown: a batch that started is finished, so no acknowledged write is lost.
            await store.WriteAsync(units, CancellationToken.None);
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult();
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad unit must not fail the others: commit them one by one.
            ChatLog.BatchFailed(logger, ex, batch.Count);
        }
        catch (Exception ex)
        {
            ChatLog.WriteFailed(logger, ex);
            batch[0].Done.TrySetException(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                await store.WriteAsync([pending.Unit], CancellationToken.None);
                pending.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                ChatLog.WriteFailed(logger, ex);
                pending.Done.TrySetException(ex);
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private sealed record Pending(IReadOnlyList<ChatWrite> Unit, TaskCompletionSource Done);
}
