namespace Hutong.Contracts.Chat;

/// <summary>
/// <c>POST /api/v1/media</c>: the stored upload. <see cref="ContentType"/> is what the bytes are, not what was declared.
/// A video carries its length, its size as it shows and <see cref="PosterId"/>, the media id of a JPEG of one of its
/// frames; an image carries its size. Each is null where it does not apply.
/// </summary>
public sealed record MediaUploaded(
    string MediaId, string ContentType, long Size, string? FileName,
    int? DurationMs = null, int? Width = null, int? Height = null, string? PosterId = null);
