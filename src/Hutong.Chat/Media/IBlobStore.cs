namespace Hutong.Chat.Media;

/// <summary>
/// Content-addressed bytes: stored once per SHA-256, whoever uploads them. Implemented by Hutong.Storage.
/// An upload is staged first, so it can be looked at (sniffed, probed) and refused with nothing stored.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Copies the content to a staging file while hashing it; null (and nothing kept) when it is over
    /// <paramref name="maxBytes"/>. The bytes are stored only by <see cref="Commit"/>; <see cref="Discard"/> whatever
    /// was staged, committed or not.
    /// </summary>
    Task<StagedBlob?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Stores the staged bytes under their SHA-256; the same content already stored stays as it is.</summary>
    void Commit(StagedBlob staged);

    /// <summary>Deletes the staging file, if it is still there.</summary>
    void Discard(StagedBlob staged);

    /// <summary>The stored content, or null when there is none.</summary>
    Stream? OpenRead(string sha256);

    /// <summary>Deletes the content, if there is any.</summary>
    void Delete(string sha256);
}
