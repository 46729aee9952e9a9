using System.Security.Cryptography;
using Hutong.Chat.Media;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Social;
using Hutong.Core.Qr;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Chat.Tests;

/// <summary>Uploads read with Debian's ffmpeg: a video's length, size and poster; an image's size; what cannot be read is refused.</summary>
public sealed class MediaProbeTests(VideoFixture clips) : IClassFixture<VideoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task VideoUpload_Mp4AndWebm_RecordLengthSizeAndAPosterAnotherFeatureCanRead(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var mp4 = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "clip.mp4", Ct);
        var webm = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Webm), "clip.webm", Ct);

        Assert.Equal(("video/mp4", 3000, 320, 240), (mp4.ContentType, mp4.DurationMs, mp4.Width, mp4.Height));
        Assert.Equal(("video/webm", 3000, 320, 240), (webm.ContentType, webm.DurationMs, webm.Width, webm.Height));
        foreach (var video in new[] { mp4, webm })
        {
            var (poster, type) = await mei.Client.DownloadMediaAsync(video.PosterId!, Ct);
            Assert.Equal("image/jpeg", type);
            Assert.Equal([0xFF, 0xD8, 0xFF], poster[..3]);

            var stored = await app.Services.GetRequiredService<MediaService>().FindAsync(Guid.Parse(video.MediaId), Ct);
            Assert.NotNull(stored);
            Assert.True(stored.IsVideo);
            Assert.Equal((Guid.Parse(mei.UserId), 3000, 320, 240, Guid.Parse(video.PosterId!)), (stored.UploaderId, stored.DurationMs, stored.Width, stored.Height, stored.PosterId));
            var posterItem = await app.Services.GetRequiredService<MediaService>().FindAsync(stored.PosterId!.Value, Ct);
            Assert.Equal(("image/jpeg", stored.UploaderId, 320, 240), (posterItem!.ContentType, posterItem.UploaderId, posterItem.Width, posterItem.Height));
        }
    }

    [Theory, ProviderData]
    public async Task VideoUpload_FilmedUpright_HasTheSizeItShowsAt_AndSoDoesItsPoster(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var upload = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Portrait), "upright.mp4", Ct);

        Assert.Equal((1000, 48, 64), (upload.DurationMs, upload.Width, upload.Height));
        var poster = await app.Services.GetRequiredService<MediaService>().FindAsync(Guid.Parse(upload.PosterId!), Ct);
        Assert.Equal((48, 64), (poster!.Width, poster.Height));
    }

    [Theory, ProviderData]
    public async Task VideoUpload_StreamedWebmWithNoLengthInItsHeader_IsMeasuredByItsFrames(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var upload = await mei.Client.UploadMediaAsync(new MemoryStream(clips.StreamedWebm), "recording.webm", Ct);

        Assert.Equal(("video/webm", 3000), (upload.ContentType, upload.DurationMs));
        Assert.NotNull(upload.PosterId);
    }

    [Theory, ProviderData]
    public async Task Upload_OfBytesThatStartLikeAnMp4ButAreNot_IsUnsupportedMedia_AndStoresNothing(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        byte[] garbage = [0, 0, 0, 0x18, .. "ftypmp42"u8, .. RandomNumberGenerator.GetBytes(4096)];

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UploadMediaAsync(new MemoryStream(garbage), "holiday.mp4", Ct));

        Assert.Equal((415, ErrorCodes.UnsupportedMedia), (error.Status, error.Code));
        AssertNothingStored(app, mei, garbage);
    }

    [Theory, ProviderData]
    public async Task VideoUpload_LongerThanItsMaxSeconds_IsVideoTooLong_AndStoresNothing(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UploadMediaAsync(new MemoryStream(clips.SixteenSeconds), "status.mp4", MediaUploadKinds.Video, maxSeconds: 15, Ct));

        Assert.Equal((422, ErrorCodes.VideoTooLong), (error.Status, error.Code));
        Assert.Contains("at most 15 s", error.Problem!.Detail, StringComparison.Ordinal);
        AssertNothingStored(app, mei, clips.SixteenSeconds);
        var shortClip = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "status.mp4", MediaUploadKinds.Video, maxSeconds: 15, Ct);
        Assert.Equal(("video/mp4", 3000), (shortClip.ContentType, shortClip.DurationMs));
    }

    [Theory, ProviderData]
    public async Task VideoUpload_AsVideo_OfRandomBytesNamedMp4_IsUnsupportedMedia_AndStoresNothing(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var noise = RandomNumberGenerator.GetBytes(4096);

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UploadMediaAsync(new MemoryStream(noise), "clip.mp4", MediaUploadKinds.Video, cancellationToken: Ct));

        Assert.Equal((415, ErrorCodes.UnsupportedMedia), (error.Status, error.Code));
        AssertNothingStored(app, mei, noise);
    }

    [Theory, ProviderData]
    public async Task Upload_NotOfTheKindItIsMeantAs_IsUnsupportedMedia(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var png = QrCodes.Png("hutong://as", 4);

        var imageAsVideo = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UploadMediaAsync(new MemoryStream(png), "clip.mp4", MediaUploadKinds.Video, cancellationToken: Ct));
        var soundAsVideo = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UploadMediaAsync(new MemoryStream(clips.SoundOnlyMp4), "clip.mp4", MediaUploadKinds.Video, cancellationToken: Ct));
        var videoAsImage = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "photo.png", MediaUploadKinds.Image, cancellationToken: Ct));
        var image = await mei.Client.UploadMediaAsync(new MemoryStream(png), "code.png", MediaUploadKinds.Image, cancellationToken: Ct);

        Assert.All([imageAsVideo, soundAsVideo, videoAsImage], e => Assert.Equal((415, ErrorCodes.UnsupportedMedia), (e.Status, e.Code)));
        Assert.Equal("image/png", image.ContentType);
        Assert.NotNull(image.Width);
        var store = (RecordingMediaStore)app.Services.GetRequiredService<IMediaStore>();
        Assert.Equal([Guid.Parse(image.MediaId)], store.Added.Where(m => m.UploaderId == Guid.Parse(mei.UserId)).Select(m => m.Id));
    }

    [Theory, ProviderData]
    public async Task Upload_WithAnUnknownAsOrAMaxSecondsWithoutAVideo_IsAValidationFailure(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var unknown = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "clip.mp4", "movie", cancellationToken: Ct));
        // An empty as is no as at all, so the limit has no video to apply to.
        var stray = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "clip.mp4", "", maxSeconds: 15, Ct));
        var zero = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "clip.mp4", MediaUploadKinds.Video, maxSeconds: 0, Ct));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (unknown.Status, unknown.Code));
        Assert.Equal(["as"], unknown.Problem!.Errors!.Keys);
        Assert.Equal(["maxSeconds"], stray.Problem!.Errors!.Keys);
        Assert.Equal(["maxSeconds"], zero.Problem!.Errors!.Keys);
    }

    [Theory, ProviderData]
    public async Task Upload_OfAnMp4WithSoundAndNoPicture_IsAudio(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var upload = await mei.Client.UploadMediaAsync(new MemoryStream(clips.SoundOnlyMp4), "tone.mp4", Ct);

        Assert.Equal("audio/mp4", upload.ContentType);
        Assert.InRange(upload.DurationMs!.Value, 1000, 1100);
        Assert.Equal((null, null, null), (upload.Width, upload.Height, upload.PosterId));
    }

    [Theory, ProviderData]
    public async Task ImageUpload_RecordsItsSize(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var png = QrCodes.Png("hutong://size", 4);

        var upload = await mei.Client.UploadMediaAsync(new MemoryStream(png), "code.png", Ct);

        Assert.Equal("image/png", upload.ContentType);
        Assert.True(upload.Width > 0 && upload.Width == upload.Height, $"A QR code is square, not {upload.Width}x{upload.Height}.");
        Assert.Equal((null, null), (upload.DurationMs, upload.PosterId));
    }

    [Theory, ProviderData]
    public async Task VideoMessage_TheFriendGetsTheVideoAndItsPoster_AStrangerNeither(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var video = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "clip.mp4", Ct);

        await mei.Client.SendMessageAsync(id, new("vid-1", new VideoContent(video.MediaId)), Ct);

        var message = Assert.Single(await ChatTestKit.AllMessagesAsync(lin, id));
        var content = Assert.IsType<VideoContent>(message.Content);
        Assert.Equal((video.MediaId, "video/mp4", (long?)clips.Mp4.Length), (content.MediaId, content.ContentType, content.Size));
        Assert.Equal(clips.Mp4, (await lin.Client.DownloadMediaAsync(video.MediaId, Ct)).Bytes);
        Assert.Equal("image/jpeg", (await lin.Client.DownloadMediaAsync(video.PosterId!, Ct)).ContentType);
        var hidden = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.DownloadMediaAsync(video.PosterId!, Ct));
        Assert.Equal(ErrorCodes.MediaNotFound, hidden.Code);
    }

    [Theory, ProviderData]
    public async Task Poster_OfAVideoInAMomentsPost_IsSeenByWhoeverMaySeeThePost(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var (mei, lin, _) = await ChatTestKit.FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var video = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "walk.mp4", MediaUploadKinds.Video, maxSeconds: 15, Ct);

        await mei.Client.CreatePostAsync(new CreatePostRequest("walk", "A walk in the hutong", VideoId: video.MediaId), Ct);

        Assert.Equal("image/jpeg", (await lin.Client.DownloadMediaAsync(video.PosterId!, Ct)).ContentType);
        var hidden = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.DownloadMediaAsync(video.PosterId!, Ct));
        Assert.Equal(ErrorCodes.MediaNotFound, hidden.Code);
    }

    [Theory, ProviderData]
    public async Task RemovingAVideo_RemovesItsPosterToo(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var video = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Webm), "status.webm", Ct);
        var store = app.Services.GetRequiredService<IMediaStore>();

        await store.RemoveAsync([Guid.Parse(video.MediaId)], Ct);

        Assert.Null(await store.FindAsync(Guid.Parse(video.MediaId), Ct));
        Assert.Null(await store.FindAsync(Guid.Parse(video.PosterId!), Ct));
    }

    [Theory, ProviderData]
    public async Task DeletingAnAccount_RemovesItsVideosAndTheirPosters(StorageProvider provider)
    {
        var app = await clips.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var video = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Webm), "clip.webm", Ct);
        var media = app.Services.GetRequiredService<MediaService>();
        var poster = (await media.FindAsync(Guid.Parse(video.PosterId!), Ct))!;

        await mei.Client.DeleteAccountAsync(mei.Password, Ct);

        Assert.Null(await media.FindAsync(Guid.Parse(video.MediaId), Ct));
        Assert.Null(await media.FindAsync(poster.Id, Ct));
    }

    [Fact]
    public async Task VideoUpload_WithoutFfprobe_Is503AndStoresNothing_WhileImagesStillUpload()
    {
        await using var app = await HutongApp.StartAsync(
            StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hutong:Media:FfprobePath"] = "/nonexistent/ffprobe" },
            services: services => services.Decorate<IMediaStore>(inner => new RecordingMediaStore(inner)), cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UploadMediaAsync(new MemoryStream(clips.Mp4), "clip.mp4", Ct));
        var image = await mei.Client.UploadMediaAsync(new MemoryStream(QrCodes.Png("hutong://no-tools", 4)), "code.png", Ct);

        Assert.Equal((503, ErrorCodes.MediaProcessingUnavailable), (error.Status, error.Code));
        Assert.Equal(("image/png", null), (image.ContentType, image.Width));
        Assert.Equal([Guid.Parse(image.MediaId)], ((RecordingMediaStore)app.Services.GetRequiredService<IMediaStore>()).Added.Select(m => m.Id));
        app.Storage.Dispose();
    }

    [Fact]
    public async Task Startup_WithAToolTimeoutOutOfRange_FailsNamingTheKey()
    {
        using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite, Ct);

        var error = Assert.ThrowsAny<Exception>(() => HutongApp.Start(storage, new Dictionary<string, string?> { ["Hutong:Media:ToolTimeout"] = "00:00:00" }));

        var failures = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            failures.AddRange(e is Microsoft.Extensions.Options.OptionsValidationException validation ? validation.Failures : [e.Message]);
        }

        Assert.Contains(failures, f => f.Contains("Hutong:Media:ToolTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MediaTool_PastItsTime_IsStopped()
    {
        var started = TimeProvider.System.GetTimestamp();

        var run = await MediaTool.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(200), 1024, Ct);

        Assert.Equal(ToolOutcome.TimedOut, run.Outcome);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "The tool was waited for instead of stopped.");
    }

    [Fact]
    public async Task MediaTool_ThatIsNotInstalled_IsMissing()
    {
        var run = await MediaTool.RunAsync("/nonexistent/ffprobe", ["-version"], TimeSpan.FromSeconds(5), 1024, Ct);

        Assert.Equal(ToolOutcome.Missing, run.Outcome);
        Assert.False(MediaToolsCheck.Exists("/nonexistent/ffprobe"));
        Assert.True(MediaToolsCheck.Exists("ffprobe"));
    }

    /// <summary>No upload row for the person, the bytes nowhere among the blobs, and nothing left in the staging folder.</summary>
    private static void AssertNothingStored(HutongApp app, TestUser uploader, byte[] bytes)
    {
        var store = (RecordingMediaStore)app.Services.GetRequiredService<IMediaStore>();
        Assert.DoesNotContain(store.Added, m => m.UploaderId == Guid.Parse(uploader.UserId));
        var blobs = Path.Combine(app.Storage.DataDirectory, "media");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Empty(Directory.EnumerateFiles(blobs, sha256, SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(blobs, "incoming")));
    }
}
