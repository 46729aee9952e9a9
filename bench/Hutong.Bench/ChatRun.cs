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
    public static async Task<RunResult> RunAsync(ITarget target, string scenario, IReadOnlyList<Person> people, int window, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
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
            var senders = people.Select((p, i) => (Person: p, Session: sessions[i])).Where(x => x.Person.Sends)
                .SelectMany(x => Enumerable.Range(0, window).Select(_ => SendAsync(x.Session, acks, stop.Token))).ToList();

            // Measured only once the load has run for a while: a fresh process is still compiling its hot paths.
            await Task.Delay(warmup, cancellationToken);
            acks.Clear();
            deliveries.Clear();
            var before = target.Sample();
            var clock = Stopwatch.StartNew();
            await Task.Delay(duration, cancellationToken);
            await stop.CancelAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            var after = target.Sample();
            await Task.WhenAll(senders.Concat(receivers));
            return new RunResult(
                scenario, target.Name, people.Count, seconds, acks.Count / seconds, deliveries.Count / seconds,
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

    private static async Task SendAsync(IChatSession session, Latencies acks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
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
