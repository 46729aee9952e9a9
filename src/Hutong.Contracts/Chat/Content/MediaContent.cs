namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// An upload a message carries; fetch it from <c>GET /api/v1/media/{mediaId}</c>. A device names its own upload by
/// <see cref="MediaId"/> (and may name the file); the node fills in <see cref="ContentType"/>, <see cref="Size"/> and,
/// if the device gave none, <see cref="FileName"/> from the upload, replacing whatever the device said of them.
/// </summary>
public abstract record MediaContent(string MediaId, string? ContentType, long? Size, string? FileName) : MessageContent;

/// <summary>A picture: an image upload.</summary>
public sealed record ImageContent(string MediaId, string? ContentType = null, long? Size = null, string? FileName = null)
    : MediaContent(MediaId, ContentType, Size, FileName);

/// <summary>A voice message: an audio upload lasting <see cref="DurationMs"/> (up to 60 seconds).</summary>
public sealed record VoiceContent(string MediaId, int DurationMs, string? ContentType = null, long? Size = null, string? FileName = null)
    : MediaContent(MediaId, ContentType, Size, FileName);

/// <summary>A video upload.</summary>
public sealed record VideoContent(string MediaId, string? ContentType = null, long? Size = null, string? FileName = null)
    : MediaContent(MediaId, ContentType, Size, FileName);

/// <summary>Any upload, shown as a file to download by its name.</summary>
public sealed record FileContent(string MediaId, string? FileName = null, string? ContentType = null, long? Size = null)
    : MediaContent(MediaId, ContentType, Size, FileName);
