namespace Hutong.Storage.Media;

/// <summary>Where uploaded bytes live: a folder of files named by their SHA-256. Set by the host from the data directory.</summary>
public sealed record BlobStoreOptions
{
    public string Root { get; set; } = "./data/media";
}
