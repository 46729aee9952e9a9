using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Hutong.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hutong.Core.Storage;

/// <summary>
/// A node's group commit: units from every caller wait in one queue, and whatever has gathered while the previous
/// transaction committed goes into the next one. Nothing waits on a timer, so a lone unit is written at once and a busy
/// node writes thousands per transaction. A caller's task completes only after its unit is durable. Units must not
/// depend on one another, so that sharing a transaction changes no unit's result; should a batch fail, its units are
/// committed one by one, so one bad unit fails alone. Each committed transaction is measured
/// (<c>hutong.group_commit.batch_size</c> and <c>hutong.group_commit.duration</c>, tagged with the writer).
/// A writer stops last: after every other hosted service, the silo included, has stopped (<see cref="StoppedAsync"/>),
/// so grains that deactivate while their node leaves the cluster still write what they owe, and calls from other
/// nodes that reach a grain here meanwhile do not fail on a writer that has gone.
/// </summary>
public abstract partial class GroupCommit<TUnit, TResult> : BackgroundService, IHostedLifecycleService
{
    private static readonly IReadOnlyList<int> BatchBounds = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _duration;
    private readonly KeyValuePair<string, object?> _writer;

    protected GroupCommit(ILogger logger, IMeterFactory meters)
    {
        _logger = logger;
        var meter = HutongMeter.Create(meters);
        _batchSize = meter.CreateHistogram(
            "hutong.group_commit.batch_size", "{unit}", "Units committed together in one transaction.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBounds });
        _duration = meter.CreateHistogram(
            "hutong.group_commit.duration", "s", "How long one group-commit transaction took to become durable.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = HutongMeter.ShortSeconds });
        _writer = new("hutong.writer", WriterName(GetType().Name));
    }

    /// <summary>How much one transaction takes, in <see cref="Weight"/>.</summary>
    protected abstract int MaxBatchWeight { get; }

    /// <summary>Commits the units in one transaction; one result each, in order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitAsync(IReadOnlyList<TUnit> units);

    /// <summary>What a unit counts towards <see cref="MaxBatchWeight"/>.</summary>
    protected virtual int Weight(TUnit unit) => 1;

    /// <summary>Queues the unit; the task ends when it is durable, with its result.</summary>
    protected Task<TResult> EnqueueAsync(TUnit unit)
    {
        var pending = new Pending(unit, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException($"{GetType().Name} has stopped.");
        }

        return pending.Done.Task;
    }

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

        // Shutting down: nothing new is taken, and what was already queued is still committed. (A single-reader
        // channel cannot count what it holds: draining stops when a read finds nothing.)
        _queue.Writer.TryComplete();
        while (await DrainAsync(batch) > 0)
        {
        }
    }

    /// <summary>Not yet: see <see cref="StoppedAsync"/>.</summary>
    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Once everything else has stopped: takes nothing new, commits what is queued, and ends.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Commits what is waiting, up to <see cref="MaxBatchWeight"/> (a unit heavier than that goes alone); returns how
    /// many units it took.
    /// </summary>
    private async Task<int> DrainAsync(List<Pending> batch)
    {
        var weight = 0;
        // Peek before taking: the unit that would tip the batch over the limit waits for the next one.
        while (_queue.Reader.TryPeek(out var next) && (batch.Count == 0 || weight + Weight(next.Unit) <= MaxBatchWeight))
        {
            _queue.Reader.TryRead(out _);
            batch.Add(next);
            weight += Weight(next.Unit);
        }

        var taken = batch.Count;
        if (taken > 0)
        {
            await CommitBatchAsync(batch);
            batch.Clear();
        }

        return taken;
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        try
        {
            // Not cancelled by shutdown: a batch that started is finished, so no acknowledged unit is lost.
            var started = Stopwatch.GetTimestamp();
            var results = await CommitAsync([.. batch.Select(p => p.Unit)]);
            Committed(batch.Count, started);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            BatchFailed(_logger, ex, GetType().Name, batch.Count);
        }
        catch (Exception ex)
        {
            WriteFailed(_logger, ex, GetType().Name);
            batch[0].Done.TrySetException(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var result = (await CommitAsync([pending.Unit]))[0];
                Committed(1, started);
                pending.Done.TrySetResult(result);
            }
            catch (Exception ex)
            {
                WriteFailed(_logger, ex, GetType().Name);
                pending.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Measures a transaction that committed (failed ones are logged instead).</summary>
    private void Committed(int units, long started)
    {
        _batchSize.Record(units, _writer);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, _writer);
    }

    /// <summary>The writer as a tag value: <c>ChatWriter</c> is <c>chat</c>, <c>EventLogWriter</c> is <c>event_log</c>.</summary>
    internal static string WriterName(string typeName)
    {
        var name = typeName.EndsWith("Writer", StringComparison.Ordinal) && typeName.Length > "Writer".Length ? typeName[..^"Writer".Length] : typeName;
        var snake = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && snake.Length > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(c));
        }

        return snake.ToString();
    }

    // Core log events: ids 1-99.
    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "A {Writer} batch of {Count} units failed; committing them one by one")]
    private static partial void BatchFailed(ILogger logger, Exception exception, string writer, int count);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "A {Writer} unit failed for good")]
    private static partial void WriteFailed(ILogger logger, Exception exception, string writer);

    private sealed record Pending(TUnit Unit, TaskCompletionSource<TResult> Done);
}
