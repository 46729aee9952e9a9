using System.Diagnostics;
using System.Globalization;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Gateway;

namespace Hutong.Bench.Broadcasts;

/// <summary>
/// The ceiling for a broadcast's pushes on this machine: the raw relay (no storage, no authentication, no cluster) with
/// the same number of devices in one conversation, each connected through <see cref="HutongGateway"/> as the
/// followers are, and one more device sending to them all. What it takes the relay to write one frame to every socket
/// and the generator to read them is what no node can beat here.
/// </summary>
internal static class RelayBroadcast
{
    private const string Conversation = "everyone";

    public static async Task<IReadOnlyList<SendResult>> RunAsync(int online, int sends, TimeSpan patience, CancellationToken cancellationToken)
    {
        await using var relay = await Target.StartRelayAsync(cancellationToken);
        using var sources = new LoopbackSources(relay.BaseAddress, online + 1);
        var arrivals = new Arrivals(online);
        var devices = Enumerable.Range(0, online).Select(i => new Device($"r{i}", i, relay, sources)).ToArray();
        await using var sender = new HutongGateway(new HutongClient(new HttpClient { BaseAddress = relay.BaseAddress }) { Token = "sender" }, sources.ConnectWebSocketAsync);
        try
        {
            await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 128, CancellationToken = cancellationToken }, async (d, ct) =>
                await d.ConnectAsync(arrivals, ct));
            sender.Track(Conversation, 0);
            await sender.ConnectAsync(cancellationToken: cancellationToken);

            var results = new List<SendResult>();
            for (var i = 0; i <= sends; i++)
            {
                var label = i == 0 ? "warm-up" : i.ToString(CultureInfo.InvariantCulture);
                var text = $"relay {label}";
                var done = arrivals.Expect(text);
                var cpu = relay.Sample().Cpu;
                var started = Stopwatch.GetTimestamp();
                await sender.SendTextAsync(Conversation, text, cancellationToken: cancellationToken);
                var answered = Stopwatch.GetTimestamp();
                try
                {
                    await done.WaitAsync(patience, cancellationToken);
                }
                catch (TimeoutException)
                {
                    Console.Error.WriteLine($"relay broadcast {label}: {arrivals.Count(text):N0} of {online:N0} devices had it after {patience.TotalSeconds:0} s.");
                }

                var (first, last) = arrivals.Span(text);
                double Ms(long at) => at == 0 ? double.NaN : Stopwatch.GetElapsedTime(started, at).TotalMilliseconds;
                results.Add(new SendResult(label, text, Ms(answered), Ms(first), Ms(last), arrivals.Count(text), (relay.Sample().Cpu - cpu).TotalSeconds));
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }

            return results;
        }
        finally
        {
            await Task.WhenAll(devices.Select(d => d.DisposeAsync().AsTask()));
        }
    }

    /// <summary>A device in the relay's one conversation, noting each message it is pushed.</summary>
    private sealed class Device(string user, int index, Target relay, LoopbackSources sources) : IAsyncDisposable
    {
        private readonly HutongGateway _gateway = new(new HutongClient(new HttpClient { BaseAddress = relay.BaseAddress }) { Token = user }, sources.ConnectWebSocketAsync);
        private readonly CancellationTokenSource _stop = new();
        private Task _reading = Task.CompletedTask;

        public async Task ConnectAsync(Arrivals arrivals, CancellationToken cancellationToken)
        {
            _gateway.Track(Conversation, 0);
            _reading = ReadAsync(_gateway.Subscribe<MessageFrame>(), arrivals);
            await _gateway.ConnectAsync(cancellationToken: cancellationToken);
        }

        private async Task ReadAsync(System.Threading.Channels.ChannelReader<MessageFrame> pushed, Arrivals arrivals)
        {
            await foreach (var frame in pushed.ReadAllAsync(_stop.Token))
            {
                if (frame.Message.Content is TextContent { Text: { } text })
                {
                    arrivals.Arrived(text, index);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _reading.ContinueWith(_ => { }, TaskScheduler.Default);
            await _gateway.DisposeAsync();
            _stop.Dispose();
        }
    }
}
