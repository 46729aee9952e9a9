namespace Hutong.Chat.Media;

/// <summary>
/// Content-addressed bytes: stored once per SHA-256, whoever uploads them. Implemented by Hutong.Storage, in a folder
/// of the node's or in an S3 bucket that every node shares. An upload is staged first in a local file, so it can be
/// looked at (sniffed, probed) and refused with nothing stored.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Copies the content to a local staging file while hashing it; null (and nothing kept) when it is over
    /// <paramref name="maxBytes"/>. The bytes are stored only by <see cref="CommitAsync"/>; <see cref="Discard"/>
    /// whatever was staged, committed or not.
    /// </summary>
    Task<StagedBlob?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Stores the staged bytes under their SHA-256; the same content already stored stays as it is.</summary>
    Task CommitAsync(StagedBlob staged, CancellationToken cancellationToken);

    /// <summary>Deletes the staging file, if it is still there.</summary>
    void Discard(StagedBlob staged);

    /// <summary>
    /// The stored content, or null when there is none: a read-only stream that can seek and knows its length, so a
    /// download can answer range requests (a video being seeked) without reading what comes before.
    /// </summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Deletes the content, if there is any.</summary>
    Task DeleteAsync(string sha256, CancellationToken cancellationToken);
}
