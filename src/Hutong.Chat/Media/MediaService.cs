using System.Globalization;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Core;
using Hutong.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hutong.Chat.Media;

/// <summary>
/// Uploads and downloads. Bytes are stored once per content; who may fetch them is decided per upload. A video is read
/// with ffprobe before anything is stored (its length, its size, a poster frame); one that cannot be read, or is not
/// what the upload was meant as (<see cref="UploadExpectation"/>), is refused.
/// </summary>
public sealed class MediaService(
    IBlobStore blobs, IMediaStore media, MediaProbe probe, IEnumerable<IMediaAudience> audiences, IOptions<ChatOptions> options, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.MediaNotFound, "No such media.");

    public static readonly Error EmptyFile = Error.BadRequest(ErrorCodes.EmptyFile, "The file is empty.");

    public async Task<Result<MediaUploaded>> UploadAsync(Guid me, IFormFile? file, UploadExpectation expected, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return Error.Validation(new Dictionary<string, string[]> { ["file"] = ["Send the file as the multipart field 'file'."] });
        }

        // Sent as asked, so not a missing field: the person picked a file with nothing in it, and no retry will help.
        if (file.Length == 0)
        {
            return EmptyFile;
        }

        if (file.Length > options.Value.MaxMediaBytes)
        {
            return TooLarge();
        }

        await using var content = file.OpenReadStream();
        var head = new byte[ContentSniffer.HeadBytes];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        content.Position = 0;
        var contentType = ContentSniffer.Sniff(head.AsSpan(0, headLength));
        if (NotAsExpected(contentType, expected) is { } refusal)
        {
            return refusal;
        }

        if (await blobs.StageAsync(content, options.Value.MaxMediaBytes, cancellationToken) is not { } staged)
        {
            return TooLarge();
        }

        var name = Path.GetFileName(file.FileName);
        var upload = new MediaItem(
            Ids.New(clock), staged.Sha256, contentType, staged.Size,
            string.IsNullOrWhiteSpace(name) ? null : name.Length > 255 ? name[..255] : name, me, clock.Now());
        List<StagedBlob> stagedBlobs = [staged];
        try
        {
            var read = upload.IsVideo ? await ReadVideoAsync(upload, staged, expected, stagedBlobs, cancellationToken)
                : upload.IsImage ? await ReadImageAsync(upload, staged, expected, cancellationToken)
                : new[] { upload };
            if (!read.IsSuccess)
            {
                return read.Error;
            }

            foreach (var blob in stagedBlobs)
            {
                await blobs.CommitAsync(blob, cancellationToken);
            }

            await media.AddAsync(read.Value, cancellationToken);
            var item = read.Value[^1];
            return new MediaUploaded(
                Ids.Format(item.Id), item.ContentType, item.Size, item.FileName,
                item.DurationMs, item.Width, item.Height, item.PosterId is { } poster ? Ids.Format(poster) : null);
        }
        finally
        {
            foreach (var blob in stagedBlobs)
            {
                blobs.Discard(blob);
            }
        }
    }

    /// <summary>
    /// An upload with what was read from it (length, size, poster), for features that take media by id: a Moments
    /// post that must be a short video of its author's, say. Null when there is no such upload.
    /// </summary>
    public Task<MediaItem?> FindAsync(Guid mediaId, CancellationToken cancellationToken) => media.FindAsync(mediaId, cancellationToken);

    /// <summary>The bytes, for someone allowed to see them; to anyone else the media does not exist.</summary>
    public async Task<Result<(MediaItem Item, Stream Content)>> OpenAsync(Guid me, Guid mediaId, CancellationToken cancellationToken)
    {
        if (await media.FindAsync(mediaId, cancellationToken) is not { } item
            || !await CanSeeAsync(me, mediaId, cancellationToken)
            || await blobs.OpenReadAsync(item.Sha256, cancellationToken) is not { } content)
        {
            return NotFound;
        }

        return (item, content);
    }

    /// <summary>
    /// Whether chat's own rule or any other feature's audience lets the person see the upload. A video's poster is seen
    /// by whoever may see the video, wherever it is shown.
    /// </summary>
    private async Task<bool> CanSeeAsync(Guid me, Guid mediaId, CancellationToken cancellationToken) =>
        await CanSeeItselfAsync(me, mediaId, cancellationToken)
        || (await media.FindVideoOfPosterAsync(mediaId, cancellationToken) is { } video && await CanSeeItselfAsync(me, video, cancellationToken));

    private async Task<bool> CanSeeItselfAsync(Guid me, Guid mediaId, CancellationToken cancellationToken)
    {
        if (await media.CanSeeAsync(me, mediaId, cancellationToken))
        {
            return true;
        }

        foreach (var audience in audiences)
        {
            if (await audience.CanSeeAsync(me, mediaId, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private Error TooLarge() => new(ErrorCodes.PayloadTooLarge, 413, $"An upload has at most {options.Value.MaxMediaBytes} bytes.");

    /// <summary>A refusal when the sniffed type is not the kind the upload was meant as.</summary>
    private static Error? NotAsExpected(string contentType, UploadExpectation expected) => expected.Kind switch
    {
        MediaUploadKinds.Video when !contentType.StartsWith("video/", StringComparison.Ordinal) =>
            MediaProbe.Unreadable("The file is not a video: send an MP4, QuickTime or WebM file."),
        MediaUploadKinds.Image when !contentType.StartsWith("image/", StringComparison.Ordinal) =>
            MediaProbe.Unreadable("The file is not an image: send a JPEG, PNG, WebP or GIF file."),
        _ => null,
    };

    private static Error TooLong(int durationMs, TimeSpan limit) => new(
        ErrorCodes.VideoTooLong, 422, "The video is too long.",
        string.Create(CultureInfo.InvariantCulture, $"The video lasts {durationMs / 1000.0:0.0##} s; this upload takes at most {limit.TotalSeconds:0} s."));

    /// <summary>
    /// The video with its length and size, preceded by its poster (staged into <paramref name="stagedBlobs"/>); or, for
    /// a file with sound and no picture, the same upload as audio.
    /// </summary>
    private async Task<Result<MediaItem[]>> ReadVideoAsync(
        MediaItem video, StagedBlob staged, UploadExpectation expected, List<StagedBlob> stagedBlobs, CancellationToken cancellationToken)
    {
        var probed = await probe.ProbeAsync(staged.LocalPath, video.ContentType, cancellationToken);
        if (!probed.IsSuccess)
        {
            return probed.Error;
        }

        var facts = probed.Value;
        if (!facts.HasPicture && expected.Kind == MediaUploadKinds.Video)
        {
            return MediaProbe.Unreadable($"The {video.ContentType} file has sound but no picture.");
        }

        if (!facts.HasPicture)
        {
            // An MP4 or WebM of sound alone (a voice recording, say) is audio, as a player would take it.
            return new[] { video with { ContentType = video.ContentType == "video/webm" ? "audio/webm" : "audio/mp4", DurationMs = facts.DurationMs } };
        }

        if (facts.DurationMs is null)
        {
            return MediaProbe.Unreadable($"The length of the {video.ContentType} video cannot be read.");
        }

        if (expected.MaxDuration is { } max && VideoLength.Exceeds(facts.DurationMs.Value, (int)max.TotalSeconds))
        {
            return TooLong(facts.DurationMs.Value, max);
        }

        var frame = await probe.PosterAsync(staged.LocalPath, video.ContentType, facts, cancellationToken);
        if (!frame.IsSuccess)
        {
            return frame.Error;
        }

        var posterBlob = (await blobs.StageAsync(new MemoryStream(frame.Value), long.MaxValue, cancellationToken))!;
        stagedBlobs.Add(posterBlob);
        var poster = new MediaItem(
            Ids.New(clock), posterBlob.Sha256, "image/jpeg", posterBlob.Size, PosterName(video.FileName), video.UploaderId, video.CreatedAt);
        var posterRead = await ReadImageAsync(poster, posterBlob, UploadExpectation.Any, cancellationToken);
        if (posterRead.IsSuccess)
        {
            poster = posterRead.Value[0];
        }

        return new[] { poster, video with { DurationMs = facts.DurationMs, Width = facts.Width, Height = facts.Height, PosterId = poster.Id } };
    }

    /// <summary>
    /// The image with its size when ffprobe can read it. Otherwise it is stored as before, without its size, unless it
    /// was meant as an image: then it must be read.
    /// </summary>
    private async Task<Result<MediaItem[]>> ReadImageAsync(MediaItem image, StagedBlob staged, UploadExpectation expected, CancellationToken cancellationToken)
    {
        var probed = await probe.ProbeAsync(staged.LocalPath, image.ContentType, cancellationToken);
        if (probed is { IsSuccess: true, Value.HasPicture: true })
        {
            return new[] { image with { Width = probed.Value.Width, Height = probed.Value.Height } };
        }

        if (expected.Kind != MediaUploadKinds.Image)
        {
            return new[] { image };
        }

        return probed.IsSuccess ? MediaProbe.Unreadable($"The {image.ContentType} file holds no picture.") : probed.Error;
    }

    private static string PosterName(string? videoName) =>
        videoName is null ? "poster.jpg" : $"{Path.GetFileNameWithoutExtension(videoName)}.jpg" is { Length: <= 255 } name ? name : "poster.jpg";
}
