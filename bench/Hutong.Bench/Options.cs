using System.Globalization;

namespace Hutong.Bench;

/// <summary>
/// The command line: a scenario and its knobs; <c>--smoke</c> makes every run small and short, <c>--no-peer</c>
/// leaves out ejabberd, <c>--postgres</c> (an administrator's connection string) runs the wallet's scenarios on a fresh
/// PostgreSQL database instead of SQLite. <c>--friends</c>, <c>--readers</c>, <c>--posts</c> and <c>--think</c> (ms a
/// reader waits between pages) shape <c>moments</c>; <c>--followers</c>, <c>--clients</c> (followers online), <c>--posts</c>
/// and <c>--readers</c> shape <c>broadcast</c>; <c>--orders</c> is how many orders <c>payments</c> measures. <c>cluster</c>
/// runs <c>direct</c> and <c>group</c> through HAProxy to one node and to <c>--nodes</c> (3), then kills a node under
/// <c>--clients</c> chatting devices; <c>--durable</c> has its PostgreSQL sync every commit.
/// </summary>
internal sealed record Options(
    string Scenario, bool Smoke, int Pairs, int Groups, int Members, int Senders, int Window, double Rate, TimeSpan Warmup, TimeSpan Duration,
    string Out, int Port, string ServerDll, bool NoPeer, string EjabberdScripts, int Connections, int Clients, int Messages, TimeSpan Settle,
    int Packets, int Transfers, string? Postgres, int Friends, int Readers, int Posts, TimeSpan? Think, int Followers, int Orders,
    int Nodes, bool Durable)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var smoke = args.Contains("--smoke");
        var root = FindRoot();
        var packets = args.FirstOrDefault() == "redpacket";
        // Every person of a cluster run is seeded through the API on PostgreSQL, once for each cluster size.
        var cluster = args.FirstOrDefault() == "cluster";
        return new Options(
            args.FirstOrDefault() ?? "direct",
            smoke,
            Int("--pairs", smoke ? 10 : cluster ? 200 : 500),
            Int("--groups", smoke || cluster ? 1 : packets ? 200 : 2),
            Int("--members", smoke ? 20 : packets ? 20 : 500),
            Int("--senders", smoke ? 2 : 10),
            Int("--window", smoke ? 2 : 8),
            Int("--rate", 0),
            TimeSpan.FromSeconds(Int("--warmup", smoke ? 1 : 5)),
            TimeSpan.FromSeconds(Int("--seconds", smoke ? 3 : 20)),
            Value("--out") ?? Path.Combine(root, "bench", "results"),
            Int("--port", 0),
            Value("--server") ?? DefaultServerDll(root),
            args.Contains("--no-peer"),
            Path.Combine(root, "bench", "ejabberd"),
            Int("--connections", smoke ? 200 : 50_000),
            Int("--clients", cluster ? (smoke ? 40 : 400) : smoke ? 100 : 10_000),
            Int("--messages", smoke ? 2 : 3),
            TimeSpan.FromSeconds(Int("--settle", smoke ? 2 : 5)),
            Int("--packets", 12),
            Int("--transfers", 200_000),
            Value("--postgres"),
            Int("--friends", smoke ? 20 : 5_000),
            Int("--readers", smoke ? 4 : 200),
            Int("--posts", smoke ? 2 : 5),
            Value("--think") is { } think ? TimeSpan.FromMilliseconds(int.Parse(think, CultureInfo.InvariantCulture)) : null,
            Int("--followers", smoke ? 2_000 : 1_000_000),
            Int("--orders", smoke ? 500 : 50_000),
            Int("--nodes", 3),
            args.Contains("--durable"));
    }

    /// <summary>The repository's root (where Hutong.slnx is), for its scripts.</summary>
    public static string Root => FindRoot();

    /// <summary>The server built in the same configuration as the bench.</summary>
    private static string DefaultServerDll(string root)
    {
        var configuration = typeof(Options).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(root, "src", "Hutong.Server", "bin", configuration, "net10.0", "Hutong.Server.dll");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hutong.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
