using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Core;
using Hutong.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hutong.Chat.Media;

/// <summary>Uploads and downloads. Bytes are stored once per content; who may fetch them is decided per upload.</summary>
public sealed class MediaService(
    IBlobStore blobs, IMediaStore media, IEnumerable<IMediaAudience> audiences, IOptions<ChatOptions> options, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.MediaNotFound, "No such media.");

    public static readonly Error EmptyFile = Error.BadRequest(ErrorCodes.EmptyFile, "The file is empty.");

    public async Task<Result<MediaUploaded>> UploadAsync(Guid me, IFormFile? file, CancellationToken cancellationToken)
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
            return new Error(ErrorCodes.PayloadTooLarge, 413, $"An upload has at most {options.Value.MaxMediaBytes} bytes.");
        }

        await using var content = file.OpenReadStream();
        var head = new byte[ContentSniffer.HeadBytes];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        content.Position = 0;
        if (await blobs.StageAsync(content, options.Value.MaxMediaBytes, cancellationToken) is not { } staged)
        {
            return new Error(ErrorCodes.PayloadTooLarge, 413, $"An upload has at most {options.Value.MaxMediaBytes} bytes.");
        }

        try
        {
            var name = Path.GetFileName(file.FileName);
            var item = new MediaItem(
                Ids.New(clock), staged.Sha256, ContentSniffer.Sniff(head.AsSpan(0, headLength)), staged.Size,
                string.IsNullOrWhiteSpace(name) ? null : name.Length > 255 ? name[..255] : name, me, clock.Now());
            blobs.Commit(staged);
            await media.AddAsync(item, cancellationToken);
            return new MediaUploaded(Ids.Format(item.Id), item.ContentType, item.Size, item.FileName);
        }
        finally
        {
            blobs.Discard(staged);
        }
    }

    /// <summary>The bytes, for someone allowed to see them; to anyone else the media does not exist.</summary>
    public async Task<Result<(MediaItem Item, Stream Content)>> OpenAsync(Guid me, Guid mediaId, CancellationToken cancellationToken)
    {
        if (await media.FindAsync(mediaId, cancellationToken) is not { } item
            || !await CanSeeAsync(me, mediaId, cancellationToken)
            || blobs.OpenRead(item.Sha256) is not { } content)
        {
            return NotFound;
        }

        return (item, content);
    }

    private async Task<bool> CanSeeAsync(Guid me, Guid mediaId, CancellationToken cancellationToken)
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
}
