using System.Net.Sockets;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3.Model;
using Hutong.Chat.Media;
using Hutong.Storage.Media;
using Hutong.Testing;
using Microsoft.Extensions.Options;

namespace Hutong.Storage.Tests;

/// <summary>
/// Both blob stores keep the port's promises: bytes read back as stored, one copy per content, nothing left by a refused
/// or discarded upload, reads that seek. The S3 store runs against a real S3-compatible server (<see cref="TestS3"/>).
/// </summary>
public sealed class BlobStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hutong-blobs-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<BlobStoreProvider> Providers => [BlobStoreProvider.Folder, BlobStoreProvider.S3];

    [Theory, MemberData(nameof(Providers))]
    public async Task Commit_ThenRead_GivesTheSameBytes_AndTheStagingFileIsGoneOnceDiscarded(BlobStoreProvider provider)
    {
        using var store = await NewStoreAsync(provider);
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var staged = await StageAsync(store.Blobs, bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), staged.Sha256);
        Assert.Equal(bytes.Length, staged.Size);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(staged.LocalPath, Ct));
        await store.Blobs.CommitAsync(staged, Ct);
        store.Blobs.Discard(staged);

        Assert.False(File.Exists(staged.LocalPath));
        Assert.Equal(bytes, await ReadAllAsync(store.Blobs, staged.Sha256));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheSameContentTwice_IsStoredOnce(BlobStoreProvider provider)
    {
        using var store = await NewStoreAsync(provider);
        var bytes = RandomNumberGenerator.GetBytes(10_000);

        var first = await CommitAsync(store.Blobs, bytes);
        var second = await CommitAsync(store.Blobs, bytes);

        Assert.Equal(first, second);
        Assert.Equal([first], await store.StoredAsync());
        Assert.Equal(bytes, await ReadAllAsync(store.Blobs, first));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Discard_WithoutCommit_LeavesNothing(BlobStoreProvider provider)
    {
        using var store = await NewStoreAsync(provider);

        var staged = await StageAsync(store.Blobs, RandomNumberGenerator.GetBytes(5_000));
        store.Blobs.Discard(staged);

        Assert.False(File.Exists(staged.LocalPath));
        Assert.Empty(await store.StoredAsync());
        Assert.Null(await store.Blobs.OpenReadAsync(staged.Sha256, Ct));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Stage_OverTheLimit_IsRefusedAndLeavesNoFile(BlobStoreProvider provider)
    {
        using var store = await NewStoreAsync(provider);

        using var content = new MemoryStream(new byte[1_001]);
        Assert.Null(await store.Blobs.StageAsync(content, 1_000, Ct));

        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Empty(await store.StoredAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Delete_RemovesTheContent_AndAMissingOneReadsAsNull(BlobStoreProvider provider)
    {
        using var store = await NewStoreAsync(provider);
        var kept = await CommitAsync(store.Blobs, RandomNumberGenerator.GetBytes(2_000));
        var deleted = await CommitAsync(store.Blobs, RandomNumberGenerator.GetBytes(2_000));

        await store.Blobs.DeleteAsync(deleted, Ct);
        await store.Blobs.DeleteAsync(deleted, Ct);

        Assert.Null(await store.Blobs.OpenReadAsync(deleted, Ct));
        Assert.Null(await store.Blobs.OpenReadAsync(Convert.ToHexStringLower(SHA256.HashData([1, 2, 3])), Ct));
        Assert.Equal([kept], await store.StoredAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OpenRead_KnowsItsLength_AndReadsFromAnyOffset(BlobStoreProvider provider)
    {
        using var store = await NewStoreAsync(provider);
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var sha = await CommitAsync(store.Blobs, bytes);

        await using var content = (await store.Blobs.OpenReadAsync(sha, Ct))!;

        Assert.True(content.CanSeek);
        Assert.Equal(bytes.Length, content.Length);
        Assert.Equal(bytes.AsSpan(0, 1_000).ToArray(), await ReadAsync(content, 1_000));
        content.Seek(150_000, SeekOrigin.Begin);
        Assert.Equal(bytes.AsSpan(150_000, 4_000).ToArray(), await ReadAsync(content, 4_000));
        content.Position = 10;
        Assert.Equal(bytes.AsSpan(10, 20).ToArray(), await ReadAsync(content, 20));
        Assert.Equal(30, content.Position);
        content.Seek(-5, SeekOrigin.End);
        Assert.Equal(bytes.AsSpan(bytes.Length - 5).ToArray(), await ReadAsync(content, 100));
        Assert.Equal(0, await content.ReadAsync(new byte[10], Ct));
    }

    [Fact]
    public async Task S3_CommitOfContentAlreadyThere_UploadsNothing()
    {
        var requests = new WatchedHttp();
        using var store = await NewStoreAsync(BlobStoreProvider.S3, requests);
        var bytes = RandomNumberGenerator.GetBytes(50_000);
        await CommitAsync(store.Blobs, bytes);
        Assert.Contains(HttpMethod.Put, requests.Methods);
        requests.Methods.Clear();

        await CommitAsync(store.Blobs, bytes);

        Assert.Equal([HttpMethod.Head], requests.Methods);
    }

    [Fact]
    public async Task S3_ReadingAfterASeek_FetchesFromThere_NotTheWholeObject()
    {
        var http = new WatchedHttp();
        using var store = await NewStoreAsync(BlobStoreProvider.S3, http);
        var bytes = RandomNumberGenerator.GetBytes(16 * 1024 * 1024);
        var sha = await CommitAsync(store.Blobs, bytes);
        var before = http.Received;

        await using (var content = (await store.Blobs.OpenReadAsync(sha, Ct))!)
        {
            content.Seek(8 * 1024 * 1024, SeekOrigin.Begin);
            Assert.Equal(bytes.AsSpan(8 * 1024 * 1024, 64 * 1024).ToArray(), await ReadAsync(content, 64 * 1024));
        }

        // The 64 KiB asked for, and what was on its way when the body was dropped; far from the 8 MiB after the
        // position, let alone the 16 MiB of the object.
        Assert.InRange(http.Received - before, 64 * 1024, 3 * 1024 * 1024);
    }

    [Fact]
    public async Task S3_TwoStoresOnOneBucket_ReadWhatTheOtherCommitted_UnderTheirPrefix()
    {
        var bucket = await TestS3.CreateBucketAsync(Ct);
        using var first = NewS3Store(bucket, Path.Combine(_root, "first"), prefix: "nodes/");
        using var second = NewS3Store(bucket, Path.Combine(_root, "second"), prefix: "nodes");
        var bytes = RandomNumberGenerator.GetBytes(30_000);

        var sha = await CommitAsync(first, bytes);

        Assert.Equal(bytes, await ReadAllAsync(second, sha));
        using var client = TestS3.NewClient();
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, Ct);
        Assert.Equal($"nodes/{sha[..2]}/{sha[2..4]}/{sha}", Assert.Single(listed.S3Objects).Key);

        await second.DeleteAsync(sha, Ct);
        Assert.Null(await first.OpenReadAsync(sha, Ct));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<Store> NewStoreAsync(BlobStoreProvider provider, HttpClientFactory? httpClients = null)
    {
        if (provider == BlobStoreProvider.Folder)
        {
            var folder = new FileBlobStore(Options.Create(new BlobStoreOptions { Root = _root }));
            return new Store(folder, () => Task.FromResult(
                Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()));
        }

        var bucket = await TestS3.CreateBucketAsync(Ct);
        var s3 = NewS3Store(bucket, _root, httpClients: httpClients);
        return new Store(s3, async () =>
        {
            using var client = TestS3.NewClient();
            var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, Ct);
            return [.. (listed.S3Objects ?? []).Select(o => o.Key[(o.Key.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal)];
        });
    }

    private static S3BlobStore NewS3Store(string bucket, string root, string? prefix = null, HttpClientFactory? httpClients = null) => new(
        new BlobStoreOptions
        {
            Provider = BlobStoreProvider.S3,
            Root = root,
            ServiceUrl = TestS3.ServiceUrl,
            Bucket = bucket,
            Region = TestS3.Region,
            AccessKey = TestS3.AccessKey,
            SecretKey = TestS3.SecretKey,
            ForcePathStyle = true,
            Prefix = prefix,
        },
        httpClients);

    private static async Task<StagedBlob> StageAsync(IBlobStore blobs, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        return (await blobs.StageAsync(content, long.MaxValue, Ct))!;
    }

    private static async Task<string> CommitAsync(IBlobStore blobs, byte[] bytes)
    {
        var staged = await StageAsync(blobs, bytes);
        try
        {
            await blobs.CommitAsync(staged, Ct);
            return staged.Sha256;
        }
        finally
        {
            blobs.Discard(staged);
        }
    }

    private static async Task<byte[]> ReadAllAsync(IBlobStore blobs, string sha256)
    {
        await using var content = (await blobs.OpenReadAsync(sha256, Ct))!;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    /// <summary>Up to <paramref name="count"/> bytes from where the stream is.</summary>
    private static async Task<byte[]> ReadAsync(Stream content, int count)
    {
        var buffer = new byte[count];
        var read = await content.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, Ct);
        return buffer[..read];
    }

    /// <summary>A store under test and how to list the contents it holds (by SHA-256), looking past it.</summary>
    private sealed record Store(IBlobStore Blobs, Func<Task<List<string>>> StoredAsync) : IDisposable
    {
        public void Dispose() => (Blobs as IDisposable)?.Dispose();
    }

    /// <summary>An S3 client's HTTP: the methods of the requests it sends, in order, and the bytes it reads off its sockets.</summary>
    private sealed class WatchedHttp : HttpClientFactory
    {
        private long _received;

        public List<HttpMethod> Methods { get; } = [];

        public long Received => Interlocked.Read(ref _received);

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Recorder(this)
        {
            InnerHandler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new Counted(new NetworkStream(socket, ownsSocket: true), this);
                },
            },
        });

        private sealed class Recorder(WatchedHttp owner) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                lock (owner.Methods)
                {
                    owner.Methods.Add(request.Method);
                }

                return base.SendAsync(request, cancellationToken);
            }
        }

        /// <summary>A socket's stream that adds up what is read from it.</summary>
        private sealed class Counted(Stream inner, WatchedHttp owner) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                Count(await inner.ReadAsync(buffer, cancellationToken));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
                inner.WriteAsync(buffer, cancellationToken);

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                inner.WriteAsync(buffer, offset, count, cancellationToken);

            public override void Flush() => inner.Flush();

            public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }

            private int Count(int read)
            {
                Interlocked.Add(ref owner._received, read);
                return read;
            }
        }
    }
}
