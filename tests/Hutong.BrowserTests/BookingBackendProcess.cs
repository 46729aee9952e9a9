using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hutong.Testing;

namespace Hutong.BrowserTests;

/// <summary>
/// The booking sample's backend (samples/booking/backend) as its README runs it: its build output in a process of its
/// own, on a loopback port, with the node's URL, the app's id and secret and a SQLite file of its own as settings.
/// </summary>
internal sealed class BookingBackendProcess : IAsyncDisposable
{
    /// <summary>A cold start: JIT, the SQLite file made and seeded, the reminder template looked up on the node.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("hutong-booking-").FullName;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private BookingBackendProcess(int port) => Origin = $"http://127.0.0.1:{port}";

    /// <summary><c>http://127.0.0.1:{port}</c>: where it listens, and the app's request domain.</summary>
    public string Origin { get; }

    /// <summary>What the backend logged, for a failing test to show.</summary>
    public string Output => _output.ToString();

    /// <summary>A backend with its port chosen, not started yet: the app's request domain is needed before its id.</summary>
    public static BookingBackendProcess OnFreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return new BookingBackendProcess(((IPEndPoint)probe.LocalEndpoint).Port);
    }

    /// <summary>
    /// Starts it, and returns once it listens and has its reminder template from the node. <paramref name="settings"/>
    /// are more of its settings (the merchant's), passed on its command line.
    /// </summary>
    public async Task StartAsync(Uri server, string appId, string secret, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its appsettings.json is beside it.
            WorkingDirectory = Path.GetDirectoryName(TestPaths.BookingBackend)!,
        };
        foreach (var arg in new[]
        {
            TestPaths.BookingBackend,
            "--urls", Origin,
            "--Hutong:Server", server.ToString(),
            "--Hutong:AppId", appId,
            "--Hutong:AppSecret", secret,
            "--Booking:Database", Path.Combine(_folder, "booking.db"),
        }.Concat((settings ?? new Dictionary<string, string>()).SelectMany(s => new[] { "--" + s.Key, s.Value })))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["NO_COLOR"] = "1";

        // Two lines are the events to wait for: the host listening, and the template found or added on the node.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var template = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(start) ?? throw new InvalidOperationException("The booking backend did not start.");
        _process.OutputDataReceived += (_, e) =>
        {
            _output.Append(e.Data);
            if (e.Data?.Contains("Now listening on:", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }

            if (e.Data?.Contains("Reminder template", StringComparison.Ordinal) == true)
            {
                template.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) => _output.Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var ready = Task.WhenAll(listening.Task, template.Task);
        try
        {
            await Task.WhenAny(ready, _process.WaitForExitAsync(TestContext.Current.CancellationToken))
                .WaitAsync(StartPatience, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The booking backend was not ready within {StartPatience.TotalSeconds:0} s:\n{Output}");
        }

        if (!ready.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException($"The booking backend exited with {_process.ExitCode}:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process: the temp folder is cleaned by the OS later.
        }
    }

}
