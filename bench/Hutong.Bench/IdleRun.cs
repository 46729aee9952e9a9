using System.Diagnostics;
using Hutong.Client;

namespace Hutong.Bench;

/// <summary>
/// Holds many authenticated gateway connections open and reports what each costs the server's process. Its resident
/// memory (VmRSS) is read once a small warm-up set is connected, and again after the measured connections have
/// connected and sat idle for a few seconds; the difference over their number is the memory per connection. Nothing
/// forces the server to collect garbage: the figure is what a node holds, as the GC leaves it.
/// </summary>
internal static class IdleRun
{
    /// <summary>Connects in flight at once; more only overflows the listen backlog.</summary>
    private const int Concurrency = 128;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    public static async Task<Outcome> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var measured = options.Connections;
        var warmUp = Math.Clamp(measured / 100, 10, 500);
        // Each side holds a descriptor per connection, plus its own files and the seeding's pooled connections.
        OpenFiles.Require(measured + warmUp + 1_000);
        var results = new List<IdleResult>();
        await using (var relay = await Target.StartRelayAsync(cancellationToken))
        {
            using var sources = new LoopbackSources(relay.BaseAddress, measured + warmUp);
            // The relay keeps no accounts: a token is a name.
            var people = Enumerable.Range(0, measured + warmUp).Select(i => new HutongClient(sources.Api) { Token = $"u{i}" }).ToList();
            results.Add(await MeasureAsync(relay, sources, people, warmUp, 0, options.Settle, cancellationToken));
        }

        // The gateway closes a connection that sends nothing for 90 s, and HutongGateway sends no pings of its own, so
        // a connection made early would be closed before a large run has connected the rest: this run lifts the limit.
        await using (var hutong = await Target.StartHutongAsync(options.ServerDll, ["--Hutong:Gateway:IdleTimeout=01:00:00"], cancellationToken))
        {
            using var sources = new LoopbackSources(hutong.BaseAddress, measured + warmUp);
            var seeding = Stopwatch.StartNew();
            var people = (await Seeding.HutongPeopleAsync(hutong, sources.Api, measured + warmUp, cancellationToken)).Select(a => a.Client).ToList();
            results.Add(await MeasureAsync(hutong, sources, people, warmUp, seeding.Elapsed.TotalSeconds, options.Settle, cancellationToken));
        }

        // It worked when every measured connection was welcomed, synced and still open at the end.
        return new Outcome(IdleResult.Markdown(results), results, results.All(r => r.Held == r.Connections && r.Dropped == 0));
    }

    private static async Task<IdleResult> MeasureAsync(
        Target target, LoopbackSources sources, List<HutongClient> people, int warmUp, double seedSeconds, TimeSpan settle, CancellationToken cancellationToken)
    {
        var gateways = new HutongGateway?[people.Count];
        var dropped = 0;
        try
        {
            async Task ConnectAsync(int from, int to) =>
                await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
                {
                    var gateway = new HutongGateway(people[i], sources.ConnectWebSocketAsync);
                    gateways[i] = gateway;
                    try
                    {
                        // Returns once the server has sent welcome and synced.
                        await gateway.ConnectAsync(cancellationToken: ct).WaitAsync(ConnectTimeout, ct);
                        gateway.StateChanged += state =>
                        {
                            if (state == GatewayState.Offline)
                            {
                                Interlocked.Increment(ref dropped);
                            }
                        };
                    }
                    catch (Exception ex) when (ex is TimeoutException or HutongApiException)
                    {
                        Console.Error.WriteLine($"{target.Name}: connection {i} failed: {ex.Message}");
                    }
                });

            await ConnectAsync(0, warmUp);
            await Task.Delay(settle, cancellationToken);
            var before = target.ResidentBytes();
            var cpu = target.Sample().Cpu;
            var clock = Stopwatch.StartNew();
            await ConnectAsync(warmUp, people.Count);
            var connectSeconds = clock.Elapsed.TotalSeconds;
            cpu = target.Sample().Cpu - cpu;
            await Task.Delay(settle, cancellationToken);
            var after = target.ResidentBytes();
            var measured = people.Count - warmUp;
            var held = gateways.Skip(warmUp).Count(g => g?.State == GatewayState.Online);
            return new IdleResult(
                "idle", target.Name, measured, held, Volatile.Read(ref dropped), seedSeconds, connectSeconds,
                before / 1048576.0, after / 1048576.0, (after - before) / 1024.0 / measured, cpu.TotalSeconds, target.Sample().PeakRssBytes / 1048576.0);
        }
        finally
        {
            await Task.WhenAll(gateways.OfType<HutongGateway>().Select(g => g.DisposeAsync().AsTask()));
        }
    }
}
