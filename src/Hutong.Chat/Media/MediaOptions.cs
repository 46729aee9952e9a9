using System.ComponentModel.DataAnnotations;

namespace Hutong.Chat.Media;

/// <summary>
/// <c>Hutong:Media</c>: the tools that read uploads (Debian's <c>ffmpeg</c> package) and how long they may take.
/// A video upload is probed with ffprobe and gets a poster frame from ffmpeg; an image is probed for its size.
/// </summary>
public sealed record MediaOptions
{
    public const string Section = "Hutong:Media";

    /// <summary>The ffprobe executable: a name looked up on <c>PATH</c>, or a path.</summary>
    [Required]
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>The ffmpeg executable: a name looked up on <c>PATH</c>, or a path.</summary>
    [Required]
    public string FfmpegPath { get; init; } = "ffmpeg";

    public static readonly TimeSpan MinToolTimeout = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxToolTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long one run of either tool may take before it is stopped and the upload answered with 503; 1 s to 10 min.
    /// Checked by <see cref="IsToolTimeoutValid"/> rather than a <c>[Range(typeof(TimeSpan), …)]</c>, whose first use is
    /// not thread-safe (dotnet/runtime#1143) and fails now and then when nodes start side by side in one process.
    /// </summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool IsToolTimeoutValid => ToolTimeout >= MinToolTimeout && ToolTimeout <= MaxToolTimeout;

    /// <summary>A video's poster frame is scaled down to fit this many pixels on its long side (never up).</summary>
    [Range(16, 4096)]
    public int PosterMaxSize { get; init; } = 720;
}
