namespace Hutong.Storage.Media;

/// <summary>
/// <c>Hutong:Media:Store</c>: where uploaded bytes live. <see cref="BlobStoreProvider.Folder"/> keeps them in the node's
/// data directory, which only that node sees; <see cref="BlobStoreProvider.S3"/> keeps them in a bucket every node of a
/// cluster shares. Either way uploads are staged in <c>{Root}/incoming</c> first.
/// </summary>
public sealed record BlobStoreOptions
{
    public const string Section = "Hutong:Media:Store";

    public BlobStoreProvider Provider { get; set; } = BlobStoreProvider.Folder;

    /// <summary>The local folder: the blobs themselves with <see cref="BlobStoreProvider.Folder"/>, and the staging files. Set by the host from the data directory.</summary>
    public string Root { get; set; } = "./data/media";

    /// <summary>The S3 endpoint of an S3-compatible server (<c>https://minio.example:9000</c>); blank for AWS itself, found by <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>The bucket's region; with a <see cref="ServiceUrl"/>, the one requests are signed for (<c>us-east-1</c> when blank).</summary>
    public string? Region { get; set; }

    /// <summary>With <see cref="SecretKey"/>; both blank, the AWS SDK's default chain finds credentials (environment, profile, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Addresses the bucket as <c>{endpoint}/{bucket}/{key}</c> rather than <c>{bucket}.{endpoint}/{key}</c>, as most S3-compatible servers need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Put before every key (<c>hutong/</c>), so the bucket can hold other things too; a slash is added when missing.</summary>
    public string? Prefix { get; set; }

    /// <summary>What is wrong with the settings, each naming its key; empty when the store can start.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (Provider == BlobStoreProvider.Folder)
        {
            return [];
        }

        List<string> problems = [];
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            problems.Add($"{Section}:Provider is S3, so {Section}:Bucket must name the bucket.");
        }

        if (!string.IsNullOrWhiteSpace(ServiceUrl)
            && !(Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add($"{Section}:ServiceUrl is an http:// or https:// address, such as https://s3.example.com.");
        }

        if (string.IsNullOrWhiteSpace(AccessKey) != string.IsNullOrWhiteSpace(SecretKey))
        {
            problems.Add($"{Section}:AccessKey and {Section}:SecretKey go together: set both, or neither to use the AWS SDK's default credentials.");
        }

        return problems;
    }
}

public enum BlobStoreProvider
{
    /// <summary>A folder under the data directory: one node.</summary>
    Folder,

    /// <summary>An S3 bucket (AWS or S3-compatible): any number of nodes.</summary>
    S3,
}
