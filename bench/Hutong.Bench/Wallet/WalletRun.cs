using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.RedPackets;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Bench.Wallet;

/// <summary>
/// The wallet scenarios. <c>redpacket</c>: many groups open many packets at once (opens per second across packets),
/// then 500 people race for one 100-share packet. <c>transfers</c>: person-to-person ledger transfers between random
/// pairs, as many in flight as the node takes. Both end by checking every invariant; a violation fails the run.
/// </summary>
internal static class WalletRun
{
    private const int InFlight = 4_096;

    public static async Task<Outcome> RunAsync(Options options, CancellationToken cancellationToken)
    {
        await using var node = await WalletNode.StartAsync(options.Postgres, cancellationToken);
        var results = options.Scenario == "redpacket"
            ? await RedPacketsAsync(node, options, cancellationToken)
            : await TransfersAsync(node, options, cancellationToken);
        var totals = await node.LedgerStore.TotalsAsync(cancellationToken);
        results.Add(new WalletResult("ledger totals", 0, 0, 0, 0, new LatencySummary(0, 0, 0, 0), totals.Balanced ? 0 : 1,
            $"posted {totals.DebitsPosted:N0} = {totals.CreditsPosted:N0}, pending {totals.DebitsPending:N0} = {totals.CreditsPending:N0}, below zero {totals.AccountsBelowZero}"));
        return new Outcome(Markdown(options, results), results, results.All(r => r.Violations == 0) && results.Any(r => r.Succeeded > 0));
    }

    private static async Task<List<WalletResult>> RedPacketsAsync(WalletNode node, Options options, CancellationToken cancellationToken)
    {
        var (groups, members, perGroup) = options.Smoke ? (4, 5, 2) : (options.Groups, options.Members, options.Packets);
        var people = await node.SeedPeopleAsync(Math.Max(groups * members, 500), 10_000_000, cancellationToken);
        var packets = new List<(Guid Id, Guid[] Members, long Total)>();
        for (var g = 0; g < groups; g++)
        {
            var group = people.Skip(g * members).Take(members).ToArray();
            var conversation = await node.SeedGroupAsync(group, cancellationToken);
            for (var p = 0; p < perGroup; p++)
            {
                var total = members * 100L;
                packets.Add((await SendAsync(node, group[0], conversation, total, members, cancellationToken), group, total));
            }
        }

        // A first packet of each group warms the code paths up; the rest are measured.
        var warm = packets.Where((_, i) => i % perGroup == 0).ToList();
        await OpenAllAsync(node, warm.SelectMany(p => p.Members.Select(m => (p.Id, m))).ToList(), new Latencies());
        var measured = packets.Where((_, i) => i % perGroup != 0).ToList();
        var opens = measured.SelectMany(p => p.Members.Select(m => (p.Id, m))).OrderBy(_ => Random.Shared.Next()).ToList();
        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        var won = await OpenAllAsync(node, opens, latencies);
        var elapsed = clock.Elapsed;

        var violations = 0;
        foreach (var packet in packets)
        {
            var view = await node.Grains.GetGrain<IRedPacketGrain>(packet.Id).ViewAsync(packet.Members[0]);
            var escrow = await node.LedgerStore.FindAccountAsync(packet.Id, cancellationToken);
            violations += view.Value.Opens.Count != packet.Members.Length || view.Value.Opens.Sum(o => o.Amount) != packet.Total
                || view.Value.Opens.Select(o => o.UserId).Distinct().Count() != view.Value.Opens.Count || escrow!.Balance != 0 ? 1 : 0;
        }

        var results = new List<WalletResult>
        {
            new($"opens across packets ({measured.Count:N0} packets in {groups} groups of {members})", opens.Count, won,
                elapsed.TotalSeconds, won / elapsed.TotalSeconds, latencies.Summarize(), violations + (won == opens.Count ? 0 : 1), "each open is a ledger transfer, durable before it is answered"),
        };

        // One hot packet: 500 members tap 100 shares at the same moment.
        var hotMembers = people.Take(500).ToArray();
        var hotGroup = await node.SeedGroupAsync(hotMembers, cancellationToken);
        var hot = await SendAsync(node, hotMembers[0], hotGroup, 100 * 200L, 100, cancellationToken);
        var hotLatencies = new Latencies();
        clock.Restart();
        var hotWon = await OpenAllAsync(node, [.. hotMembers.Select(m => (hot, m))], hotLatencies);
        var hotElapsed = clock.Elapsed;
        var hotView = (await node.Grains.GetGrain<IRedPacketGrain>(hot).ViewAsync(hotMembers[0])).Value;
        var hotViolations = hotWon != 100 || hotView.Opens.Sum(o => o.Amount) != 100 * 200L ? 1 : 0;
        results.Add(new WalletResult("one hot packet (500 openers, 100 shares)", 500, hotWon, hotElapsed.TotalSeconds, 500 / hotElapsed.TotalSeconds,
            hotLatencies.Summarize(), hotViolations, $"{hotWon} won; the other {500 - hotWon} were told it was empty; per second counts every answer"));
        return results;
    }

    private static async Task<List<WalletResult>> TransfersAsync(WalletNode node, Options options, CancellationToken cancellationToken)
    {
        var (count, transfers) = options.Smoke ? (50, 2_000) : (options.Members * 4, options.Transfers);
        const long start = 1_000_000;
        var people = await node.SeedPeopleAsync(count, start, cancellationToken);
        var run = Guid.NewGuid().ToString("N")[..8];

        async Task<int> MoveAsync(int from, int to, Latencies latencies)
        {
            var random = new Random(from);
            var done = 0;
            using var gate = new SemaphoreSlim(InFlight);
            var tasks = new List<Task>();

            async Task MoveOneAsync(TransferRequest request)
            {
                if ((await Timed(node.Ledger.ApplyAsync(request), latencies)).Result == TransferResult.Created)
                {
                    Interlocked.Increment(ref done);
                }

                gate.Release();
            }

            for (var i = from; i < to; i++)
            {
                await gate.WaitAsync(cancellationToken);
                var (a, b) = (random.Next(count), random.Next(count - 1));
                var request = new TransferRequest($"bench:{run}:{i}", people[a], people[b >= a ? b + 1 : b], random.NextInt64(1, 100), TransferCode.PersonToPerson);
                tasks.Add(MoveOneAsync(request));
            }

            await Task.WhenAll(tasks);
            return done;
        }

        var warmup = transfers / 10;
        await MoveAsync(0, warmup, new Latencies());
        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        var created = await MoveAsync(warmup, warmup + transfers, latencies);
        var elapsed = clock.Elapsed;

        long sum = 0;
        var negative = 0;
        foreach (var person in people)
        {
            var account = await node.LedgerStore.FindAccountAsync(person, cancellationToken);
            sum += account!.Balance;
            negative += account.Balance < 0 ? 1 : 0;
        }

        var violations = (sum == count * start ? 0 : 1) + negative + (created == transfers ? 0 : 1);
        return
        [
            new WalletResult($"ledger transfers ({count:N0} wallets, random pairs)", transfers, created, elapsed.TotalSeconds, created / elapsed.TotalSeconds,
                latencies.Summarize(), violations, $"money held by the wallets before and after: {count * start:N0} and {sum:N0} fen"),
        ];
    }

    private static async Task<Guid> SendAsync(WalletNode node, Guid sender, Guid conversation, long total, int count, CancellationToken cancellationToken)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<RedPacketService>().SendAsync(
            sender, new SendRedPacketRequest(Guid.NewGuid().ToString("N"), Ids.Format(conversation), RedPacketKinds.Lucky, total, count, null, WalletNode.Pin), cancellationToken);
        return sent.IsSuccess ? Guid.Parse(sent.Value.Id) : throw new InvalidOperationException($"The packet was refused: {sent.Error.Code}");
    }

    /// <summary>Opens everything with up to <see cref="InFlight"/> opens at once; returns how many won a share.</summary>
    private static async Task<int> OpenAllAsync(WalletNode node, List<(Guid Packet, Guid User)> opens, Latencies latencies)
    {
        var won = 0;
        await Parallel.ForEachAsync(opens, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (open, _) =>
        {
            var result = await Timed(node.Grains.GetGrain<IRedPacketGrain>(open.Packet).OpenAsync(open.User), latencies);
            if (result.IsSuccess)
            {
                Interlocked.Increment(ref won);
            }
        });
        return won;
    }

    private static async Task<T> Timed<T>(Task<T> call, Latencies latencies)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call;
        latencies.Add(Stopwatch.GetElapsedTime(started));
        return result;
    }

    private static string Markdown(Options options, List<WalletResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {options.Scenario}: the wallet's engine in one process ({(options.Postgres is null ? "SQLite" : "PostgreSQL")}, Orleans silo, ledger writer; no HTTP)");
        text.AppendLine();
        text.AppendLine("| phase | operations | succeeded | seconds | per second | p50 ms | p99 ms | max ms | violations | notes |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Phase} | {r.Operations:N0} | {r.Succeeded:N0} | {r.Seconds:0.00} | {r.PerSecond:N0} | {r.Latency.P50:0.0} | {r.Latency.P99:0.0} | {r.Latency.Max:0.0} | {r.Violations} | {r.Notes} |");
        }

        return text.ToString();
    }
}

internal sealed record WalletResult(string Phase, int Operations, int Succeeded, double Seconds, double PerSecond, LatencySummary Latency, int Violations, string Notes);
