using System.Diagnostics;
using System.Text.RegularExpressions;
using Hutong.Testing;

namespace Hutong.Samples.Tests.QrMerchant;

/// <summary>
/// The QR merchant (samples/qr-merchant) as its README runs it: its build output in a process of its own, with its
/// settings on the command line. It prints the order's <c>code_url</c> and exits once the order is paid.
/// </summary>
internal sealed partial class TillProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _codeUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private TillProcess(Process process) => _process = process;

    /// <summary>Everything it wrote, for assertions and a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static TillProcess Start(IEnumerable<string> arguments)
    {
        var dll = TillDll();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its appsettings.json is beside it.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var till = new TillProcess(Process.Start(start) ?? throw new InvalidOperationException("The till did not start."));
        till._process.OutputDataReceived += (_, line) => till.Read(line.Data);
        till._process.ErrorDataReceived += (_, line) => till.Read(line.Data);
        till._process.BeginOutputReadLine();
        till._process.BeginErrorReadLine();
        return till;
    }

    /// <summary>The <c>code_url</c> it printed under its QR code.</summary>
    public async Task<string> CodeUrlAsync()
    {
        var printed = await Task.WhenAny(_codeUrl.Task, _process.WaitForExitAsync(TestContext.Current.CancellationToken))
            .WaitAsync(Eventually.Patience * 2, TestContext.Current.CancellationToken);
        return printed == _codeUrl.Task ? await _codeUrl.Task : throw new InvalidOperationException($"The till printed no code_url:\n{Output}");
    }

    /// <summary>Its exit code, once it has exited by itself.</summary>
    public async Task<int> ExitCodeAsync()
    {
        try
        {
            await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Eventually.Patience * 2, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The till did not exit:\n{Output}");
        }

        // The streams' last lines arrive after the exit: this wait flushes them into Output.
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The till's build output beside this test's: the test project builds it (without referencing it).</summary>
    private static string TillDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "samples", "qr-merchant", "bin", configuration, "net10.0", "QrMerchant.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException("The QR merchant's build output was not found: build the solution first.");
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (CodeUrlLine().Match(line) is { Success: true } found)
        {
            _codeUrl.TrySetResult(found.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"^code_url: (\S+)$")]
    private static partial Regex CodeUrlLine();
}
