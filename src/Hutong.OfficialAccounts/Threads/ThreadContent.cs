using Hutong.Chat;
using Hutong.Chat.Media;
using Hutong.Chat.Messages.Content;
using Hutong.Contracts.Chat.Content;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Threads;

/// <summary>
/// What a thread takes: text and an image the sender uploaded; from followers also a place, a voice message and a
/// published article's card (which developers get as WeChat's location, voice and link messages). Checked the same way
/// for the follower's messages, the studio's replies and broadcasts; the stored content is what the node made of it (the
/// upload's type and size, the article's own title, not what the device said).
/// </summary>
public sealed class ThreadContent(IMediaStore media, ContentHandlers chat, IOptions<ChatOptions> chatOptions)
{
    public async Task<Result<MessageContent>> CheckAsync(
        MessageContent? content, Guid uploader, bool fromFollower, int maxText, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        switch (content)
        {
            case TextContent { Text: var text }:
                var trimmed = (text ?? string.Empty).Trim();
                if (trimmed.Length == 0 || trimmed.Length > maxText || NameText.HasControlInMessage(trimmed))
                {
                    errors.Add("content.text", $"Text is 1 to {maxText} characters.");
                    break;
                }

                return new TextContent(trimmed);
            case ImageContent image:
                if (await media.OwnImageAsync(image.MediaId, uploader, cancellationToken) is { } own)
                {
                    return own;
                }

                errors.Add("content.mediaId", "An image is one the sender uploaded.");
                break;
            case LocationContent place when fromFollower:
                if (double.IsFinite(place.Latitude) && double.IsFinite(place.Longitude) && Math.Abs(place.Latitude) <= 90 && Math.Abs(place.Longitude) <= 180
                    && (place.Name?.Length ?? 0) <= 100 && (place.Address?.Length ?? 0) <= 200)
                {
                    return place with { Name = Clean(place.Name), Address = Clean(place.Address) };
                }

                errors.Add("content", "A place has a latitude, a longitude, and a short name and address.");
                break;
            case VoiceContent or ArticleContent when fromFollower && chat.Find(content) is { } handler:
                // Taken as a chat takes them: an audio upload of the sender's within the voice limit; a published article.
                var taken = handler.Check(content, chatOptions.Value, errors);
                if (!errors.Any)
                {
                    return await handler.ResolveAsync(uploader, taken, cancellationToken);
                }

                break;
            default:
                errors.Add("content", fromFollower ? "A message is text, an image, a voice message, a place or an article." : "A message is text or an image.");
                break;
        }

        return errors.ToError();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : NameText.Clean(text);
}

/// <summary>The one check of an image an account sends, whichever way it comes (studio, app API, passive reply).</summary>
public static class OwnImages
{
    /// <summary>
    /// The image content of an upload of <paramref name="uploader"/>'s that is an image, as the node stored it (its type
    /// and size, not what the caller said); null for anything else.
    /// </summary>
    public static async Task<ImageContent?> OwnImageAsync(this IMediaStore media, string? mediaId, Guid uploader, CancellationToken cancellationToken) =>
        Ids.TryParse(mediaId, out var id) && await media.FindAsync(id, cancellationToken) is { IsImage: true } found && found.UploaderId == uploader
            ? new ImageContent(mediaId, found.ContentType, found.Size, found.FileName)
            : null;
}
