using System.Diagnostics;
using System.Text.RegularExpressions;
using Hutong.Testing;

namespace Hutong.BrowserTests;

/// <summary>
/// The <c>hutong</c> developer tool as a developer runs it from CI: its build output in a process of its own, signed in
/// by <c>HUTONG_SERVER</c> and <c>HUTONG_TOKEN</c>, with a configuration folder of its own (no saved session is read).
/// </summary>
internal sealed partial class CliProcess(Uri server, string token, string workingDirectory)
{
    /// <summary>A command's whole run: packing, an upload, the server's answer.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public sealed record Result(int ExitCode, string Output);

    public async Task<Result> RunAsync(params string[] args)
    {
        var config = Directory.CreateTempSubdirectory("hutong-cli-config-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory,
            };
            start.ArgumentList.Add(TestPaths.Cli);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["HUTONG_SERVER"] = server.ToString();
            start.Environment["HUTONG_TOKEN"] = token;
            start.Environment["XDG_CONFIG_HOME"] = config;
            start.Environment["NO_COLOR"] = "1";
            start.Environment["COLUMNS"] = "200";
            var output = new ProcessOutput();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("The developer tool did not start.");
            process.OutputDataReceived += (_, e) => output.Append(e.Data);
            process.ErrorDataReceived += (_, e) => output.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException($"hutong {string.Join(' ', args)} did not end within {Patience.TotalSeconds:0} s:\n{output}");
            }

            // The exit is seen before the last lines of the redirected streams: this waits for them.
            process.WaitForExit();
            return new Result(process.ExitCode, AnsiEscape().Replace(output.ToString(), ""));
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }



    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
