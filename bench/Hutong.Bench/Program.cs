using System.Globalization;
using System.Text.Json;
using Hutong.Bench;
using Hutong.Bench.Xmpp;

// dotnet run --project bench/Hutong.Bench -c Release -- <scenario> [--smoke] [options]; see bench/README.md.
// Scenarios: direct (1:1 pairs), group (senders in large groups), idle (memory per open connection), resume (everyone
// reconnects at once), redpacket and transfers (the wallet's engine), payments (merchant orders paid and notified), moments (fan-out and timeline reads), broadcast (an official account's broadcast to a million followers) and cluster (the chat load through HAProxy to 1 and 3 nodes, then a node killed and one stopped under it). "relay --port N" runs the raw relay baseline, which the bench starts as a child process of its own.
var options = Options.Parse(args);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

if (options.Scenario == "relay")
{
    await RawRelay.RunAsync(options.Port, cancel.Token);
    return 0;
}

var outcome = options.Scenario switch
{
    "direct" or "group" => Outcome.Of(await ChatAsync(options, cancel.Token)),
    "idle" => await IdleRun.RunAsync(options, cancel.Token),
    "resume" => await ResumeRun.RunAsync(options, cancel.Token),
    "redpacket" or "transfers" => await Hutong.Bench.Wallet.WalletRun.RunAsync(options, cancel.Token),
    "moments" => await Hutong.Bench.Moments.MomentsRun.RunAsync(options, cancel.Token),
    "broadcast" => await Hutong.Bench.Broadcasts.BroadcastRun.RunAsync(options, cancel.Token),
    "payments" => await Hutong.Bench.Payments.PaymentRun.RunAsync(options, cancel.Token),
    "cluster" => await Hutong.Bench.Cluster.ClusterRun.RunAsync(options, cancel.Token),
    _ => null,
};
if (outcome is null)
{
    Console.Error.WriteLine("usage: direct|group|idle|resume|redpacket|transfers|moments|broadcast|payments|cluster [--smoke] [--pairs N] [--groups N] [--members N] [--senders N] [--window N] [--rate N] [--warmup N] [--seconds N] [--connections N] [--clients N] [--messages N] [--settle N] [--packets N] [--transfers N] [--friends N] [--readers N] [--posts N] [--think MS] [--followers N] [--orders N] [--out DIR] [--no-peer] [--postgres CONNECTION] [--nodes N] [--durable]");
    return 2;
}

Console.WriteLine(outcome.Markdown);
Directory.CreateDirectory(options.Out);
var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
await File.WriteAllTextAsync(Path.Combine(options.Out, $"{options.Scenario}-{stamp}.json"), JsonSerializer.Serialize(outcome.Results, new JsonSerializerOptions { WriteIndented = true }));
await File.WriteAllTextAsync(Path.Combine(options.Out, $"{options.Scenario}-{stamp}.md"), outcome.Markdown);

// A smoke run proves the bench works end to end; each scenario says what working means.
return outcome.Worked ? 0 : 1;

// The chat scenarios run the same shape against each system in turn: the raw relay first (the ceiling), then Hutong,
// then ejabberd (the peer) unless --no-peer.
static async Task<List<RunResult>> ChatAsync(Options options, CancellationToken cancellationToken)
{
    var results = new List<RunResult>();
    await using (var relay = await Target.StartRelayAsync(cancellationToken))
    {
        var people = options.Scenario == "direct"
            ? Seeding.RelayPairs(relay, options.Pairs)
            : Seeding.RelayGroups(relay, options.Groups, options.Members, options.Senders);
        results.Add(await ChatRun.RunAsync(relay, options, people, cancellationToken));
    }

    await using (var hutong = await Target.StartHutongAsync(options.ServerDll, cancellationToken))
    {
        var people = options.Scenario == "direct"
            ? await Seeding.HutongPairsAsync(hutong, options.Pairs, cancellationToken)
            : await Seeding.HutongGroupsAsync(hutong, options.Groups, options.Members, options.Senders, cancellationToken);
        results.Add(await ChatRun.RunAsync(hutong, options, people, cancellationToken));
    }

    if (!options.NoPeer)
    {
        await using var ejabberd = await Ejabberd.StartAsync(options.EjabberdScripts, options.Scenario == "direct" ? options.Pairs * 2 : options.Groups * options.Members, cancellationToken);
        var people = options.Scenario == "direct"
            ? await ejabberd.PairsAsync(options.Pairs, cancellationToken)
            : await ejabberd.RoomsAsync(options.Groups, options.Members, options.Senders, cancellationToken);
        results.Add(await ChatRun.RunAsync(ejabberd, options, people, cancellationToken));
        // Archiving is part of what is measured: show that it happened (1:1 messages go into both people's archives).
        var archived = await ejabberd.ArchivedAsync(cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ejabberd: mod_mam holds {archived:N0} archived copies after the run"));
    }

    return results;
}
