using System.Globalization;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.Social;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;

namespace Hutong.Social.Moments;

/// <summary>Checks of what a person writes into Moments and Status, every bad field reported at once.</summary>
internal static class PostInput
{
    public const int MaxClientIdLength = 64;

    public static void ClientId(FieldErrors errors, string? clientId)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > MaxClientIdLength || NameText.HasControl(clientId))
        {
            errors.Add("clientId", $"clientId is 1 to {MaxClientIdLength} characters chosen by the device.");
        }
    }

    /// <summary>Optional text: trimmed, null when empty; no control characters but tabs and line breaks.</summary>
    public static string? Text(FieldErrors errors, string field, string? text, int max)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }
        else if (NameText.HasControlInMessage(trimmed))
        {
            errors.Add(field, "Control characters other than tabs and line breaks are not allowed.");
        }

        return trimmed;
    }

    public static PlaceInfo? Place(FieldErrors errors, PlaceInfo? place, int maxName)
    {
        if (place is null)
        {
            return null;
        }

        var name = NameText.Clean(place.Name);
        if (name.Length == 0 || name.Length > maxName || NameText.HasControl(name))
        {
            errors.Add("location.name", $"A place has a name of 1 to {maxName} characters.");
        }

        if (place.Latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            errors.Add("location.latitude", "Latitude is -90 to 90.");
        }

        if (place.Longitude is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
        {
            errors.Add("location.longitude", "Longitude is -180 to 180.");
        }

        return place with { Name = name };
    }

    /// <summary>
    /// An upload of the person's own of the kind asked for (sniffed from its bytes), or null with an error noted.
    /// Media of another person cannot be posted: it would show them something they never chose to share.
    /// </summary>
    public static async Task<MediaItem?> OwnMediaAsync(
        FieldErrors errors, string field, string? mediaId, string kind, Guid me, IMediaStore media, CancellationToken cancellationToken)
    {
        if (!Ids.TryParse(mediaId, out var id)
            || await media.FindAsync(id, cancellationToken) is not { } item
            || item.UploaderId != me)
        {
            errors.Add(field, "Not an upload of yours.");
            return null;
        }

        if (!item.ContentType.StartsWith(kind + "/", StringComparison.Ordinal))
        {
            errors.Add(field, $"Not an {kind}.");
            return null;
        }

        return item;
    }

    /// <summary>A video no longer than <paramref name="maxSeconds"/>, as the node measured it on upload.</summary>
    public static Error? VideoTooLong(MediaItem video, int maxSeconds) =>
        video.DurationMs is { } ms && VideoLength.Exceeds(ms, maxSeconds)
            ? new Error(ErrorCodes.VideoTooLong, 422, "The video is too long.",
                string.Create(CultureInfo.InvariantCulture, $"The video lasts {ms / 1000.0:0.0##} s; at most {maxSeconds} s here."))
            : null;

    /// <summary>How a post or status shows an upload: a video with its poster, or an image.</summary>
    public static PostMedia Shown(MediaItem item) =>
        item.IsVideo
            ? new PostMedia(Ids.Format(item.Id), PostMediaKinds.Video, item.PosterId is { } poster ? Ids.Format(poster) : null)
            : new PostMedia(Ids.Format(item.Id), PostMediaKinds.Image);
}
