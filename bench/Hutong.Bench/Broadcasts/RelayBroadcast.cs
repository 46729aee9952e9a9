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
        var devices = Enumerable.Range(0, online).Select(i => new ListeningDevice<MessageFrame>(Member(relay, sources, $"r{i}"), i, TextOf)).ToArray();
        await using var sender = Member(relay, sources, "sender");
        try
        {
            await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 128, CancellationToken = cancellationToken }, async (d, ct) =>
                await d.ConnectAsync(arrivals, ct));
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

    /// <summary>A device in the relay's one conversation: the relay keeps no accounts, so its token is its name.</summary>
    private static HutongGateway Member(Target relay, LoopbackSources sources, string user)
    {
        var gateway = new HutongGateway(new HutongClient(new HttpClient { BaseAddress = relay.BaseAddress }) { Token = user }, sources.ConnectWebSocketAsync);
        gateway.Track(Conversation, 0);
        return gateway;
    }

    private static string? TextOf(MessageFrame frame) => frame.Message.Content is TextContent { Text: { } text } ? text : null;
}
