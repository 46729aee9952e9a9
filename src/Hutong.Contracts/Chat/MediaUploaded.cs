namespace Hutong.Contracts.Chat;

/// <summary><c>POST /api/v1/media</c>: the stored upload. <see cref="ContentType"/> is what the bytes are, not what was declared.</summary>
public sealed record MediaUploaded(string MediaId, string ContentType, long Size, string? FileName);
