using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hutong.BrowserTests;

/// <summary>
/// A Hutong node as people run it: the built server in its own process, SQLite in a temporary data folder. Stopping
/// kills the process; starting again on the same port and folder is a real restart.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The handle the node treats as an operator (<c>Hutong:Operators</c>): whoever signs up with it reviews accounts.</summary>
    public const string Operator = "oaoperator";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("hutong-browser-").FullName;
    /// <summary>A cold start (JIT, migrations, the silo joining) on a machine busy with other tests.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly int _port = FreePort();
    private readonly int _siloPort = FreePort();
    private readonly int _gatewayPort = FreePort();
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    /// <summary>The node's SQLite file, for a test that sets up what the node has no API for (a merchant).</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "hutong.db");

    /// <summary>What the server wrote, for a failing test to show.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dataDirectory,
        };
        foreach (var arg in new[]
        {
            TestPaths.Server,
            "--urls", BaseAddress.ToString().TrimEnd('/'),
            "--Hutong:DataDirectory", _dataDirectory,
            "--Hutong:Cluster:SiloPort", Invariant(_siloPort),
            "--Hutong:Cluster:GatewayPort", Invariant(_gatewayPort),
            // The production work factor costs ~0.3 s a hash on this machine; the tests sign in many times.
            "--Hutong:Security:PasswordIterations", "10000",
            "--Hutong:RateLimits:SignUp:PermitLimit", "100000",
            "--Hutong:Security:FailedLoginsPerAddress", "1000000",
            "--Hutong:RateLimits:FriendRequests:PermitLimit", "100000",
            "--Hutong:Operators:0", Operator,
            // Developer servers in tests are plain http on loopback.
            "--Hutong:Outbound:AllowPrivateAddresses", "true",
            "--Hutong:OfficialAccounts:AllowPlainHttpUrls", "true",
            "--Hutong:MiniPrograms:AllowPlainHttpRequests", "true",
            "--Logging:LogLevel:Default", "Warning",
            // The host's "Application started" line is what StartAsync waits for.
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // The host says "Application started" once the silo has joined and Kestrel listens: that line is the event to
        // wait for, with the process's exit as the other way the wait can end.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        _process.OutputDataReceived += (_, e) =>
        {
            Append(e.Data);
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartPatience);
        try
        {
            await Task.WhenAny(started.Task, _process.WaitForExitAsync(deadline.Token));
            deadline.Token.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }

            using var http = new HttpClient { BaseAddress = BaseAddress };
            using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative), deadline.Token);
            if (health.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The server started, but /healthz answered {(int)health.StatusCode}:\n{Output}");
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The server was not started and healthy within {StartPatience.TotalSeconds:0} s:\n{Output}");
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process: the temp folder is cleaned by the OS later.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
