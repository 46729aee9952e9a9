using System.Text;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Core.Qr;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

public sealed class MediaTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A real PNG, made by the QR renderer.</summary>
    private static readonly byte[] Png = QrCodes.Png("hutong://test", 4);

    [Theory, ProviderData]
    public async Task Image_UploadedAndSent_TheFriendSeesItAndGetsTheSameBytes(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);

        var upload = await mei.Client.UploadMediaAsync(new MemoryStream(Png), "photo.png", Ct);
        var sent = await mei.Client.SendMessageAsync(id, new("img-1", new ImageContent(upload.MediaId)), Ct);

        Assert.Equal(("image/png", Png.Length, "photo.png"), (upload.ContentType, upload.Size, upload.FileName));
        var message = (await ChatTestKit.AllMessagesAsync(lin, id)).Single(m => m.Seq == sent.Seq);
        var image = Assert.IsType<ImageContent>(message.Content);
        Assert.Equal((upload.MediaId, "image/png", (long?)Png.Length), (image.MediaId, image.ContentType, image.Size));
        var (bytes, contentType) = await lin.Client.DownloadMediaAsync(upload.MediaId, Ct);
        Assert.Equal(Png, bytes);
        Assert.Equal("image/png", contentType);
    }

    [Theory, ProviderData]
    public async Task Media_IsServedOnlyToThoseWhoMaySeeIt(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var unsent = await mei.Client.UploadMediaAsync(new MemoryStream(Png), "draft.png", Ct);
        var shared = await mei.Client.UploadMediaAsync(new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 minutes of the meeting")), "minutes.pdf", Ct);
        var sent = await mei.Client.SendMessageAsync(id, new("f-1", new FileContent(shared.MediaId)), Ct);

        // The uploader sees their own; the friend sees only what was sent to them; a stranger sees nothing.
        Assert.Equal(Png, (await mei.Client.DownloadMediaAsync(unsent.MediaId, Ct)).Bytes);
        await AssertNotFoundAsync(() => lin.Client.DownloadMediaAsync(unsent.MediaId, Ct));
        Assert.Equal("application/pdf", (await lin.Client.DownloadMediaAsync(shared.MediaId, Ct)).ContentType);
        await AssertNotFoundAsync(() => stranger.Client.DownloadMediaAsync(shared.MediaId, Ct));
        await AssertNotFoundAsync(() => stranger.Client.DownloadMediaAsync(Guid.NewGuid().ToString(), Ct));

        // Once recalled, it is gone for the friend too.
        await mei.Client.RecallAsync(id, sent.Seq, Ct);
        await AssertNotFoundAsync(() => lin.Client.DownloadMediaAsync(shared.MediaId, Ct));
    }

    [Theory, ProviderData]
    public async Task Upload_IsTypedByItsBytes_NotByItsName(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, _, id) = await ChatTestKit.FriendsAsync(app);

        var disguised = await mei.Client.UploadMediaAsync(new MemoryStream(Encoding.UTF8.GetBytes("<script>alert(1)</script>")), "cat.png", Ct);
        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.SendMessageAsync(id, new("img-x", new ImageContent(disguised.MediaId)), Ct));

        Assert.Equal("application/octet-stream", disguised.ContentType);
        Assert.Equal(["mediaId"], error.Problem!.Errors!.Keys);
        Assert.Empty(await ChatTestKit.AllMessagesAsync(mei, id));
    }

    [Theory, ProviderData]
    public async Task MediaMessage_WithSomeoneElsesUpload_IsRefused(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var linsPhoto = await lin.Client.UploadMediaAsync(new MemoryStream(Png), "lin.png", Ct);

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.SendMessageAsync(id, new("steal", new ImageContent(linsPhoto.MediaId)), Ct));

        Assert.Equal(["mediaId"], error.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Is413AndStoresNothing()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hutong:Limits:MaxMediaBytes"] = "2048" }, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UploadMediaAsync(new MemoryStream(new byte[200_000]), "big.bin", Ct));

        Assert.Equal((413, ErrorCodes.PayloadTooLarge), (error.Status, error.Code));
        Assert.False(Directory.Exists(Path.Combine(app.Storage.DataDirectory, "media")) && Directory.EnumerateFiles(Path.Combine(app.Storage.DataDirectory, "media"), "*", SearchOption.AllDirectories).Any());
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task Upload_OfAnEmptyFile_IsEmptyFile_AndAMissingFieldStaysAValidationFailure(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, _, id) = await ChatTestKit.FriendsAsync(app);

        var empty = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UploadMediaAsync(new MemoryStream(), "empty.png", Ct));
        using var raw = app.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "photo", "photo.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/media") { Content = form };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", mei.Client.Token);
        using var missing = await raw.SendAsync(request, Ct);
        var missingProblem = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync(missing.Content, HutongJsonContext.Default.ProblemBody, Ct);

        Assert.Equal((400, ErrorCodes.EmptyFile, "The file is empty."), (empty.Status, empty.Code, empty.Problem!.Title));
        Assert.Null(empty.Problem.Errors);
        Assert.Equal((400, ErrorCodes.ValidationFailed), (missingProblem!.Status, missingProblem.Code));
        Assert.Equal(["file"], missingProblem.Errors!.Keys);
        Assert.Empty(await ChatTestKit.AllMessagesAsync(mei, id));
    }

    [Theory, ProviderData]
    public async Task Voice_LongerThanSixtySeconds_IsRefused(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var voice = await mei.Client.UploadMediaAsync(new MemoryStream([.. "OggS"u8, .. new byte[64]]), "note.ogg", Ct);

        var tooLong = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.SendMessageAsync(id, new("v-1", new VoiceContent(voice.MediaId, 61_000)), Ct));
        await mei.Client.SendMessageAsync(id, new("v-2", new VoiceContent(voice.MediaId, 12_500)), Ct);

        Assert.Equal(["durationMs"], tooLong.Problem!.Errors!.Keys);
        var message = Assert.Single(await ChatTestKit.AllMessagesAsync(lin, id));
        var voiceMessage = Assert.IsType<VoiceContent>(message.Content);
        Assert.Equal(("audio/ogg", 12_500), (voiceMessage.ContentType, voiceMessage.DurationMs));
    }

    [Theory, ProviderData]
    public async Task LocationAndContactCard_RoundTrip(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var other = await TestUser.CreateAsync(app, "other");

        await mei.Client.SendMessageAsync(id, new("loc", new LocationContent(39.9163, 116.3972, "故宫 Palace Museum", "4 Jingshan Front St")), Ct);
        await mei.Client.SendMessageAsync(id, new("card", new CardContent(other.UserId)), Ct);
        var badPlace = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.SendMessageAsync(id, new("bad", new LocationContent(95, 0, null, null)), Ct));
        var nobody = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.SendMessageAsync(id, new("nobody", new CardContent(Guid.NewGuid().ToString())), Ct));

        var messages = await ChatTestKit.AllMessagesAsync(lin, id);
        Assert.Equal(new LocationContent(39.9163, 116.3972, "故宫 Palace Museum", "4 Jingshan Front St"), messages[0].Content);
        Assert.Equal(new CardContent(other.UserId), messages[1].Content);
        Assert.Equal(["location"], badPlace.Problem!.Errors!.Keys);
        Assert.Equal(["userId"], nobody.Problem!.Errors!.Keys);
    }

    private static async Task AssertNotFoundAsync(Func<Task> download)
    {
        var error = await Assert.ThrowsAsync<HutongApiException>(download);
        Assert.Equal((404, "media_not_found"), (error.Status, error.Code));
    }
}
