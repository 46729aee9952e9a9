using System.Diagnostics;
using System.Globalization;

namespace Hutong.Bench;

/// <summary>
/// Connects everyone, lets the senders send with a window of messages in flight for a fixed time, and counts what
/// reaches the other members. A message carries its send time, so a receiver measures send-to-deliver; the ack gives
/// send-to-ack. The same run, in the same shape, serves every system. The load runs for a warm-up before the measured
/// window starts, so a system is measured as it runs, not as it starts.
/// </summary>
internal static class ChatRun
{
    public static async Task<RunResult> RunAsync(ITarget target, Options options, IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        var sessions = new List<IChatSession>();
        try
        {
            foreach (var batch in people.Chunk(64))
            {
                sessions.AddRange(await Task.WhenAll(batch.Select(p => p.ConnectAsync(cancellationToken))));
            }

            var acks = new Latencies();
            var deliveries = new Latencies();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var receivers = sessions.Select(s => ReceiveAsync(s, deliveries, stop.Token)).ToList();
            var loops = people.Select((p, i) => (Person: p, Session: sessions[i])).Where(x => x.Person.Sends)
                .SelectMany(x => Enumerable.Repeat(x.Session, options.Window)).ToList();
            // With --rate, each loop sends on a schedule, spread evenly over the loops.
            var interval = options.Rate > 0 ? TimeSpan.FromSeconds(loops.Count / options.Rate) : TimeSpan.Zero;
            var senders = loops.Select((session, i) => SendAsync(session, acks, interval, interval * i / loops.Count, stop.Token)).ToList();

            // Measured only once the load has run for a while: a fresh process is still compiling its hot paths.
            await Task.Delay(options.Warmup, cancellationToken);
            acks.Clear();
            deliveries.Clear();
            var before = target.Sample();
            var clock = Stopwatch.StartNew();
            await Task.Delay(options.Duration, cancellationToken);
            await stop.CancelAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            var after = target.Sample();
            await Task.WhenAll(senders.Concat(receivers));
            return new RunResult(
                options.Scenario, target.Name, people.Count, seconds, acks.Count / seconds, deliveries.Count / seconds,
                acks.Summarize(), deliveries.Summarize(), (after.Cpu - before.Cpu).TotalSeconds, after.PeakRssBytes / 1048576.0);
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Sends one message at a time, each after the last was acked: as fast as that allows, or on a schedule. On a
    /// schedule, latency counts from when a message was due, so a server that falls behind cannot hide it by slowing
    /// the sender down.
    /// </summary>
    private static async Task SendAsync(IChatSession session, Latencies acks, TimeSpan interval, TimeSpan offset, CancellationToken stop)
    {
        var step = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        var due = Stopwatch.GetTimestamp() + (long)(offset.TotalSeconds * Stopwatch.Frequency);
        while (!stop.IsCancellationRequested)
        {
            long started;
            try
            {
                if (step > 0)
                {
                    started = due;
                    due += step;
                    if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), started) is { Ticks: > 0 } wait)
                    {
                        await Task.Delay(wait, stop);
                    }
                }
                else
                {
                    started = Stopwatch.GetTimestamp();
                }

                await session.SendAsync(started.ToString(CultureInfo.InvariantCulture) + " the quick brown fox jumps", stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            acks.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task ReceiveAsync(IChatSession session, Latencies deliveries, CancellationToken stop)
    {
        try
        {
            await foreach (var text in session.ReceiveAsync(stop))
            {
                if (long.TryParse(text.AsSpan(0, Math.Max(0, text.IndexOf(' ', StringComparison.Ordinal))), CultureInfo.InvariantCulture, out var sent))
                {
                    deliveries.Add(Stopwatch.GetElapsedTime(sent));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
