using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Hutong.Bench.Cluster;

/// <summary>
/// A cluster of Hutong nodes behind HAProxy, on a throwaway PostgreSQL and s3rver, as <c>scripts/cluster.sh</c> starts
/// it: the bench runs that script (so what it measures is what a person trying the cluster gets, with the one HAProxy
/// configuration the script shares with the test fixture) and reads what it started from the state file the script
/// writes once ready. Its nodes are processes of their own; their CPU is read from /proc by pid, as the single-node
/// scenarios read their node's.
/// </summary>
internal sealed class LocalCluster : ITarget, IHttpTarget
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(5);

    private readonly Process _script;
    private readonly StringBuilder _output;
    private readonly string _folder;
    private readonly string _logs;
    private readonly int _haproxyPid;
    private readonly List<(TimeSpan Nodes, TimeSpan Postgres, TimeSpan Haproxy, long? Requests)> _samples = [];
    private readonly HttpClient _stats = new() { Timeout = TimeSpan.FromSeconds(30) };

    private LocalCluster(Process script, StringBuilder output, string name, Dictionary<string, string> state, string logs)
    {
        _script = script;
        _logs = logs;
        _output = output;
        Name = name;
        _folder = state["folder"];
        BaseAddress = new Uri(state["balancer"]);
        Stats = new Uri(state["stats"]);
        _haproxyPid = int.Parse(state["haproxy_pid"], CultureInfo.InvariantCulture);
        Nodes = [.. state.Where(kv => kv.Key.StartsWith("node", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ClusterNode(kv.Key, int.Parse(kv.Value.Split(' ')[0], CultureInfo.InvariantCulture), Path.Combine(_folder, kv.Key)))];
    }

    public string Name { get; }

    /// <summary>The balancer: where devices connect.</summary>
    public Uri BaseAddress { get; }

    /// <summary>HAProxy's stats page; <c>;csv</c> on it says which node is up.</summary>
    public Uri Stats { get; }

    public IReadOnlyList<ClusterNode> Nodes { get; }

    /// <summary>
    /// Runs scripts/cluster.sh with <paramref name="nodes"/> nodes of <paramref name="serverDll"/>, each given
    /// <paramref name="settings"/>, and returns once it is ready. It stops everything when disposed, and by itself if
    /// this process dies. The nodes', HAProxy's and PostgreSQL's logs are copied to <paramref name="logs"/> first.
    /// </summary>
    public static async Task<LocalCluster> StartAsync(
        string root, string serverDll, int nodes, bool durable, IEnumerable<string> settings, string logs, CancellationToken cancellationToken)
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"hutong-bench-cluster-{Guid.NewGuid():N}.state");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        string[] args =
        [
            Path.Combine(root, "scripts", "cluster.sh"), "--nodes", nodes.ToString(CultureInfo.InvariantCulture),
            "--port", "0", "--server", serverDll, "--state", stateFile,
            "--owner", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            .. durable ? ["--durable"] : Array.Empty<string>(),
            "--", .. settings,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var script = Process.Start(start) ?? throw new InvalidOperationException("scripts/cluster.sh did not start.");
        script.OutputDataReceived += (_, e) => Append(output, e.Data);
        script.ErrorDataReceived += (_, e) =>
        {
            Append(output, e.Data);
            // Its progress ("PostgreSQL on ...", "node2: gone") is worth seeing as the run goes.
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (!File.Exists(stateFile))
        {
            if (script.HasExited || clock.Elapsed > StartPatience || cancellationToken.IsCancellationRequested)
            {
                var why = script.HasExited ? $"exited with {script.ExitCode}" : "was not ready in time";
                await StopAsync(script);
                throw new InvalidOperationException($"scripts/cluster.sh {why}:\n{Text(output)}");
            }

            await Task.Delay(200, CancellationToken.None);
        }

        var state = (await File.ReadAllLinesAsync(stateFile, cancellationToken))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        File.Delete(stateFile);
        var name = nodes == 1 ? "hutong, 1 node behind HAProxy" : $"hutong, {nodes} nodes behind HAProxy";
        Console.Error.WriteLine($"{name}: ready in {clock.Elapsed.TotalSeconds:0} s");
        return new LocalCluster(script, output, name, state, logs);
    }

    /// <summary>The CPU time of every running node together, and their peak resident memory summed.</summary>
    public (TimeSpan Cpu, long PeakRssBytes) Sample()
    {
        var pids = Nodes.Select(n => n.Pid).Where(p => p > 0).ToList();
        var nodes = pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcessCpu.Of(pid));
        lock (_samples)
        {
            _samples.Add((nodes, PostgresCpu(), ProcessCpu.Of(_haproxyPid), Requests()));
        }

        return (nodes, pids.Sum(ProcessCpu.PeakRss));
    }

    /// <summary>
    /// CPU time of the nodes, PostgreSQL and HAProxy between the last two <see cref="Sample"/> calls (a chat run's
    /// measured window), and the HTTP requests the balancer passed on meanwhile.
    /// </summary>
    public (TimeSpan Nodes, TimeSpan Postgres, TimeSpan Haproxy, long? Requests) LastWindow()
    {
        lock (_samples)
        {
            var (before, after) = (_samples[^2], _samples[^1]);
            return (after.Nodes - before.Nodes, after.Postgres - before.Postgres, after.Haproxy - before.Haproxy, after.Requests - before.Requests);
        }
    }

    /// <summary>Sends the node a signal (KILL or TERM) as <c>kill</c> would; returns its pid.</summary>
    public static async Task<int> SignalAsync(ClusterNode node, string signal)
    {
        var pid = node.Pid;
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        return kill.ExitCode == 0 ? pid : throw new InvalidOperationException($"kill -{signal} {pid} failed.");
    }

    /// <summary>Starts a node that was killed or stopped again with its start script; returns once HAProxy counts it up.</summary>
    public async Task StartAgainAsync(ClusterNode node, CancellationToken cancellationToken)
    {
        // Its line ("node2: ... pid N") is for a person at a terminal, not for the report on this process's output.
        var script = new ProcessStartInfo(Path.Combine(node.Folder, "start")) { RedirectStandardOutput = true };
        using (var start = Process.Start(script) ?? throw new InvalidOperationException($"{node.Name} did not start."))
        {
            await start.StandardOutput.ReadToEndAsync(cancellationToken);
            await start.WaitForExitAsync(cancellationToken);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (!await IsUpAsync(http, node, cancellationToken))
        {
            if (clock.Elapsed > StartPatience || !ProcessCpu.IsRunning(node.Pid))
            {
                throw new InvalidOperationException($"{node.Name} did not come back: see {node.Folder}/log");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stats.Dispose();
        Directory.CreateDirectory(_logs);
        var logs = Nodes.Select(n => (Path.Combine(n.Folder, "log"), $"{n.Name}.log"))
            .Append((Path.Combine(_folder, "haproxy.log"), "haproxy.log"))
            .Append((Path.Combine(_folder, "postgres", "log"), "postgres.log"));
        foreach (var (from, to) in logs.Where(l => File.Exists(l.Item1)))
        {
            File.Copy(from, Path.Combine(_logs, to), overwrite: true);
        }

        await StopAsync(_script);
        _script.Dispose();
    }

    /// <summary>What the script printed, for a failure to show.</summary>
    public string Output => Text(_output);

    /// <summary>Healthy by itself and counted up by the balancer.</summary>
    private async Task<bool> IsUpAsync(HttpClient http, ClusterNode node, CancellationToken cancellationToken)
    {
        try
        {
            using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{node.Port}/healthz"), cancellationToken);
            if (health.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var csv = await http.GetStringAsync(new Uri(Stats, ";csv"), cancellationToken);
            return csv.Split('\n').Select(l => l.Split(',')).Any(f => f.Length > 17 && f[0] == "nodes" && f[1] == node.Name && f[17] == "UP");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// HTTP requests the balancer has passed to the nodes so far (its backend's <c>req_tot</c>): during a chat run,
    /// where everything else goes over WebSockets, the devices filling gaps in what they were pushed. Null if its stats
    /// page did not answer (a machine too busy): the figure is then missing, not the run.
    /// </summary>
    private long? Requests()
    {
        try
        {
            return RequestsSoFar();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Console.Error.WriteLine($"HAProxy's stats did not answer: {e.Message}");
            return null;
        }
    }

    private long RequestsSoFar()
    {
        using var response = _stats.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(Stats, ";csv")));
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].TrimStart('#', ' ').Split(','), "req_tot");
        var backend = lines.Select(l => l.Split(',')).First(f => f[0] == "nodes" && f[1] == "BACKEND");
        return long.Parse(backend[column], CultureInfo.InvariantCulture);
    }

    /// <summary>The postmaster and its backends (children), read from the data folder's postmaster.pid.</summary>
    private TimeSpan PostgresCpu()
    {
        var pidFile = Path.Combine(_folder, "postgres", "data", "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var postmaster))
        {
            return TimeSpan.Zero;
        }

        return ProcessCpu.Children(postmaster).Append(postmaster).Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcessCpu.Of(pid));
    }

    /// <summary>SIGTERM, as Ctrl+C: the script stops the nodes gracefully, then the rest, and removes its folder.</summary>
    private static async Task StopAsync(Process script)
    {
        if (script.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", script.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await script.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            script.Kill(entireProcessTree: true);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

/// <summary>A node of a <see cref="LocalCluster"/>: its start script, log and pid file live in <see cref="Folder"/>.</summary>
internal sealed record ClusterNode(string Name, int Port, string Folder)
{
    /// <summary>The pid it runs as now (its start script writes a new one), or 0 when its pid file is gone.</summary>
    public int Pid
    {
        get
        {
            var file = Path.Combine(Folder, "pid");
            return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : 0;
        }
    }
}

/// <summary>Any process's CPU time and memory from /proc, whoever started it.</summary>
internal static class ProcessCpu
{
    /// <summary>The kernel's USER_HZ, in which /proc/PID/stat counts: 100 on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User and system time so far; zero once the process is gone.</summary>
    public static TimeSpan Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Whether the process exists and is not a zombie waiting for its parent.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            return pid > 0 && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static IEnumerable<int> Children(int pid)
    {
        try
        {
            return [.. File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Peak resident memory (VmHWM), in bytes.</summary>
    public static long PeakRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
