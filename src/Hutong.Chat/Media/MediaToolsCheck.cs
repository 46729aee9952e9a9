using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Chat.Media;

/// <summary>
/// Says at start-up, in the log, when ffprobe or ffmpeg is not where <see cref="MediaOptions"/> points. The node still
/// starts: chat works without them, and video uploads are answered with 503 until they are installed.
/// </summary>
internal sealed class MediaToolsCheck(IOptions<MediaOptions> options, ILogger<MediaToolsCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Check("ffprobe", options.Value.FfprobePath, nameof(MediaOptions.FfprobePath));
        Check("ffmpeg", options.Value.FfmpegPath, nameof(MediaOptions.FfmpegPath));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether <paramref name="executable"/> (a path, or a name looked up on PATH as a process start does) exists.</summary>
    internal static bool Exists(string executable)
    {
        if (executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || executable.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return IsExecutable(Path.GetFullPath(executable));
        }

        string[] extensions = OperatingSystem.IsWindows() ? ["", ".exe"] : [""];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => extensions.Any(extension => IsExecutable(Path.Combine(folder, executable + extension))));
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private void Check(string tool, string executable, string setting)
    {
        if (!Exists(executable))
        {
            MediaLog.ToolMissing(logger, tool, executable, setting);
        }
    }
}
