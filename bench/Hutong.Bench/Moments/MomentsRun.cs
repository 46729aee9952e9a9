using System.Diagnostics;
using System.Globalization;
using Hutong.Client;
using Hutong.Contracts.Social;

namespace Hutong.Bench.Moments;

/// <summary>
/// Moments on one node, through the public API only. One person with <c>--friends</c> friends posts, and the figure is
/// the time from the post's 201 until every friend's timeline has it. Then each of those friends posts once, so the
/// person's timeline holds one post per friend, and <c>--readers</c> devices of that person read it page by page.
/// </summary>
internal static class MomentsRun
{
    private const int PageSize = 20;

    /// <summary>A visit reads the first page and follows the cursor for up to this many pages in all (one to ten, at random).</summary>
    private const int VisitPages = 10;

    /// <summary>
    /// How often a sampled friend's timeline is asked while a fan-out runs: fine enough against a target of a second,
    /// and sparse enough that the polling is a small part of the server's work.
    /// </summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Without <c>--think</c> the readers run twice: as fast as they go (one page in flight each: what the node can
    /// serve, and the queue that forms), then pausing a second between pages (a load the node is not saturated by).
    /// </summary>
    private static readonly TimeSpan[] DefaultThinks = [TimeSpan.Zero, TimeSpan.FromSeconds(1)];

    /// <summary>Timeline reads in flight while checking every friend's timeline (reads do not queue on SQLite's one writer).</summary>
    private const int CheckConcurrency = 16;

    /// <summary>The largest page the server gives, for walking a whole timeline.</summary>
    private const int LargestPage = 50;

    /// <summary>Posts in flight while the friends post (each is a write: as many as seeding uses).</summary>
    private const int PostConcurrency = 8;

    public static async Task<Outcome> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var loadBefore = LoadAverage();
        var patience = options.Smoke ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(2);

        // The fan-out's batch size is the server's setting; the bench sets it, so it knows where each batch ends. The
        // smoke run uses small batches so that it goes through several of them.
        var batch = options.Smoke ? 8 : 1_000;
        List<string> settings = [$"--Hutong:Social:FanOutBatch={batch}"];
        if (options.Friends > 5_000)
        {
            settings.Add($"--Hutong:Limits:MaxFriends={options.Friends}");
        }

        await using var hutong = await Target.StartHutongAsync(options.ServerDll, settings, cancellationToken);
        using var http = new HttpClient { BaseAddress = hutong.BaseAddress };

        var clock = Stopwatch.StartNew();
        var (person, handle, friends) = await Seeding.HutongCircleAsync(hutong, http, options.Friends, cancellationToken);
        var seedSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"moments: {friends.Length:N0} friends seeded in {seedSeconds:0.0} s"));

        // Fan-out. The server walks the friends in .NET's Guid order of their ids, a batch per transaction, so the last
        // friend of each batch in that order is the last to have the post once that batch commits.
        var order = friends.OrderBy(f => Guid.Parse(f.UserId)).ToArray();
        var samples = Enumerable.Range(0, (order.Length + batch - 1) / batch).Select(b => order[Math.Min((b + 1) * batch, order.Length) - 1]).ToArray();
        var fanOuts = new List<FanOutResult> { await FanOutAsync(hutong, person, samples, "warm-up", 0, patience, cancellationToken) };
        var pollCost = await PollingCostAsync(hutong, samples[^1], options.Smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3), cancellationToken);
        for (var i = 1; i <= options.Posts; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            fanOuts.Add(await FanOutAsync(hutong, person, samples, i.ToString(CultureInfo.InvariantCulture), pollCost, patience, cancellationToken));
        }

        // The samples say when the last batch landed; every friend's timeline is read once to prove no one was missed.
        var postIds = fanOuts.Select(f => f.PostId).ToHashSet();
        var missing = 0;
        await Parallel.ForEachAsync(friends, new ParallelOptions { MaxDegreeOfParallelism = CheckConcurrency, CancellationToken = cancellationToken }, async (friend, ct) =>
        {
            var page = await friend.Client.GetTimelineAsync(postIds.Count, null, ct);
            if (!postIds.SetEquals(page.Posts.Select(p => p.Id)))
            {
                Interlocked.Increment(ref missing);
            }
        });

        // Timeline reads: every friend posts once, so the person's timeline holds one post of each and their own.
        clock.Restart();
        await Parallel.ForEachAsync(friends, new ParallelOptions { MaxDegreeOfParallelism = PostConcurrency, CancellationToken = cancellationToken }, async (friend, ct) =>
            await friend.Client.CreatePostAsync(new CreatePostRequest(Guid.CreateVersion7().ToString(), $"from {friend.UserId}"), ct));
        var postSeconds = clock.Elapsed.TotalSeconds;
        var devices = await Seeding.HutongDevicesAsync(http, handle, options.Readers, cancellationToken);
        var expected = friends.Length + fanOuts.Count;
        var held = 0;
        clock.Restart();
        while ((held = await CountTimelineAsync(devices[0], cancellationToken)) < expected && clock.Elapsed < patience)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        var settleSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"moments: {friends.Length:N0} friends posted in {postSeconds:0.0} s; the timeline held {held:N0} of {expected:N0} posts {settleSeconds:0.0} s later"));
        var reads = new List<ReadResult>();
        foreach (var think in options.Think is { } given ? [given] : DefaultThinks)
        {
            reads.Add(await ReadAsync(hutong, devices, think, options, cancellationToken));
        }

        var result = new MomentsResult(
            friends.Length, options.Readers, batch, seedSeconds, postSeconds, settleSeconds, fanOuts, pollCost, missing, expected, held, reads,
            loadBefore, LoadAverage());
        return new Outcome(result.Markdown(), result, missing == 0 && held == expected && reads.All(r => r.Errors == 0 && r.Pages > 0));
    }

    /// <summary>
    /// One post and its fan-out: the friends sampled (the last of each batch, in the order the server walks them) are
    /// asked in turn, each every <see cref="PollInterval"/> until the post is on top of their timeline; batches commit
    /// one after another, so the last sample having it means every friend has it.
    /// </summary>
    private static async Task<FanOutResult> FanOutAsync(
        Target hutong, Seeding.Account person, Seeding.Account[] samples, string label, double cpuPerPoll, TimeSpan patience, CancellationToken cancellationToken)
    {
        var cpu = hutong.Sample().Cpu;
        var started = Stopwatch.GetTimestamp();
        var post = await person.Client.CreatePostAsync(new CreatePostRequest(Guid.CreateVersion7().ToString(), $"post {label}"), cancellationToken);
        var created = Stopwatch.GetTimestamp();
        var reached = new double[samples.Length];
        var polls = 0;
        for (var s = 0; s < samples.Length; s++)
        {
            while (true)
            {
                var asked = Stopwatch.GetTimestamp();
                polls++;
                var page = await samples[s].Client.GetTimelineAsync(1, null, cancellationToken);
                if (page.Posts.Count > 0 && page.Posts[0].Id == post.Id)
                {
                    reached[s] = Stopwatch.GetElapsedTime(created).TotalMilliseconds;
                    break;
                }

                if (Stopwatch.GetElapsedTime(created) > patience)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Post {label} had not reached sampled friend {s + 1} of {samples.Length} after {patience.TotalSeconds} s."));
                }

                var wait = PollInterval - Stopwatch.GetElapsedTime(asked);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
        }

        var used = (hutong.Sample().Cpu - cpu).TotalSeconds;
        return new FanOutResult(label, post.Id, Stopwatch.GetElapsedTime(started, created).TotalMilliseconds, reached[0], reached[^1], polls, used,
            cpuPerPoll > 0 ? Math.Max(0, used - cpuPerPoll * polls) : null);
    }

    /// <summary>
    /// The server's CPU seconds per poll: one friend's timeline polled as a fan-out polls it, with nothing else going on
    /// (idle work of the node included, which is small).
    /// </summary>
    private static async Task<double> PollingCostAsync(Target hutong, Seeding.Account friend, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpu = hutong.Sample().Cpu;
        var clock = Stopwatch.StartNew();
        var polls = 0;
        while (clock.Elapsed < duration)
        {
            var asked = Stopwatch.GetTimestamp();
            await friend.Client.GetTimelineAsync(1, null, cancellationToken);
            polls++;
            var wait = PollInterval - Stopwatch.GetElapsedTime(asked);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }

        return (hutong.Sample().Cpu - cpu).TotalSeconds / polls;
    }

    private static async Task<int> CountTimelineAsync(HutongClient device, CancellationToken cancellationToken)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await device.GetTimelineAsync(LargestPage, cursor, cancellationToken);
            count += page.Posts.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return count;
    }

    /// <summary>
    /// Every device reads as a person scrolls: the first page, then the next ones by cursor, one to
    /// <see cref="VisitPages"/> pages a visit, and again from the top; <paramref name="think"/> between pages. Measured after the
    /// warm-up; pages in flight when the window closes are not counted. A pause (half to one and a half times
    /// <paramref name="think"/>) starts when a page has arrived, so the readers offer about readers / (think + latency)
    /// pages a second.
    /// </summary>
    private static async Task<ReadResult> ReadAsync(Target hutong, HutongClient[] devices, TimeSpan think, Options options, CancellationToken cancellationToken)
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
                    PostPage page;
                    try
                    {
                        page = await device.GetTimelineAsync(PageSize, cursor, cancellationToken);
                    }
                    catch (Exception ex) when (ex is HutongApiException or HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                        Console.Error.WriteLine($"moments: a timeline read failed: {ex.Message}");
                        break;
                    }

                    var elapsed = Stopwatch.GetElapsedTime(started);
                    if (Volatile.Read(ref measuring) == 1)
                    {
                        (p == 0 ? first : next).Add(elapsed);
                        all.Add(elapsed);
                        Interlocked.Increment(ref pages);
                        Interlocked.Add(ref posts, page.Posts.Count);
                    }

                    cursor = page.NextCursor;
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

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
