using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.OfficialAccounts;
using Microsoft.Data.Sqlite;

namespace Hutong.Bench.Broadcasts;

/// <summary>
/// An official account with <c>--followers</c> followers broadcasts, on one node, through the public API. The first
/// <c>--clients</c> followers are real people, signed up and following through the API, each with a device connected
/// to the gateway; the rest are written into the node's storage in bulk (<see cref="BulkFollowers"/>). Each broadcast
/// is timed from the request until the last online device has its push, every device checked to get it exactly once;
/// afterwards the database is asked how many rows the broadcast wrote, and <c>--readers</c> of the followers read
/// their thread with the account page by page. Before the node starts, the raw relay pushes to as many devices
/// (<see cref="RelayBroadcast"/>): the ceiling for the pushes on this machine.
/// </summary>
internal static class BroadcastRun
{
    private const int PageSize = 20;

    /// <summary>Items in each follower's thread before the reads: more than a page, so readers follow the cursor.</summary>
    private const int ThreadItems = 30;

    /// <summary>Follows in flight while seeding (each is a write, as sign-ups are).</summary>
    private const int FollowConcurrency = 8;

    /// <summary>Connects in flight at once; more only overflows the listen backlog.</summary>
    private const int ConnectConcurrency = 128;

    private static readonly TimeSpan[] Thinks = [TimeSpan.Zero, TimeSpan.FromSeconds(1)];

    public static async Task<Outcome> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var loadBefore = Moments.MomentsRun.LoadAverage();
        var online = Math.Min(options.Clients, options.Followers);
        var patience = options.Smoke ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(2);
        OpenFiles.Require(online + 1_000);

        // The ceiling first, on a quiet machine: the raw relay pushing to as many devices.
        var relay = await RelayBroadcast.RunAsync(online, options.Posts, patience, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broadcast: the raw relay pushed to {online:N0} devices {relay.Count} times"));

        // A subscription account may broadcast once a day; the run sends more than thirty, so the node allows it. The
        // quota is one count in the account's grain whatever the number: the path measured is the same.
        // The gateway's idle timeout is lifted because these devices only listen and send no pings.
        await using var hutong = await Target.StartHutongAsync(
            options.ServerDll, ["--Hutong:OfficialAccounts:SubscriptionBroadcastsPerDay=1000", "--Hutong:Gateway:IdleTimeout=01:00:00"], cancellationToken);
        using var sources = new LoopbackSources(hutong.BaseAddress, online);
        var run = Guid.NewGuid().ToString("N")[..6];

        var clock = Stopwatch.StartNew();
        var owner = await Seeding.HutongPersonAsync(hutong, sources.Api, $"o{run}owner", cancellationToken);
        var created = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Bench news", OfficialAccountKinds.Subscription), cancellationToken);
        var accountId = created.Account.Id;
        var people = await Seeding.HutongPeopleAsync(hutong, sources.Api, online, cancellationToken);
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = FollowConcurrency, CancellationToken = cancellationToken }, async (person, ct) =>
            await person.Client.FollowAsync(accountId, null, ct));
        var seedOnlineSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broadcast: {online:N0} followers signed up and following in {seedOnlineSeconds:0.0} s"));

        clock.Restart();
        var database = Path.Combine(hutong.DataDirectory!, "hutong.db");
        var bulkOpenId = await BulkFollowers.SeedAsync(
            database, Guid.Parse(accountId), created.Account.Admin!.AppId, options.Followers - online, TimeProvider.System.GetUtcNow().AddDays(-1), cancellationToken);
        var seedBulkSeconds = clock.Elapsed.TotalSeconds;
        var total = (await owner.Client.GetFollowersAsync(accountId, null, 1, cancellationToken)).Total;
        var known = await AppApiKnowsAsync(sources.Api, created.Account.Admin!.AppId, created.AppSecret, bulkOpenId, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broadcast: {options.Followers - online:N0} more followers written in bulk in {seedBulkSeconds:0.0} s; the account counts {total:N0}; user/info knows a bulk openid: {known}"));

        var devices = people.Select((p, i) => new ListeningDevice<AccountMessageEvent>(new HutongGateway(p.Client, sources.ConnectWebSocketAsync), i, e => e.Message.BroadcastId)).ToArray();
        var arrivals = new Arrivals(online);
        try
        {
            clock.Restart();
            await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = ConnectConcurrency, CancellationToken = cancellationToken }, async (d, ct) =>
                await d.ConnectAsync(arrivals, ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broadcast: {online:N0} devices connected in {clock.Elapsed.TotalSeconds:0.0} s"));

            var sends = new List<SendResult> { await BroadcastAsync(hutong, owner.Client, accountId, arrivals, "warm-up", patience, cancellationToken) };
            for (var i = 1; i <= options.Posts; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                sends.Add(await BroadcastAsync(hutong, owner.Client, accountId, arrivals, i.ToString(CultureInfo.InvariantCulture), patience, cancellationToken));
            }

            var rows = await RowsAsync(database, sends.Select(s => s.BroadcastId).ToList(), cancellationToken);
            while (sends.Count < ThreadItems)
            {
                sends.Add(await BroadcastAsync(hutong, owner.Client, accountId, arrivals, "history", patience, cancellationToken));
            }

            var readers = people.Take(options.Readers).Select(p => p.Client).ToArray();
            var reads = new List<ReadResult>();
            foreach (var think in options.Think is { } given ? [given] : Thinks)
            {
                reads.Add(await PagedReads.RunAsync(hutong, readers, (device, cursor, ct) => ReadThreadAsync(device, accountId, cursor, ct), think, options, cancellationToken));
            }

            var result = new BroadcastResult(
                options.Followers, online, seedOnlineSeconds, seedBulkSeconds, total, known, sends.Take(options.Posts + 1).ToList(), rows, arrivals.Duplicates, reads,
                relay, loadBefore, Moments.MomentsRun.LoadAverage());
            var worked = total == options.Followers && known && rows.Messages == options.Posts + 1 && rows.Recipients == 0
                && sends.All(s => s.Reached == online) && relay.All(s => s.Reached == online) && arrivals.Duplicates == 0 && reads.All(r => r.Errors == 0 && r.Pages > 0);
            return new Outcome(result.Markdown(), result, worked);
        }
        finally
        {
            await Task.WhenAll(devices.Select(d => d.DisposeAsync().AsTask()));
        }
    }

    /// <summary>One broadcast of a text to all followers, timed from the request until every online device has its push.</summary>
    private static async Task<SendResult> BroadcastAsync(
        Target hutong, HutongClient owner, string accountId, Arrivals arrivals, string label, TimeSpan patience, CancellationToken cancellationToken)
    {
        var cpu = hutong.Sample().Cpu;
        var started = Stopwatch.GetTimestamp();
        var sent = await owner.BroadcastAsync(accountId, new BroadcastRequest(Guid.NewGuid().ToString("N"), new TextContent($"Broadcast {label}")), cancellationToken);
        var answered = Stopwatch.GetTimestamp();
        var done = arrivals.Expect(sent.Id);
        try
        {
            await done.WaitAsync(patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"broadcast {label}: {arrivals.Count(sent.Id):N0} of {arrivals.Online:N0} devices had it after {patience.TotalSeconds:0} s.");
        }

        var used = (hutong.Sample().Cpu - cpu).TotalSeconds;
        var (first, last) = arrivals.Span(sent.Id);
        double Ms(long at) => at == 0 ? double.NaN : Stopwatch.GetElapsedTime(started, at).TotalMilliseconds;
        return new SendResult(label, sent.Id, Ms(answered), Ms(first), Ms(last), arrivals.Count(sent.Id), used);
    }

    /// <summary>What the broadcasts wrote: their thread rows (one each, whatever the audience) and per-follower recipient rows.</summary>
    private static async Task<StoredRows> RowsAsync(string database, List<string> broadcastIds, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        async Task<long> CountAsync(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE broadcast_id IN ({string.Join(',', broadcastIds.Select((_, i) => "$b" + i))})";
            for (var i = 0; i < broadcastIds.Count; i++)
            {
                // As EF Core's SQLite provider stores a Guid: upper-case text.
                command.Parameters.AddWithValue("$b" + i, Guid.Parse(broadcastIds[i]).ToString().ToUpperInvariant());
            }

            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return new StoredRows(await CountAsync("oa_messages"), await CountAsync("oa_broadcast_recipients"));
    }

    /// <summary>Whether the app API answers <c>user/info</c> for a follower written in bulk as for any other.</summary>
    private static async Task<bool> AppApiKnowsAsync(HttpClient http, string appId, string secret, string openId, CancellationToken cancellationToken)
    {
        var token = await http.GetFromJsonAsync<JsonObject>($"cgi-bin/token?grant_type=client_credential&appid={appId}&secret={secret}", cancellationToken);
        var info = await http.GetFromJsonAsync<JsonObject>($"cgi-bin/user/info?access_token={token!["access_token"]}&openid={openId}", cancellationToken);
        return info?["subscribe"]?.GetValue<int>() == 1 && info["openid"]?.GetValue<string>() == openId;
    }

    private static async Task<(int Items, string? Next)> ReadThreadAsync(HutongClient device, string accountId, string? cursor, CancellationToken cancellationToken)
    {
        var page = await device.GetAccountThreadAsync(accountId, cursor, PageSize, cancellationToken);
        return (page.Messages.Count, page.NextCursor);
    }
}

/// <summary>One broadcast: milliseconds from the request to its 201 and to the first and last device's push.</summary>
internal sealed record SendResult(string Label, string BroadcastId, double AnsweredMs, double FirstPushMs, double LastPushMs, int Reached, double ServerCpuSeconds);

/// <summary>Rows the measured broadcasts wrote.</summary>
internal sealed record StoredRows(long Messages, long Recipients);
