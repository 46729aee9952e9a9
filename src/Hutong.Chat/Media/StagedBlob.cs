namespace Hutong.Chat.Media;

/// <summary>
/// Bytes on their way into the <see cref="IBlobStore"/>: hashed, and in a local file (<see cref="LocalPath"/>) that
/// tools such as ffprobe can read until the blob is discarded.
/// </summary>
public sealed record StagedBlob(string Sha256, long Size, string LocalPath);
