using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Hutong.Testing.Cluster;

/// <summary>
/// A Hutong node as an operator runs it: the built server in a process of its own, on a fixed HTTP port, so that
/// stopping it (gracefully with SIGTERM, or with SIGKILL) and starting it again is what a node's restart is.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    /// <summary>A cold start (JIT, migrations, joining the cluster) on a machine busy with other tests.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("hutong-node-").FullName;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    public NodeProcess(string name, IReadOnlyDictionary<string, string?> settings)
    {
        Name = name;
        _settings = settings;
        Port = FreePort();
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The node's own folder (its SQLite file, when it runs on SQLite), kept across restarts.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The server's build output that the test project's build made (src/Hutong.Server/bin/...).</summary>
    public static string ServerPath => Path.GetFullPath(typeof(NodeProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HutongServer").Value!);

    /// <summary>What the node wrote, for a failing test to show.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts the node and returns once it says it started and its /healthz answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dataDirectory,
        };
        start.ArgumentList.Add(ServerPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        start.ArgumentList.Add("--Hutong:DataDirectory");
        start.ArgumentList.Add(_dataDirectory);
        foreach (var (key, value) in _settings)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value ?? "");
        }

        // The host's "Application started" line is what the start waits for.
        start.ArgumentList.Add("--Logging:LogLevel:Microsoft.Hosting.Lifetime");
        start.ArgumentList.Add("Information");

        _output.Append($"--- {Name} starting");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            _output.Append(e.Data);
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => _output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartPatience);
        try
        {
            await Task.WhenAny(started.Task, process.WaitForExitAsync(deadline.Token));
            deadline.Token.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Output}");
            }

            using var http = new HttpClient { BaseAddress = BaseAddress };
            using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative), deadline.Token);
            if (health.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{Name} started, but /healthz answered {(int)health.StatusCode}:\n{Output}");
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} was not started and healthy within {StartPatience.TotalSeconds:0} s:\n{Output}");
        }
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to tell anyone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            _output.Append($"--- {Name} killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as a service manager stops a node; returns its exit code once it has stopped.</summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        if (_process is not { HasExited: false } process)
        {
            throw new InvalidOperationException($"{Name} is not running.");
        }

        _output.Append($"--- {Name} terminated");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not stop within {patience.TotalSeconds:0} s of SIGTERM:\n{Output}");
        }

        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process: the temporary folder goes with the machine's cleanup.
        }
    }


    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
