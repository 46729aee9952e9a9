using System.Diagnostics;
using System.Text.RegularExpressions;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests.EndToEnd;

/// <summary>
/// The sample bot (samples/EchoBot) as a developer runs it: its own process, started from its build output with
/// settings on the command line, on a port of its choosing, which it names in its start-up log.
/// </summary>
internal sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private BotProcess(Process process) => _process = process;

    /// <summary>Where the bot listens, as its log said (set before <see cref="StartAsync"/> returns).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>What the bot has written to its console: its log, for a failure's message.</summary>
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

    public static async Task<BotProcess> StartAsync(IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(BotDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        // Lifetime messages name the address; the environment keeps the bot's own appsettings.json in charge otherwise.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var bot = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("The bot did not start."));
        bot._process.OutputDataReceived += (_, line) => bot.Read(line.Data);
        bot._process.ErrorDataReceived += (_, line) => bot.Read(line.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        try
        {
            bot.Address = await bot._listening.Task.WaitAsync(Eventually.Patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            await bot.DisposeAsync();
            throw new TimeoutException($"The bot did not say where it listens within {Eventually.Patience.TotalSeconds} s:\n{bot.Output}");
        }

        return bot;
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

        if (ListeningOn().Match(line) is { Success: true } found)
        {
            _listening.TrySetResult(new Uri(found.Groups[1].Value + "/"));
        }
    }

    /// <summary>The bot's build output beside this test's: the test project builds it (without referencing it).</summary>
    private static string BotDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "samples", "EchoBot", "bin", configuration, "net10.0", "EchoBot.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException("The sample bot's build output was not found: build the solution first.");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
