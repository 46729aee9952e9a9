using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hutong.Wallet.Ledger;

/// <summary>
/// The node's group commit for money, as <c>ChatWriter</c> is for messages: requests from every caller wait in one
/// queue, and whatever gathered while the previous transaction committed goes into the next. Requests never depend on
/// one another across callers (each is checked against the balances the ones before it left), so many callers share
/// one transaction and each still gets its own outcome. A caller's task completes only once its transfers are durable.
/// </summary>
public sealed partial class LedgerWriter(ILedgerStore store, TimeProvider clock, ILogger<LedgerWriter> logger) : BackgroundService
{
    private const int MaxRequestsPerBatch = 2_000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Applies the requests in order, in one transaction with whatever else is waiting; one outcome each. Accounts in
    /// <paramref name="opening"/> are opened first where they do not exist.
    /// </summary>
    public Task<IReadOnlyList<TransferOutcome>> ApplyAsync(IReadOnlyList<TransferRequest> requests, IReadOnlyList<LedgerAccount>? opening = null)
    {
        var pending = new Pending(requests, opening ?? [], new TaskCompletionSource<IReadOnlyList<TransferOutcome>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The ledger writer has stopped.");
        }

        return pending.Done.Task;
    }

    /// <summary>One request, one outcome.</summary>
    public async Task<TransferOutcome> ApplyAsync(TransferRequest request, LedgerAccount? opening = null) =>
        (await ApplyAsync([request], opening is null ? null : [opening]))[0];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Shutting down: nothing new is taken, and what was already queued is still committed.
        _queue.Writer.TryComplete();
        while (await DrainAsync(batch) > 0)
        {
        }
    }

    /// <summary>Commits what is waiting, up to a batch; returns how many callers it served.</summary>
    private async Task<int> DrainAsync(List<Pending> batch)
    {
        var requests = 0;
        while (requests < MaxRequestsPerBatch && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
            requests += pending.Requests.Count;
        }

        var served = batch.Count;
        if (served > 0)
        {
            await CommitAsync(batch);
            batch.Clear();
        }

        return served;
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            // Not cancelled by shutdown: a batch that started is finished, so no acknowledged transfer is lost.
            var outcomes = await store.ApplyAsync(
                [.. batch.SelectMany(p => p.Requests)], [.. batch.SelectMany(p => p.Opening)], clock.GetUtcNow(), CancellationToken.None);
            var at = 0;
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult(outcomes.Skip(at).Take(pending.Requests.Count).ToList());
                at += pending.Requests.Count;
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One caller's failure (another node created the same id a moment ago) must not fail the others.
            BatchFailed(logger, ex, batch.Count);
        }
        catch (Exception ex)
        {
            WriteFailed(logger, ex);
            batch[0].Done.TrySetException(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                pending.Done.TrySetResult(await store.ApplyAsync(pending.Requests, pending.Opening, clock.GetUtcNow(), CancellationToken.None));
            }
            catch (Exception ex)
            {
                WriteFailed(logger, ex);
                pending.Done.TrySetException(ex);
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "A ledger batch of {Callers} callers failed; retrying them one by one.")]
    private static partial void BatchFailed(ILogger logger, Exception exception, int callers);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "A ledger write failed.")]
    private static partial void WriteFailed(ILogger logger, Exception exception);

    private sealed record Pending(IReadOnlyList<TransferRequest> Requests, IReadOnlyList<LedgerAccount> Opening, TaskCompletionSource<IReadOnlyList<TransferOutcome>> Done);
}
