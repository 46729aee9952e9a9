using System.Globalization;
using System.Text;
using System.Text.Json;
using Hutong.Contracts;
using Hutong.Core.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Chat.Media;

/// <summary>
/// Reads uploads with Debian's ffmpeg: <c>ffprobe</c> for what a video or image is (length, size, codec), and
/// <c>ffmpeg</c> for a video's poster frame. Each tool is told the container the bytes were sniffed as and may read
/// only local files, so an upload can never make it open anything else. Failures are values:
/// <see cref="ErrorCodes.UnsupportedMedia"/> when the bytes cannot be read, <see cref="ErrorCodes.MediaProcessingUnavailable"/>
/// when the tool is missing or ran out of time.
/// </summary>
public sealed class MediaProbe(IOptions<MediaOptions> options, ILogger<MediaProbe> logger)
{
    private const int MaxProbeOutputBytes = 4 * 1024 * 1024;
    private const int MaxPacketListBytes = 32 * 1024 * 1024;
    private const int MaxPosterBytes = 8 * 1024 * 1024;

    private static readonly Error Unavailable = new(
        ErrorCodes.MediaProcessingUnavailable, 503, "The node cannot read media files just now.", "Try again later; if it lasts, the node's log says why.");

    private int _missingLogged;

    private MediaOptions Options => options.Value;

    /// <summary>The ffmpeg container (demuxer) for a sniffed type, or null for a type that is not probed.</summary>
    public static string? DemuxerFor(string contentType) => contentType switch
    {
        "video/mp4" or "video/quicktime" => "mov",
        "video/webm" => "matroska",
        "image/jpeg" => "jpeg_pipe",
        "image/png" => "png_pipe",
        "image/gif" => "gif",
        "image/webp" => "webp_pipe",
        _ => null,
    };

    public static Error Unreadable(string detail) => new(ErrorCodes.UnsupportedMedia, 415, "The file cannot be read as that kind of media.", detail);

    /// <summary>What the file holds, read as the container <paramref name="contentType"/> names (see <see cref="DemuxerFor"/>).</summary>
    public async Task<Result<MediaFacts>> ProbeAsync(string path, string contentType, CancellationToken cancellationToken)
    {
        var demuxer = DemuxerFor(contentType) ?? throw new ArgumentException($"{contentType} is not a type that is probed.", nameof(contentType));
        var run = await RunAsync(
            "ffprobe", Options.FfprobePath, nameof(MediaOptions.FfprobePath), contentType,
            ["-v", "error", "-protocol_whitelist", "file", "-f", demuxer, "-print_format", "json", "-show_format", "-show_streams", Input(path)],
            MaxProbeOutputBytes, cancellationToken);
        if (!run.IsSuccess)
        {
            return run.Error;
        }

        if (Read(run.Value) is not { } facts)
        {
            return Unreadable($"ffprobe found no media in the file it read as {contentType}.");
        }

        if (facts is { HasPicture: true, DurationMs: null } && contentType.StartsWith("video/", StringComparison.Ordinal))
        {
            // A recording streamed as it was made (a browser's MediaRecorder WebM) has no length in its header.
            var lasts = await LastFrameEndAsync(path, demuxer, contentType, facts.StreamIndex!.Value, cancellationToken);
            if (!lasts.IsSuccess)
            {
                return lasts.Error;
            }

            facts = facts with { DurationMs = lasts.Value };
        }

        return facts;
    }

    /// <summary>
    /// A JPEG of the video's picture half a second in (its first frame when it is shorter than a second), scaled to fit
    /// <see cref="MediaOptions.PosterMaxSize"/> and turned as the video shows.
    /// </summary>
    public async Task<Result<byte[]>> PosterAsync(string path, string contentType, MediaFacts video, CancellationToken cancellationToken)
    {
        var demuxer = DemuxerFor(contentType) ?? throw new ArgumentException($"{contentType} is not a type that is probed.", nameof(contentType));
        var at = video.DurationMs >= 1_000 ? "0.5" : null;
        while (true)
        {
            List<string> arguments = ["-v", "error", "-nostdin", "-protocol_whitelist", "file"];
            if (at is not null)
            {
                arguments.AddRange(["-ss", at]);
            }

            var size = Options.PosterMaxSize.ToString(CultureInfo.InvariantCulture);
            arguments.AddRange(
            [
                "-f", demuxer, "-i", Input(path), "-map", $"0:{video.StreamIndex!.Value.ToString(CultureInfo.InvariantCulture)}", "-frames:v", "1",
                "-vf", $"scale=w='min({size},iw)':h='min({size},ih)':force_original_aspect_ratio=decrease",
                "-c:v", "mjpeg", "-q:v", "3", "-f", "image2pipe", "pipe:1",
            ]);
            var run = await RunAsync("ffmpeg", Options.FfmpegPath, nameof(MediaOptions.FfmpegPath), contentType, arguments, MaxPosterBytes, cancellationToken);
            if (!run.IsSuccess)
            {
                return run.Error;
            }

            if (run.Value.Length > 0)
            {
                return run.Value;
            }

            if (at is null)
            {
                return Unreadable($"ffmpeg could not draw a frame of the {contentType} video.");
            }

            // A length in the header that the frames do not reach: take the first frame instead.
            at = null;
        }
    }

    /// <summary>A local file, named so that neither tool takes anything in the name for a protocol or an option.</summary>
    private static string Input(string path) => "file:" + Path.GetFullPath(path);

    private async Task<Result<byte[]>> RunAsync(
        string tool, string executable, string setting, string contentType, IEnumerable<string> arguments, int maxOutputBytes, CancellationToken cancellationToken)
    {
        var run = await MediaTool.RunAsync(executable, arguments, Options.ToolTimeout, maxOutputBytes, cancellationToken);
        switch (run.Outcome)
        {
            case ToolOutcome.Missing:
                // Said at start-up already (MediaToolsCheck); once more here, and not again for every upload.
                if (Interlocked.Exchange(ref _missingLogged, 1) == 0)
                {
                    MediaLog.ToolMissing(logger, tool, executable, setting);
                }

                return Unavailable;
            case ToolOutcome.TimedOut:
                MediaLog.ToolTimedOut(logger, tool, Options.ToolTimeout);
                return Unavailable;
            case ToolOutcome.TooMuchOutput:
                MediaLog.Unreadable(logger, tool, contentType, "more output than a media file gives");
                return Unreadable($"{tool} could not read the file as {contentType}.");
            case ToolOutcome.Exited when run.ExitCode != 0:
                MediaLog.Unreadable(logger, tool, contentType, run.Errors);
                return Unreadable($"{tool} could not read the file as {contentType}.");
            case ToolOutcome.Exited:
                return run.Output;
            default:
                throw new InvalidOperationException($"Unknown tool outcome {run.Outcome}.");
        }
    }

    /// <summary>The end of the picture's last frame, from its packets' timestamps (a demux, no decoding).</summary>
    private async Task<Result<int?>> LastFrameEndAsync(string path, string demuxer, string contentType, int streamIndex, CancellationToken cancellationToken)
    {
        var run = await RunAsync(
            "ffprobe", Options.FfprobePath, nameof(MediaOptions.FfprobePath), contentType,
            ["-v", "error", "-protocol_whitelist", "file", "-f", demuxer, "-select_streams", streamIndex.ToString(CultureInfo.InvariantCulture),
                "-show_entries", "packet=pts_time,duration_time", "-of", "csv=p=0", Input(path)],
            MaxPacketListBytes, cancellationToken);
        if (!run.IsSuccess)
        {
            return run.Error;
        }

        double? end = null;
        foreach (var line in Encoding.UTF8.GetString(run.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(',');
            if (Seconds(fields[0]) is { } pts)
            {
                var frameEnd = pts + (fields.Length > 1 && Seconds(fields[1]) is { } duration ? duration : 0);
                end = end is { } known ? Math.Max(known, frameEnd) : frameEnd;
            }
        }

        return Milliseconds(end);
    }

    /// <summary>The facts in ffprobe's JSON; null when it names no stream worth reading.</summary>
    private static MediaFacts? Read(byte[] json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        using var _ = document;
        var root = document.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var streams = root.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array ? [.. s.EnumerateArray()] : Array.Empty<JsonElement>();
        var picture = streams.FirstOrDefault(IsPicture);
        var hasAudio = streams.Any(stream => Text(stream, "codec_type") == "audio");
        if (picture.ValueKind != JsonValueKind.Object && !hasAudio)
        {
            return null;
        }

        var duration = Milliseconds(Seconds(Text(format, "duration")));
        if (picture.ValueKind != JsonValueKind.Object)
        {
            return new MediaFacts(Text(format, "format_name") ?? "", null, null, null, null, hasAudio, duration);
        }

        var (width, height) = (Number(picture, "width")!.Value, Number(picture, "height")!.Value);
        if (Math.Abs(Rotation(picture)) % 180 == 90)
        {
            (width, height) = (height, width);
        }

        return new MediaFacts(
            Text(format, "format_name") ?? "", Number(picture, "index"), Text(picture, "codec_name"), width, height, hasAudio,
            duration ?? Milliseconds(Seconds(Text(picture, "duration"))));
    }

    /// <summary>A video stream with a size that is not an album's cover picture (an M4A's artwork is a "video" stream too).</summary>
    private static bool IsPicture(JsonElement stream) =>
        Text(stream, "codec_type") == "video"
        && Number(stream, "width") > 0 && Number(stream, "height") > 0 && Number(stream, "index") >= 0
        && !(stream.TryGetProperty("disposition", out var disposition) && Number(disposition, "attached_pic") == 1);

    /// <summary>How far the picture is turned: the display matrix's rotation, or the older <c>rotate</c> tag.</summary>
    private static int Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in sideData.EnumerateArray())
            {
                if (entry.TryGetProperty("rotation", out var rotation) && rotation.TryGetDouble(out var degrees))
                {
                    return (int)Math.Round(degrees);
                }
            }
        }

        return stream.TryGetProperty("tags", out var tags) && int.TryParse(Text(tags, "rotate"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rotate)
            ? rotate
            : 0;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    private static double? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds >= 0 ? seconds : null;

    private static int? Milliseconds(double? seconds) =>
        seconds is { } s && s * 1000 < int.MaxValue ? (int)Math.Round(s * 1000) : null;
}
