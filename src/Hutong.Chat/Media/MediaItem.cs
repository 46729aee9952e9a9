namespace Hutong.Chat.Media;

/// <summary>An upload: who sent which bytes, and what they are (sniffed, never taken from the client).</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.media")]
public sealed record MediaItem(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Sha256,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] string? FileName,
    [property: Id(5)] Guid UploaderId,
    [property: Id(6)] DateTimeOffset CreatedAt);
