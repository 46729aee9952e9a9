namespace Hutong.Chat.Media;

/// <summary>Content-addressed bytes: stored once per SHA-256, whoever uploads them. Implemented by Hutong.Storage.</summary>
public interface IBlobStore
{
    /// <summary>Stores the content and returns its SHA-256 (lower-case hex) and length; null when it is over <paramref name="maxBytes"/>.</summary>
    Task<(string Sha256, long Size)?> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The stored content, or null when there is none.</summary>
    Stream? OpenRead(string sha256);

    /// <summary>Deletes the content, if there is any.</summary>
    void Delete(string sha256);
}
