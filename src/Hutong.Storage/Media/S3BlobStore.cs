using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Hutong.Chat.Media;

namespace Hutong.Storage.Media;

/// <summary>
/// Objects under <c>{prefix}ab/cd/abcd…</c> by SHA-256 in one S3 bucket (AWS or S3-compatible) that every node shares.
/// Uploads are staged locally like the folder store's; a commit asks first whether the object is there (a HEAD) and
/// uploads only when it is not, so the same bytes uploaded again (a forwarded video, a mini-program's unchanged assets)
/// cost one round trip and no transfer. Two nodes committing the same new content at once both upload it, harmlessly:
/// a key always holds the same bytes. Reads are <see cref="S3ReadStream"/>s, which fetch only the ranges asked for.
/// </summary>
/// <remarks>
/// A singleton per node, owning its client (a pool of connections and the credentials, safe for concurrent use). It is
/// safe with several nodes because it keeps no state of its own: the bucket is the only truth, and an object, named by
/// its content, never changes once written.
/// </remarks>
internal sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly string _root;

    /// <param name="options">Checked by <see cref="BlobStoreOptions.Problems"/>.</param>
    /// <param name="httpClients">The client's HTTP connections, for tests that watch its requests; the SDK's own by default.</param>
    public S3BlobStore(BlobStoreOptions options, HttpClientFactory? httpClients = null)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // SDK v4 adds a checksum to every upload by default, sent as a trailer of a chunked body, which many
            // S3-compatible servers refuse; the bytes are already named by their SHA-256.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            if (!string.IsNullOrWhiteSpace(options.Region))
            {
                config.AuthenticationRegion = options.Region;
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (httpClients is not null)
        {
            config.HttpClientFactory = httpClients;
        }

        _client = string.IsNullOrWhiteSpace(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        _bucket = options.Bucket!;
        _prefix = string.IsNullOrWhiteSpace(options.Prefix) ? "" : options.Prefix.Trim().TrimEnd('/') + "/";
        _root = Path.GetFullPath(options.Root);
    }

    public Task<StagedBlob?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken) =>
        StagingFolder.StageAsync(_root, content, maxBytes, cancellationToken);

    public async Task CommitAsync(StagedBlob staged, CancellationToken cancellationToken)
    {
        var key = KeyOf(staged.Sha256);
        if (await LengthAsync(key, cancellationToken) is not null)
        {
            return;
        }

        await _client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                FilePath = staged.LocalPath,
                ContentType = "application/octet-stream",
                // A plain body with its length, which every S3-compatible server takes (not all take aws-chunked).
                UseChunkEncoding = false,
            },
            cancellationToken);
    }

    public void Discard(StagedBlob staged) => StagingFolder.Discard(staged);

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var key = KeyOf(sha256);
        return await LengthAsync(key, cancellationToken) is { } length ? new S3ReadStream(_client, _bucket, key, length) : null;
    }

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken) =>
        _client.DeleteObjectAsync(_bucket, KeyOf(sha256), cancellationToken);

    /// <summary>Whether the bucket answers, for the health check: a HEAD on it.</summary>
    public async Task CheckBucketAsync(CancellationToken cancellationToken) =>
        await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = _bucket }, cancellationToken);

    public void Dispose() => _client.Dispose();

    internal string KeyOf(string sha256) => $"{_prefix}{sha256[..2]}/{sha256[2..4]}/{sha256}";

    /// <summary>The object's length, or null when there is none.</summary>
    private async Task<long?> LengthAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await _client.GetObjectMetadataAsync(_bucket, key, cancellationToken)).ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
