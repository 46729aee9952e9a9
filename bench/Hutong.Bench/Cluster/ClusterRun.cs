using System.Globalization;

namespace Hutong.Bench.Cluster;

/// <summary>
/// What a cluster costs and what it survives. The <c>direct</c> and <c>group</c> load, as those scenarios run it, goes
/// through HAProxy to one node and then to <c>--nodes</c> (3), every node on one PostgreSQL: the difference is the
/// cluster hop (a conversation's grain on one node, its members' connections on others). Then, on the larger cluster,
/// a node is killed (SIGKILL) under chatting devices, started again, and another is stopped (SIGTERM) the same way
/// (<see cref="Failover"/>). Each cluster is <c>scripts/cluster.sh</c>'s (<see cref="LocalCluster"/>).
/// </summary>
internal static class ClusterRun
{
    public static async Task<Outcome> RunAsync(Options options, CancellationToken cancellationToken)
    {
        string[] settings =
        [
            // As the single-node scenarios' node: cheap password hashing for seeding, no limit on how fast one client
            // may go; and sign-ins from one address (the balancer forwards the bench's) never held back.
            "--Hutong:Security:PasswordIterations=10000", "--Logging:LogLevel:Default=Warning",
            "--Hutong:RateLimits:SignUp:PermitLimit=100000000", "--Hutong:RateLimits:FriendRequests:PermitLimit=100000000",
            "--Hutong:Limits:SendsPerWindow=100000000", "--Hutong:Security:FailedLoginsPerAddress=1000000",
        ];
        var loadBefore = LoadAverage();
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var throughput = new List<ClusterThroughput>();
        var failovers = new List<FailoverResult>();
        foreach (var size in new[] { 1, options.Nodes }.Distinct())
        {
            var logs = Path.Combine(options.Out, $"cluster-{stamp}-logs", $"{size}-nodes");
            await using var cluster = await LocalCluster.StartAsync(Options.Root, options.ServerDll, size, options.Durable, settings, logs, cancellationToken);
            foreach (var scenario in new[] { "direct", "group" })
            {
                var people = scenario == "direct"
                    ? await Seeding.HutongPairsAsync(cluster, options.Pairs, cancellationToken)
                    : await Seeding.HutongGroupsAsync(cluster, options.Groups, options.Members, options.Senders, cancellationToken);
                var run = await ChatRun.RunAsync(cluster, options with { Scenario = scenario }, people, cancellationToken);
                var (nodes, postgres, haproxy, requests) = cluster.LastWindow();
                throughput.Add(new ClusterThroughput(run, size, nodes.TotalSeconds, postgres.TotalSeconds, haproxy.TotalSeconds, requests));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cluster.Name}, {scenario}: {run.DeliveredPerSecond:0} delivered/s"));
            }

            if (size > 1)
            {
                var victim = cluster.Nodes[1];
                failovers.Add(await Failover.RunAsync(cluster, victim, "KILL", options, cancellationToken));
                await cluster.StartAgainAsync(victim, cancellationToken);
                failovers.Add(await Failover.RunAsync(cluster, cluster.Nodes[^1], "TERM", options, cancellationToken));
            }
        }

        var result = new ClusterResult(throughput, failovers, loadBefore, LoadAverage());
        return new Outcome(result.Markdown(), result, result.Worked);
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
