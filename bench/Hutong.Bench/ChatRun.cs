using System.Diagnostics;
using System.Globalization;
using Hutong.Client;
using Hutong.Contracts.Gateway;

namespace Hutong.Bench;

/// <summary>
/// Connects everyone, lets the senders send with a window of messages in flight for a fixed time, and counts what
/// reaches the other members. A message carries its send time, so a receiver measures send-to-deliver; the ack gives
/// send-to-ack. The same run, in the same shape, serves every system.
/// </summary>
internal static class ChatRun
{
    public static async Task<RunResult> RunAsync(Target target, string scenario, IReadOnlyList<Person> people, int window, TimeSpan duration, CancellationToken cancellationToken)
    {
        var gateways = new List<HutongGateway>();
        try
        {
            foreach (var batch in people.Chunk(64))
            {
                gateways.AddRange(await Task.WhenAll(batch.Select(async p =>
                {
                    var gateway = new HutongGateway(p.Client);
                    // Named in the hello: the device holds the conversation from its start.
                    gateway.Track(p.ConversationId, 0);
                    await gateway.ConnectAsync(cancellationToken: cancellationToken);
                    return gateway;
                })));
            }

            var acks = new Latencies();
            var deliveries = new Latencies();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var before = target.Sample();
            var clock = Stopwatch.StartNew();
            var receivers = people.Select((p, i) => ReceiveAsync(gateways[i], p.UserId, deliveries, stop.Token)).ToList();
            var senders = people.Select((p, i) => (Person: p, Gateway: gateways[i])).Where(x => x.Person.Sends)
                .SelectMany(x => Enumerable.Range(0, window).Select(_ => SendAsync(x.Gateway, x.Person.ConversationId, acks, stop.Token))).ToList();
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
            foreach (var gateway in gateways)
            {
                await gateway.DisposeAsync();
            }
        }
    }

    private static async Task SendAsync(HutongGateway gateway, string conversationId, Latencies acks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await gateway.SendTextAsync(conversationId, started.ToString(CultureInfo.InvariantCulture) + " the quick brown fox jumps", cancellationToken: stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            acks.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task ReceiveAsync(HutongGateway gateway, string me, Latencies deliveries, CancellationToken stop)
    {
        try
        {
            await foreach (var frame in gateway.Events.ReadAllAsync(stop))
            {
                // The echo of one's own message is not a delivery to someone else.
                if (frame is { Kind: EventKinds.Message, Message: { Text: { } text } message } && message.SenderId != me
                    && long.TryParse(text.AsSpan(0, Math.Max(0, text.IndexOf(' ', StringComparison.Ordinal))), CultureInfo.InvariantCulture, out var sent))
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
