using System.Diagnostics;
using Hutong.Client;

namespace Hutong.Bench;

/// <summary>Many devices reading a paged list (a timeline, a thread) as people scroll it, measured over a window.</summary>
internal static class PagedReads
{
    /// <summary>A visit reads the first page and follows the cursor for up to this many pages in all (one to ten, at random).</summary>
    private const int VisitPages = 10;

    /// <summary>
    /// Every device reads as a person scrolls: the first page, then the next ones by cursor, one to
    /// <see cref="VisitPages"/> pages a visit, and again from the top; <paramref name="think"/> between pages. Measured after the
    /// warm-up; pages in flight when the window closes are not counted. A pause (half to one and a half times
    /// <paramref name="think"/>) starts when a page has arrived, so the readers offer about readers / (think + latency)
    /// pages a second.
    /// </summary>
    public static async Task<ReadResult> RunAsync(
        Target hutong, HutongClient[] devices, Func<HutongClient, string?, CancellationToken, Task<(int Items, string? Next)>> read, TimeSpan think, Options options, CancellationToken cancellationToken)
    {
        var first = new Latencies();
        var next = new Latencies();
        var all = new Latencies();
        var pages = 0;
        var posts = 0L;
        var errors = 0;
        var measuring = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task ReaderAsync(HutongClient device, Random random)
        {
            // Readers that start together and pause alike would stay in step and arrive in bursts: start each at a
            // random moment within one pause, and vary each pause by half either way.
            if (think > TimeSpan.Zero)
            {
                await Task.Delay(think * random.NextDouble(), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            while (!stop.IsCancellationRequested)
            {
                var depth = random.Next(1, VisitPages + 1);
                string? cursor = null;
                for (var p = 0; p < depth && !stop.IsCancellationRequested; p++)
                {
                    var started = Stopwatch.GetTimestamp();
                    (int Items, string? Next) page;
                    try
                    {
                        page = await read(device, cursor, cancellationToken);
                    }
                    catch (Exception ex) when (ex is HutongApiException or HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                        Console.Error.WriteLine($"a page read failed: {ex.Message}");
                        break;
                    }

                    var elapsed = Stopwatch.GetElapsedTime(started);
                    if (Volatile.Read(ref measuring) == 1)
                    {
                        (p == 0 ? first : next).Add(elapsed);
                        all.Add(elapsed);
                        Interlocked.Increment(ref pages);
                        Interlocked.Add(ref posts, page.Items);
                    }

                    cursor = page.Next;
                    if (cursor is null)
                    {
                        break;
                    }

                    if (think > TimeSpan.Zero)
                    {
                        await Task.Delay(think * (0.5 + random.NextDouble()), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    }
                }
            }
        }

        var readers = devices.Select((d, i) => Task.Run(() => ReaderAsync(d, new Random(i)), cancellationToken)).ToArray();
        await Task.Delay(options.Warmup, cancellationToken);
        Volatile.Write(ref measuring, 1);
        var cpu = hutong.Sample().Cpu;
        var clock = Stopwatch.StartNew();
        await Task.Delay(options.Duration, cancellationToken);
        Volatile.Write(ref measuring, 0);
        var seconds = clock.Elapsed.TotalSeconds;
        var used = (hutong.Sample().Cpu - cpu).TotalSeconds;
        var counted = Volatile.Read(ref pages);
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        return new ReadResult(
            devices.Length, think.TotalMilliseconds, counted, seconds, counted / seconds, counted == 0 ? 0 : (double)Interlocked.Read(ref posts) / counted,
            first.Summarize(), next.Summarize(), all.Summarize(), used, counted == 0 ? 0 : used * 1000 / counted, Volatile.Read(ref errors));
    }

}

/// <summary>Pages read by many devices at once, over the measured window.</summary>
internal sealed record ReadResult(
    int Readers,
    double ThinkMs,
    int Pages,
    double Seconds,
    double PagesPerSecond,
    double PostsPerPage,
    LatencySummary FirstPage,
    LatencySummary NextPages,
    LatencySummary All,
    double ServerCpuSeconds,
    double CpuMsPerPage,
    int Errors)
{
    /// <summary>A table of reads, a row each; <paramref name="items"/> names what a page holds (posts, items).</summary>
    public static string Table(IEnumerable<ReadResult> reads, string items) => Report.Table(
        $"readers | think ms | pages | pages/s | {items} a page | first page p50/p99 ms | next pages p50/p99 ms | all p50/p99/max ms | server CPU s | CPU ms/page | errors",
        reads.Select(r => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{r.Readers} | {r.ThinkMs:0} | {r.Pages:N0} | {r.PagesPerSecond:N0} | {r.PostsPerPage:0.0} | {r.FirstPage.P50:0.0}/{r.FirstPage.P99:0.0} | {r.NextPages.P50:0.0}/{r.NextPages.P99:0.0} | {r.All.P50:0.0}/{r.All.P99:0.0}/{r.All.Max:0.0} | {r.ServerCpuSeconds:0.0} | {r.CpuMsPerPage:0.00} | {r.Errors}")));
}
