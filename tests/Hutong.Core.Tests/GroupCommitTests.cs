using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Hutong.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hutong.Core.Tests;

/// <summary>
/// The group commit's engine, with a commit the test answers: each call to CommitAsync waits until the test lets it
/// succeed or fail, so what gathers meanwhile, and when callers hear back, is decided by the test and not by timing.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Meters for the tests that do not read them.</summary>
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnitsQueuedWhileACommitRuns_GoIntoTheNextBatchTogether()
    {
        using var writer = await HeldWriter.RunningAsync();
        var first = writer.Enqueue(new("a"));
        var running = await writer.NextCommitAsync();

        var gathered = new[] { writer.Enqueue(new("b")), writer.Enqueue(new("c")), writer.Enqueue(new("d")) };
        running.Succeed();
        var next = await writer.NextCommitAsync();
        next.Succeed();

        Assert.Equal(["a"], running.Names);
        Assert.Equal(["b", "c", "d"], next.Names);
        Assert.Equal("a done", await first.WaitAsync(Patience, Ct));
        Assert.Equal(["b done", "c done", "d done"], await Task.WhenAll(gathered).WaitAsync(Patience, Ct));
        await writer.StopAsync(Ct).WaitAsync(Patience, Ct);
        Assert.False(writer.Commits.TryRead(out _));
    }

    [Fact]
    public async Task ABatchThatFails_IsCommittedOneByOne_SoOnlyTheBadUnitFails()
    {
        using var writer = await HeldWriter.RunningAsync();
        var first = writer.Enqueue(new("a"));
        var running = await writer.NextCommitAsync();
        var (good, bad, alsoGood) = (writer.Enqueue(new("b")), writer.Enqueue(new("c")), writer.Enqueue(new("d")));
        running.Succeed();

        var batch = await writer.NextCommitAsync();
        batch.Fail();
        var callers = new[] { good, bad, alsoGood };
        var alone = new List<Commit>();
        for (var i = 0; i < 3; i++)
        {
            var commit = await writer.NextCommitAsync();
            alone.Add(commit);
            // The failed batch told no caller anything: each hears only once its own unit's commit has returned.
            Assert.DoesNotContain(callers[i..], caller => caller.IsCompleted);
            if (commit.Names[0] == "c")
            {
                commit.Fail();
            }
            else
            {
                commit.Succeed();
            }
        }

        Assert.Equal(["b", "c", "d"], batch.Names);
        Assert.Equal([["b"], ["c"], ["d"]], alone.Select(c => c.Names));
        Assert.Equal("a done", await first.WaitAsync(Patience, Ct));
        Assert.Equal("b done", await good.WaitAsync(Patience, Ct));
        Assert.Equal("c failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(Patience, Ct))).Message);
        Assert.Equal("d done", await alsoGood.WaitAsync(Patience, Ct));
    }

    [Fact]
    public async Task AUnitsTask_CompletesOnlyAfterItsCommitReturned()
    {
        using var writer = await HeldWriter.RunningAsync();
        var unit = writer.Enqueue(new("a"));
        var commit = await writer.NextCommitAsync();
        var completedAfterCommit = unit.ContinueWith(_ => commit.Returned, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

        // The commit is under way and holds: the unit is not durable, and its caller must not hear otherwise.
        Assert.False(unit.IsCompleted);
        commit.Succeed();

        Assert.Equal("a done", await unit.WaitAsync(Patience, Ct));
        Assert.True(await completedAfterCommit.WaitAsync(Patience, Ct));
    }

    [Fact]
    public async Task Stopping_TakesUnitsUntilEverythingElseHasStopped_ThenCommitsEverythingQueued_AndRefusesWhatComesAfter()
    {
        using var writer = await HeldWriter.RunningAsync(maxBatchWeight: 2);
        var first = writer.Enqueue(new("a"));
        var running = await writer.NextCommitAsync();
        // The host stops its services one by one (the silo among them, whose grains still write as they deactivate):
        // the writer keeps taking units until the host has stopped everything.
        await writer.StopAsync(Ct);
        var queued = "bcdef".Select(name => writer.Enqueue(new(name.ToString()))).ToList();

        var stopping = writer.StoppedAsync(Ct);
        var late = Assert.Throws<InvalidOperationException>(() => { _ = writer.Enqueue(new("late")); });
        running.Succeed();
        var drained = new List<Commit>();
        for (var i = 0; i < 3; i++)
        {
            var commit = await writer.NextCommitAsync();
            drained.Add(commit);
            commit.Succeed();
        }

        await stopping.WaitAsync(Patience, Ct);
        Assert.Equal([["b", "c"], ["d", "e"], ["f"]], drained.Select(c => c.Names));
        Assert.Equal("a done", await first.WaitAsync(Patience, Ct));
        Assert.Equal(["b done", "c done", "d done", "e done", "f done"], await Task.WhenAll(queued).WaitAsync(Patience, Ct));
        Assert.Contains("stopped", late.Message, StringComparison.Ordinal);
        Assert.False(writer.Commits.TryRead(out _));
    }

    [Fact]
    public async Task ABatch_NeverWeighsMoreThanTheMaximum_AndAHeavierUnitGoesAlone()
    {
        using var writer = await HeldWriter.RunningAsync(maxBatchWeight: 10);
        var hold = writer.Enqueue(new("hold"));
        var running = await writer.NextCommitAsync();
        var units = new Unit[] { new("b", 3), new("c", 3), new("d", 3), new("e", 3), new("f", 3), new("heavy", 12), new("g", 1), new("h", 9) };
        var tasks = units.Select(writer.Enqueue).ToList();

        running.Succeed();
        var batches = new List<Commit>();
        while (batches.Sum(b => b.Units.Count) < units.Length)
        {
            var commit = await writer.NextCommitAsync();
            batches.Add(commit);
            commit.Succeed();
        }

        await Task.WhenAll([hold, .. tasks]).WaitAsync(Patience, Ct);
        Assert.Equal([["b", "c", "d"], ["e", "f"], ["heavy"], ["g", "h"]], batches.Select(b => b.Names));
        Assert.All(batches.Where(b => b.Units.Count > 1), b => Assert.InRange(b.Units.Sum(u => u.Weight), 1, 10));
    }

    [Fact]
    public async Task EachCommittedTransaction_IsMeasured_UnderItsWritersName()
    {
        // A factory of the test's own: what other tests' writers measure meanwhile is not heard.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var sizes = new List<(int Units, object? Writer)>();
        var durations = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == "Hutong")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, units, tags, _) =>
        {
            Assert.Equal("hutong.group_commit.batch_size", instrument.Name);
            lock (sizes)
            {
                sizes.Add((units, tags.ToArray().Single(t => t.Key == "hutong.writer").Value));
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, seconds, _, _) =>
        {
            Assert.Equal("hutong.group_commit.duration", instrument.Name);
            lock (durations)
            {
                durations.Add(seconds);
            }
        });
        listener.Start();
        using var writer = await HeldWriter.RunningAsync(meters: meters);

        var first = writer.Enqueue(new("a"));
        var running = await writer.NextCommitAsync();
        var gathered = new[] { writer.Enqueue(new("b")), writer.Enqueue(new("c")), writer.Enqueue(new("d")) };
        running.Succeed();
        (await writer.NextCommitAsync()).Succeed();
        await Task.WhenAll([first, .. gathered]).WaitAsync(Patience, Ct);
        // A failed batch is not a transaction that committed; its units, retried one by one, are.
        var failing = new[] { writer.Enqueue(new("e")), writer.Enqueue(new("f")) };
        (await writer.NextCommitAsync()).Fail();
        (await writer.NextCommitAsync()).Succeed();
        (await writer.NextCommitAsync()).Fail();
        await failing[0].WaitAsync(Patience, Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing[1].WaitAsync(Patience, Ct));

        Assert.Equal([(1, "held"), (3, "held"), (1, "held")], sizes);
        Assert.Equal(3, durations.Count);
        Assert.All(durations, d => Assert.InRange(d, 0, Patience.TotalSeconds));
    }

    [Theory]
    [InlineData("ChatWriter", "chat")]
    [InlineData("EventLogWriter", "event_log")]
    [InlineData("Writer", "writer")]
    [InlineData("Batcher", "batcher")]
    public void AWritersName_IsItsTypeName_InSnakeCase_WithoutWriter(string typeName, string expected) =>
        Assert.Equal(expected, GroupCommit<Unit, string>.WriterName(typeName));

    internal sealed record Unit(string Name, int Weight = 1);

    /// <summary>One call to CommitAsync, held until the test answers it.</summary>
    internal sealed class Commit(IReadOnlyList<Unit> units)
    {
        private readonly TaskCompletionSource<IReadOnlyList<string>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<Unit> Units { get; } = units;

        public IReadOnlyList<string> Names => [.. Units.Select(u => u.Name)];

        public Task<IReadOnlyList<string>> Answer => _answer.Task;

        /// <summary>Whether the call has returned to the group commit.</summary>
        public bool Returned => _answer.Task.IsCompleted;

        public void Succeed() => _answer.SetResult([.. Units.Select(u => u.Name + " done")]);

        public void Fail() => _answer.SetException(new InvalidOperationException(string.Join(",", Units.Select(u => u.Name)) + " failed"));
    }

    /// <summary>A group commit whose commits wait for the test; it hands each call over as it begins.</summary>
    private sealed class HeldWriter(int maxBatchWeight, IMeterFactory meters) : GroupCommit<Unit, string>(NullLogger.Instance, meters)
    {
        private readonly Channel<Commit> _commits = Channel.CreateUnbounded<Commit>();

        public ChannelReader<Commit> Commits => _commits.Reader;

        protected override int MaxBatchWeight => maxBatchWeight;

        public static async Task<HeldWriter> RunningAsync(int maxBatchWeight = 1_000, IMeterFactory? meters = null)
        {
            var writer = new HeldWriter(maxBatchWeight, meters ?? Meters);
            await writer.StartAsync(Ct);
            return writer;
        }

        public Task<string> Enqueue(Unit unit) => EnqueueAsync(unit);

        /// <summary>The next call to CommitAsync, once it has begun.</summary>
        public async Task<Commit> NextCommitAsync() => await _commits.Reader.ReadAsync(Ct).AsTask().WaitAsync(Patience, Ct);

        protected override int Weight(Unit unit) => unit.Weight;

        protected override Task<IReadOnlyList<string>> CommitAsync(IReadOnlyList<Unit> units)
        {
            var commit = new Commit(units);
            _commits.Writer.TryWrite(commit);
            return commit.Answer;
        }
    }
}
