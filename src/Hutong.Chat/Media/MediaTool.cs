using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Hutong.Chat.Media;

/// <summary>How a run of an external tool ended.</summary>
internal enum ToolOutcome
{
    /// <summary>The tool ran to its end; see the exit code.</summary>
    Exited,

    /// <summary>The executable could not be started (not installed, not executable).</summary>
    Missing,

    /// <summary>It ran past its time and was stopped.</summary>
    TimedOut,

    /// <summary>It wrote more than the caller takes and was stopped.</summary>
    TooMuchOutput,
}

/// <summary>What a tool said: its standard output whole, and the start of its standard error for the log.</summary>
internal sealed record ToolRun(ToolOutcome Outcome, int ExitCode, byte[] Output, string Errors)
{
    public bool Succeeded => Outcome == ToolOutcome.Exited && ExitCode == 0;
}

/// <summary>
/// Runs ffprobe or ffmpeg: an argument list (never a shell, so nothing in a file name is ever interpreted), no
/// standard input, a time limit, and the caller's cancellation. A run that is stopped takes its child processes with it.
/// </summary>
internal static class MediaTool
{
    private const int MaxErrorChars = 2_048;

    public static async Task<ToolRun> RunAsync(
        string executable, IEnumerable<string> arguments, TimeSpan timeout, int maxOutputBytes, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ToolRun(ToolOutcome.Missing, -1, [], e.Message);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        // Stopping the tool closes its pipes, which ends the reads below whether or not they watch the token.
        using var stopOnLimit = limit.Token.Register(() => Stop(process));
        process.StandardInput.Close();
        var output = ReadOutputAsync(process.StandardOutput.BaseStream, maxOutputBytes, limit.Token);
        var errors = ReadErrorsAsync(process.StandardError, limit.Token);
        try
        {
            if (await output is not { } bytes)
            {
                return new ToolRun(ToolOutcome.TooMuchOutput, -1, [], "");
            }

            await process.WaitForExitAsync(limit.Token);
            return new ToolRun(ToolOutcome.Exited, process.ExitCode, bytes, await errors);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ToolRun(ToolOutcome.TimedOut, -1, [], "");
        }
        finally
        {
            Stop(process);
            await Task.WhenAll(output, errors).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The whole output, or null once it passes <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadOutputAsync(Stream output, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16_384];
        int read;
        while ((read = await output.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads standard error to its end (a tool blocks on a full pipe) and keeps its start.</summary>
    private static async Task<string> ReadErrorsAsync(StreamReader errors, CancellationToken cancellationToken)
    {
        var kept = new StringBuilder();
        var chunk = new char[1_024];
        int read;
        while ((read = await errors.ReadAsync(chunk, cancellationToken)) > 0)
        {
            kept.Append(chunk, 0, Math.Min(read, MaxErrorChars - kept.Length));
        }

        return kept.ToString().Trim();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }
    }
}
