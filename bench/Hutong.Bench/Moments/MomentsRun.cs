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
            reads.Add(await PagedReads.RunAsync(hutong, devices, ReadTimelineAsync, think, options, cancellationToken));
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

    private static async Task<(int Items, string? Next)> ReadTimelineAsync(HutongClient device, string? cursor, CancellationToken cancellationToken)
    {
        var page = await device.GetTimelineAsync(PageSize, cursor, cancellationToken);
        return (page.Posts.Count, page.NextCursor);
    }

    internal static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
