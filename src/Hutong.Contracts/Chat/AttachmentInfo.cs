namespace Hutong.Contracts.Chat;

/// <summary>The upload a media message carries; fetch it from <c>GET /api/v1/media/{mediaId}</c>.</summary>
public sealed record AttachmentInfo(string MediaId, string ContentType, long Size, string? FileName, int? DurationMs);
