using Hutong.Chat.Conversations;
using Hutong.Chat.Media;
using Hutong.Contracts.Chat.Content;
using Hutong.Core;
using Hutong.Core.Errors;

namespace Hutong.Chat.Messages.Content;

/// <summary>
/// An upload of the sender's own, of the kind's type (<paramref name="typePrefix"/>, or any for a file); its type,
/// size and (unless the sender named it) file name come from the upload, never from the device.
/// </summary>
internal class MediaHandler<T>(IMediaStore uploads, string? typePrefix, string noun) : ContentHandler<T>
    where T : MediaContent
{
    protected override T Check(T content, ChatOptions limits, FieldErrors errors)
    {
        var mediaId = content.MediaId;
        if (Ids.TryParse(content.MediaId, out var parsed))
        {
            mediaId = Ids.Format(parsed);
        }
        else
        {
            errors.Add("mediaId", "A media message carries the mediaId of an upload.");
        }

        if (content.FileName?.Length > 255 || content.FileName?.Any(c => char.IsControl(c) || c is '/' or '\\') == true)
        {
            errors.Add("fileName", "A file name has at most 255 characters and no path.");
        }

        return (T)(content with { MediaId = mediaId, ContentType = null, Size = null });
    }

    protected override async Task<Result<T>> ResolveAsync(Guid senderId, T content, CancellationToken cancellationToken)
    {
        var media = await uploads.FindAsync(Guid.Parse(content.MediaId), cancellationToken);
        if (media is null || media.UploaderId != senderId)
        {
            return ChatErrors.Invalid("mediaId", "Send your own upload.");
        }

        if (typePrefix is not null && !media.ContentType.StartsWith(typePrefix, StringComparison.Ordinal))
        {
            return ChatErrors.Invalid("mediaId", $"The upload is {media.ContentType}, which is not a {noun}.");
        }

        return (T)(content with { ContentType = media.ContentType, Size = media.Size, FileName = content.FileName ?? media.FileName });
    }
}

internal sealed class ImageHandler(IMediaStore uploads) : MediaHandler<ImageContent>(uploads, "image/", "image");

internal sealed class VideoHandler(IMediaStore uploads) : MediaHandler<VideoContent>(uploads, "video/", "video");

internal sealed class FileHandler(IMediaStore uploads) : MediaHandler<FileContent>(uploads, null, "file");

/// <summary>An audio upload that lasts from 1 ms to the longest voice message (60 seconds unless the operator says otherwise).</summary>
internal sealed class VoiceHandler(IMediaStore uploads) : MediaHandler<VoiceContent>(uploads, "audio/", "voice")
{
    protected override VoiceContent Check(VoiceContent content, ChatOptions limits, FieldErrors errors)
    {
        if (content.DurationMs < 1 || content.DurationMs > limits.MaxVoiceDuration.TotalMilliseconds)
        {
            errors.Add("durationMs", $"A voice message lasts 1 ms to {limits.MaxVoiceDuration.TotalSeconds:0} seconds.");
        }

        return base.Check(content, limits, errors);
    }
}
