namespace Hutong.Chat.Media;

/// <summary>
/// An upload: who sent which bytes, and what they are (sniffed, never taken from the client). For a video the node
/// read (ffprobe) its length, its size as it shows and made a poster frame, itself an image upload of the same person;
/// for an image, its size. Each is null where it does not apply or could not be read.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.media")]
public sealed record MediaItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Sha256,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] string? FileName,
    [property: Id(5)] Guid UploaderId,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] int? DurationMs = null,
    [property: Id(8)] int? Width = null,
    [property: Id(9)] int? Height = null,
    [property: Id(10)] Guid? PosterId = null)
{
    /// <summary>A video upload; every one stored since videos are probed has a length and a poster.</summary>
    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.Ordinal);

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
