using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Social;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Social.Tests;

/// <summary>Videos in posts and statuses: read from their bytes by the node, with their posters, and held to their limits.</summary>
public sealed class VideoTests(ServerFixture servers, Clips clips) : IClassFixture<ServerFixture>, IClassFixture<Clips>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task APostsVideo_ComesWithItsPoster_ForWhoeverMaySeeThePost(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await MomentsTests.FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var video = await mei.Client.UploadMediaAsync(new MemoryStream(clips.ThreeSeconds), "walk.mp4", MediaUploadKinds.Video, cancellationToken: Ct);

        var post = await mei.Client.CreatePostAsync(new CreatePostRequest("v", "A walk", VideoId: video.MediaId), Ct);

        var shown = Assert.Single(post.Media);
        Assert.Equal((video.MediaId, PostMediaKinds.Video, video.PosterId), (shown.MediaId, shown.Kind, shown.PosterId));
        Assert.NotNull(shown.PosterId);
        Assert.Equal("image/jpeg", (await lin.Client.DownloadMediaAsync(shown.PosterId, Ct)).ContentType);
        Assert.Equal(clips.ThreeSeconds, (await lin.Client.DownloadMediaAsync(video.MediaId, Ct)).Bytes);
        Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.DownloadMediaAsync(shown.PosterId, Ct))).Status);
    }

    [Theory, ProviderData]
    public async Task AStatusVideoOfSixteenSeconds_IsVideoTooLong_AndStoresNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await MomentsTests.FriendsAsync(app);

        // Asked of the upload, as the web client asks: refused there, nothing kept.
        var atUpload = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UploadMediaAsync(
            new MemoryStream(clips.Sixteen), "long.mp4", MediaUploadKinds.Video, SocialLimits.DefaultMaxStatusVideoSeconds, Ct));
        Assert.Equal((422, ErrorCodes.VideoTooLong), (atUpload.Status, atUpload.Code));

        // Uploaded by a client that did not ask: the status itself refuses it.
        var plain = await mei.Client.UploadMediaAsync(new MemoryStream(clips.Sixteen), "long.mp4", Ct);
        var atStatus = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PostStatusAsync(new PostStatusRequest("s", null, plain.MediaId), Ct));
        Assert.Equal((422, ErrorCodes.VideoTooLong), (atStatus.Status, atStatus.Code));
        Assert.Null((await mei.Client.GetStatusBoardAsync(Ct)).Mine);
        Assert.Empty((await lin.Client.GetStatusBoardAsync(Ct)).Friends);

        // Fifteen seconds or less goes.
        var fine = await mei.Client.UploadMediaAsync(new MemoryStream(clips.ThreeSeconds), "short.mp4", MediaUploadKinds.Video, SocialLimits.DefaultMaxStatusVideoSeconds, Ct);
        var status = await mei.Client.PostStatusAsync(new PostStatusRequest("t", null, fine.MediaId), Ct);
        Assert.Equal((PostMediaKinds.Video, fine.PosterId), (status.Media!.Kind, status.Media.PosterId));
        Assert.Equal("image/jpeg", (await lin.Client.DownloadMediaAsync(fine.PosterId!, Ct)).ContentType);
    }

    [Theory, ProviderData]
    public async Task AFileThatSaysMp4ButIsNot_IsUnsupportedMedia_AndCannotBeAStatusVideo(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, _) = await MomentsTests.FriendsAsync(app);
        var bytes = "this is not a video at all, only words"u8.ToArray();

        var refused = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UploadMediaAsync(new MemoryStream(bytes), "clip.mp4", MediaUploadKinds.Video, SocialLimits.DefaultMaxStatusVideoSeconds, Ct));
        Assert.Equal((415, ErrorCodes.UnsupportedMedia), (refused.Status, refused.Code));

        var asFile = await mei.Client.UploadMediaAsync(new MemoryStream(bytes), "clip.mp4", Ct);
        var status = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PostStatusAsync(new PostStatusRequest("s", null, asFile.MediaId), Ct));
        Assert.Equal((400, ErrorCodes.ValidationFailed), (status.Status, status.Code));
        var post = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.CreatePostAsync(new CreatePostRequest("p", null, VideoId: asFile.MediaId), Ct));
        Assert.Equal((400, ErrorCodes.ValidationFailed), (post.Status, post.Code));
        Assert.Null((await mei.Client.GetStatusBoardAsync(Ct)).Mine);
        Assert.Empty((await mei.Client.GetAlbumAsync(mei.UserId, cancellationToken: Ct)).Posts);
    }
}
