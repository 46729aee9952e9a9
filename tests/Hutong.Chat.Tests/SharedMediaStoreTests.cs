using System.Net;
using System.Net.Http.Headers;
using Amazon.S3.Model;
using Hutong.Chat.Media;
using Hutong.Contracts.Chat.Content;
using Hutong.Core.Qr;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Chat.Tests;

/// <summary>
/// Media through a whole node on either blob store: uploads read back through the API, videos served by range as a
/// browser seeks them, and, on S3, one bucket shared by two nodes. The database plays no part, so SQLite only.
/// </summary>
public sealed class SharedMediaStoreTests(VideoFixture clips) : IClassFixture<VideoFixture>
{
    private static readonly byte[] Png = QrCodes.Png("hutong://s3", 4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Stores => ["Folder", "S3"];

    [Theory, MemberData(nameof(Stores))]
    public async Task ImageAndVideo_SentToAFriend_AreReadBack_AndTheVideoAnswersRangeRequests(string store)
    {
        var bucket = store == "S3" ? await TestS3.CreateBucketAsync(Ct) : null;
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, bucket is null ? null : TestS3.NodeSettings(bucket), cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var image = await mei.Client.UploadMediaAsync(new MemoryStream(Png), "photo.png", Ct);
        var video = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "clip.mp4", Ct);
        await mei.Client.SendMessageAsync(id, new("img", new ImageContent(image.MediaId)), Ct);
        await mei.Client.SendMessageAsync(id, new("vid", new VideoContent(video.MediaId)), Ct);

        Assert.Equal(Png, (await lin.Client.DownloadMediaAsync(image.MediaId, Ct)).Bytes);
        Assert.Equal(clips.Mp4, (await lin.Client.DownloadMediaAsync(video.MediaId, Ct)).Bytes);
        Assert.Equal([0xFF, 0xD8, 0xFF], (await lin.Client.DownloadMediaAsync(video.PosterId!, Ct)).Bytes[..3]);

        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lin.Client.Token);
        var length = clips.Mp4.Length;
        await AssertRangeAsync(http, video.MediaId, new RangeItemHeaderValue(1_000, 1_999), clips.Mp4.AsSpan(1_000, 1_000).ToArray(), $"bytes 1000-1999/{length}");
        await AssertRangeAsync(http, video.MediaId, new RangeItemHeaderValue(null, 100), clips.Mp4[^100..], $"bytes {length - 100}-{length - 1}/{length}");
        await AssertRangeAsync(http, video.MediaId, new RangeItemHeaderValue(length - 10, null), clips.Mp4[^10..], $"bytes {length - 10}-{length - 1}/{length}");
        using var beyond = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/media/{video.MediaId}") { Headers = { Range = new RangeHeaderValue(length, null) } };
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await http.SendAsync(beyond, Ct)).StatusCode);

        // Where the bytes are: three blobs (image, video, poster) in the bucket and none in the node's folder, or the
        // other way round.
        var folder = Directory.EnumerateFiles(Path.Combine(app.Storage.DataDirectory, "media"), "*", SearchOption.AllDirectories).ToList();
        if (bucket is null)
        {
            Assert.Equal(3, folder.Count);
        }
        else
        {
            Assert.Empty(folder);
            Assert.Equal(3, (await KeysAsync(bucket)).Count);
        }

        app.Storage.Dispose();
    }

    [Fact]
    public async Task TwoNodes_OnOneBucket_ReadEachOthersUploads_AndTheSameBytesAreStoredOnce()
    {
        var bucket = await TestS3.CreateBucketAsync(Ct);
        await using var first = await HutongApp.StartAsync(StorageProvider.Sqlite, TestS3.NodeSettings(bucket), cancellationToken: Ct);
        await using var second = await HutongApp.StartAsync(StorageProvider.Sqlite, TestS3.NodeSettings(bucket), cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(first, "mei");
        var lin = await TestUser.CreateAsync(second, "lin");

        var uploaded = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Webm), "clip.webm", Ct);
        var item = await first.Services.GetRequiredService<MediaService>().FindAsync(Guid.Parse(uploaded.MediaId), Ct);
        await using (var content = await second.Services.GetRequiredService<IBlobStore>().OpenReadAsync(item!.Sha256, Ct))
        {
            using var copy = new MemoryStream();
            await content!.CopyToAsync(copy, Ct);
            Assert.Equal(clips.Webm, copy.ToArray());
        }

        var again = await lin.Client.UploadMediaAsync(new MemoryStream(clips.Webm), "same.webm", Ct);

        Assert.Equal(clips.Webm, (await lin.Client.DownloadMediaAsync(again.MediaId, Ct)).Bytes);
        var keys = await KeysAsync(bucket);
        Assert.Equal(2, keys.Count);
        Assert.Contains(keys, k => k.EndsWith(item.Sha256, StringComparison.Ordinal));
        first.Storage.Dispose();
        second.Storage.Dispose();
    }

    private static async Task AssertRangeAsync(HttpClient http, string mediaId, RangeItemHeaderValue range, byte[] expected, string contentRange)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/media/{mediaId}") { Headers = { Range = new RangeHeaderValue { Ranges = { range } } } };
        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(contentRange, response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    private static async Task<List<string>> KeysAsync(string bucket)
    {
        using var client = TestS3.NewClient();
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, Ct);
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }
}
