using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hutong.Bench;

/// <summary>A system under test in a process of its own, so its CPU and memory are measured apart from the generator's.</summary>
internal sealed class Target : ITarget, IHttpTarget
{
    private readonly Process _process;
    private readonly string? _dataDirectory;

    private Target(string name, Process process, Uri baseAddress, string? dataDirectory)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    /// <summary>The node's data folder (its SQLite file is <c>hutong.db</c> there); null for the relay.</summary>
    public string? DataDirectory => _dataDirectory;

    /// <summary>A Hutong node on SQLite in a fresh folder, tuned only where a benchmark must be: cheap password hashing for seeding, and no limits on how fast one client may go.</summary>
    public static Task<Target> StartHutongAsync(string serverDll, CancellationToken cancellationToken) =>
        StartHutongAsync(serverDll, [], cancellationToken);

    /// <summary>As <see cref="StartHutongAsync(string, CancellationToken)"/>, with settings of the run's own (<c>--Key=value</c>).</summary>
    public static Task<Target> StartHutongAsync(string serverDll, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("hutong-bench-").FullName;
        string[] args =
        [
            serverDll, "--urls", $"http://127.0.0.1:{port}", $"--Hutong:DataDirectory={data}",
            $"--Hutong:Cluster:SiloPort={FreePort()}", $"--Hutong:Cluster:GatewayPort={FreePort()}",
            "--Hutong:Security:PasswordIterations=10000", "--Logging:LogLevel:Default=Warning",
            "--Hutong:RateLimits:SignUp:PermitLimit=100000000",
            "--Hutong:RateLimits:FriendRequests:PermitLimit=100000000", "--Hutong:Limits:SendsPerWindow=100000000",
            .. settings,
        ];
        return StartAsync("hutong", args, port, data, cancellationToken);
    }

    public static Task<Target> StartRelayAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        return StartAsync("raw relay", [typeof(Target).Assembly.Location, "relay", "--port", port.ToString(CultureInfo.InvariantCulture)], port, null, cancellationToken);
    }

    public (TimeSpan Cpu, long PeakRssBytes) Sample() => SampleProcess(_process);

    /// <summary>A process's CPU time used so far and its peak resident memory, read from /proc.</summary>
    public static (TimeSpan Cpu, long PeakRssBytes) SampleProcess(Process process)
    {
        process.Refresh();
        return (process.TotalProcessorTime, StatusBytes(process, "VmHWM:"));
    }

    /// <summary>The process's resident memory now (VmRSS), in bytes.</summary>
    public long ResidentBytes() => StatusBytes(_process, "VmRSS:");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<Target> StartAsync(string name, string[] args, int port, string? data, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var target = new Target(name, process, new Uri($"http://127.0.0.1:{port}/"), data);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited: {await errors}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(target.BaseAddress, "healthz"), cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return target;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        await target.DisposeAsync();
        throw new TimeoutException($"{name} did not become healthy.");
    }

    /// <summary>A size field of /proc/PID/status, which the kernel gives in KiB.</summary>
    private static long StatusBytes(Process process, string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
