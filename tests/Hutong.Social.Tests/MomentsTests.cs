using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Contacts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Social;
using Hutong.Core.Qr;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Social.Tests;

/// <summary>Moments through the real server: posting, changes that apply at once, interactions and their notices.</summary>
public sealed class MomentsTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static readonly byte[] Png = QrCodes.Png("hutong://moments", 4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task APost_WithImagesPlaceAndLink_ReachesFriends_AndItsImagesOnlyThem(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var images = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            images.Add((await mei.Client.UploadMediaAsync(new MemoryStream(Png), $"p{i}.png", Ct)).MediaId);
        }

        var cardImage = (await mei.Client.UploadMediaAsync(new MemoryStream(Png), "card.png", Ct)).MediaId;
        var post = await mei.Client.CreatePostAsync(
            new CreatePostRequest("trip", "Hutong walk 🏮", images, Location: new PlaceInfo("Nanluoguxiang", 39.937, 116.403),
                Card: new LinkCard("Old Beijing", "https://example.org/beijing", cardImage)), Ct);

        var seen = await Eventually.ValueAsync(
            async c => (await lin.Client.GetTimelineAsync(cancellationToken: c)).Posts.SingleOrDefault(p => p.Id == post.Id),
            p => p is not null, "the post in Lin's timeline");
        Assert.Equal("Hutong walk 🏮", seen!.Text);
        Assert.Equal(images, seen.Media.Select(m => m.MediaId));
        Assert.All(seen.Media, m => Assert.Equal(PostMediaKinds.Image, m.Kind));
        Assert.Equal(new PlaceInfo("Nanluoguxiang", 39.937, 116.403), seen.Location);
        Assert.Equal(new LinkCard("Old Beijing", "https://example.org/beijing", cardImage), seen.Card);
        Assert.Null(seen.Audience);

        Assert.Equal(Png, (await lin.Client.DownloadMediaAsync(images[2], Ct)).Bytes);
        Assert.Equal(Png, (await lin.Client.DownloadMediaAsync(cardImage, Ct)).Bytes);
        var hidden = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.DownloadMediaAsync(images[0], Ct));
        Assert.Equal((404, ErrorCodes.MediaNotFound), (hidden.Status, hidden.Code));

        // Unfriended, the images go with the post.
        await lin.Client.RemoveFriendAsync(mei.UserId, Ct);
        var gone = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.DownloadMediaAsync(images[0], Ct));
        Assert.Equal(404, gone.Status);
        Assert.DoesNotContain((await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts, p => p.Id == post.Id);
    }

    [Theory, ProviderData]
    public async Task APost_SentTwice_IsOnePost_AndClientIdsBelongToTheirAuthor(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);

        var first = await mei.Client.CreatePostAsync(new CreatePostRequest("same", "Once"), Ct);
        var again = await mei.Client.CreatePostAsync(new CreatePostRequest("same", "Once, sent again"), Ct);
        var lins = await lin.Client.CreatePostAsync(new CreatePostRequest("same", "Lin's own"), Ct);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("Once", again.Text);
        Assert.NotEqual(first.Id, lins.Id);
        Assert.Single((await mei.Client.GetAlbumAsync(mei.UserId, cancellationToken: Ct)).Posts);
    }

    [Theory, ProviderData]
    public async Task BadPosts_GetProblems_AndStoreNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var images = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            images.Add((await mei.Client.UploadMediaAsync(new MemoryStream(Png), $"p{i}.png", Ct)).MediaId);
        }

        var linsImage = (await lin.Client.UploadMediaAsync(new MemoryStream(Png), "lin.png", Ct)).MediaId;
        var file = (await mei.Client.UploadMediaAsync(new MemoryStream("not a picture"u8.ToArray()), "notes.txt", Ct)).MediaId;
        var bad = new (CreatePostRequest Request, string Field)[]
        {
            (new CreatePostRequest("a", "Too many", images), "imageIds"),
            (new CreatePostRequest("b", new string('字', 3_000)), "text"),
            (new CreatePostRequest("c", null), "text"),
            (new CreatePostRequest("d", "Someone else's", [linsImage]), "imageIds[0]"),
            (new CreatePostRequest("e", "Not an image", [file]), "imageIds[0]"),
            (new CreatePostRequest("f", "Both", [images[0]], VideoId: images[1]), "videoId"),
            (new CreatePostRequest("g", "Strangers", Audience: new PostAudience(PostAudienceKinds.ShareWith, UserIds: [stranger.UserId])), "audience.userIds"),
            (new CreatePostRequest("h", "Unknown tag", Audience: new PostAudience(PostAudienceKinds.ShareWith, ["nobody has this"])), "audience.tags"),
            (new CreatePostRequest("i", "Empty list", Audience: new PostAudience(PostAudienceKinds.DontShareWith)), "audience"),
            (new CreatePostRequest("j", "Odd kind", Audience: new PostAudience("everyone")), "audience.kind"),
            (new CreatePostRequest("k", "Remind a stranger", RemindIds: [stranger.UserId]), "remindIds"),
            (new CreatePostRequest("l", "Remind someone left out", Audience: new PostAudience(PostAudienceKinds.Private), RemindIds: [lin.UserId]), "remindIds"),
            (new CreatePostRequest("m", "Bad link", Card: new LinkCard("Title", "javascript:alert(1)")), "card.url"),
            (new CreatePostRequest("n", "Far away", Location: new PlaceInfo("Moon", 91, 0)), "location.latitude"),
            (new CreatePostRequest("", "No client id"), "clientId"),
        };

        foreach (var (request, field) in bad)
        {
            var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.CreatePostAsync(request, Ct));
            Assert.Equal((400, ErrorCodes.ValidationFailed), (error.Status, error.Code));
            Assert.Contains(field, error.Problem!.Errors!.Keys);
        }

        Assert.Empty((await mei.Client.GetAlbumAsync(mei.UserId, cancellationToken: Ct)).Posts);
        Assert.Empty((await mei.Client.GetTimelineAsync(cancellationToken: Ct)).Posts);
        Assert.Empty((await lin.Client.GetMomentNoticesAsync(cancellationToken: Ct)).Notices);
    }

    [Theory, ProviderData]
    public async Task Changes_ApplyAtOnce_ToPostsAlreadyInTimelines(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(null, ["family"], null, null), Ct);
        var family = await mei.Client.CreatePostAsync(
            new CreatePostRequest("family", "For family", Audience: new PostAudience(PostAudienceKinds.ShareWith, ["family"])), Ct);
        var everyone = await mei.Client.CreatePostAsync(new CreatePostRequest("all", "For all"), Ct);
        await Eventually.ThatAsync(async c => (await lin.Client.GetTimelineAsync(cancellationToken: c)).Posts.Count == 2, "both posts with Lin");

        // Untagged: the family post leaves Lin's timeline at once; tagged again, it is back.
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(null, [], null, null), Ct);
        Assert.Equal([everyone.Id], (await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts.Select(p => p.Id));
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(null, ["family"], null, null), Ct);
        Assert.Equal([everyone.Id, family.Id], (await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts.Select(p => p.Id));

        // Chat only, then hiding Mei's posts, then a block: each takes them away, and undoing it brings them back.
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(null, null, true, null), Ct);
        Assert.Empty((await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts);
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(null, null, false, null), Ct);
        await lin.Client.UpdateFriendAsync(mei.UserId, new UpdateFriendRequest(null, null, null, true), Ct);
        Assert.Empty((await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts);
        Assert.Equal(2, (await lin.Client.GetAlbumAsync(mei.UserId, cancellationToken: Ct)).Posts.Count);
        await lin.Client.UpdateFriendAsync(mei.UserId, new UpdateFriendRequest(null, null, null, false), Ct);
        await lin.Client.BlockAsync(mei.UserId, Ct);
        Assert.Empty((await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts);
        await lin.Client.UnblockAsync(mei.UserId, Ct);
        Assert.Equal(2, (await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts.Count);

        // Deleted by its author, a post is gone from every timeline.
        await mei.Client.DeletePostAsync(everyone.Id, Ct);
        Assert.Equal([family.Id], (await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts.Select(p => p.Id));
        var deleteOthers = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.DeletePostAsync(family.Id, Ct));
        Assert.Equal((404, ErrorCodes.PostNotFound), (deleteOthers.Status, deleteOthers.Code));
    }

    [Theory, ProviderData]
    public async Task ARenamedTag_KeepsSharingWhatItShared(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(null, ["family"], null, null), Ct);
        var post = await mei.Client.CreatePostAsync(
            new CreatePostRequest("family", "For family", Audience: new PostAudience(PostAudienceKinds.ShareWith, ["family"])), Ct);
        await Eventually.ThatAsync(async c => (await lin.Client.GetTimelineAsync(cancellationToken: c)).Posts.Count == 1, "the post with Lin");

        await mei.Client.UpdateFriendTagAsync("family", "home", null, Ct);

        Assert.Equal([post.Id], (await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts.Select(p => p.Id));
        Assert.Equal(["home"], (await mei.Client.GetPostAsync(post.Id, Ct)).Audience!.Tags);
    }

    [Theory, ProviderData]
    public async Task TheRangeSetting_LimitsHowFarBackFriendsSee(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var (mei, lin) = await FriendsAsync(app);
        // Each post reaches Lin before the clock jumps: Orleans keeps its own timeouts by the same clock, and a jump of
        // days while a fan-out's grain is still being placed times that placement out (a real clock never jumps).
        var old = await mei.Client.CreatePostAsync(new CreatePostRequest("old", "Forty days ago"), Ct);
        await PostsWithLinAsync(1);
        clock.Advance(TimeSpan.FromDays(36));
        var week = await mei.Client.CreatePostAsync(new CreatePostRequest("week", "Four days ago"), Ct);
        await PostsWithLinAsync(2);
        clock.Advance(TimeSpan.FromDays(4));
        var today = await mei.Client.CreatePostAsync(new CreatePostRequest("today", "Today"), Ct);
        await PostsWithLinAsync(3);

        var seen = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var range in MomentsRanges.Known)
        {
            Assert.Equal(range, (await mei.Client.UpdateMomentsSettingsAsync(new UpdateMomentsSettingsRequest(range), Ct)).Range);
            seen[range] = [.. (await lin.Client.GetAlbumAsync(mei.UserId, cancellationToken: Ct)).Posts.Select(p => p.Id)];
            Assert.Equal(seen[range], (await lin.Client.GetTimelineAsync(cancellationToken: Ct)).Posts.Select(p => p.Id));
            Assert.Equal(3, (await mei.Client.GetAlbumAsync(mei.UserId, cancellationToken: Ct)).Posts.Count);
        }

        Assert.Equal([today.Id, week.Id, old.Id], seen[MomentsRanges.All]);
        Assert.Equal([today.Id, week.Id, old.Id], seen[MomentsRanges.SixMonths]);
        Assert.Equal([today.Id, week.Id], seen[MomentsRanges.Month]);
        Assert.Equal([today.Id], seen[MomentsRanges.ThreeDays]);
        var bad = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateMomentsSettingsAsync(new UpdateMomentsSettingsRequest("forever"), Ct));
        Assert.Equal(400, bad.Status);

        Task PostsWithLinAsync(int count) =>
            Eventually.ThatAsync(async c => (await lin.Client.GetTimelineAsync(cancellationToken: c)).Posts.Count == count, $"{count} posts with Lin");
    }

    [Theory, ProviderData]
    public async Task Timelines_PageByCursor_NewestFirst(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);
        var posted = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var author = i % 2 == 0 ? mei : lin;
            posted.Add((await author.Client.CreatePostAsync(new CreatePostRequest($"p{i}", $"Post {i}"), Ct)).Id);
        }

        await Eventually.ThatAsync(async c => (await lin.Client.GetTimelineAsync(cancellationToken: c)).Posts.Count == 7, "seven posts with Lin");
        var read = new List<string>();
        string? cursor = null;
        do
        {
            var page = await lin.Client.GetTimelineAsync(limit: 3, cursor: cursor, cancellationToken: Ct);
            Assert.InRange(page.Posts.Count, 1, 3);
            read.AddRange(page.Posts.Select(p => p.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(posted), read);
        var badCursor = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.GetTimelineAsync(cursor: "not-ours", cancellationToken: Ct));
        Assert.Equal(400, badCursor.Status);
    }

    [Theory, ProviderData]
    public async Task LikesCommentsAndReplies_NotifyTheRightPeople_LiveAndCounted(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);
        var jun = await TestUser.CreateAsync(app, "jun");
        await mei.BefriendAsync(jun);
        await using var meisPhone = await app.ConnectAsync(mei.Client);
        var post = await mei.Client.CreatePostAsync(new CreatePostRequest("p", "Dumplings tonight"), Ct);

        await lin.Client.LikePostAsync(post.Id, Ct);
        await lin.Client.LikePostAsync(post.Id, Ct);
        var liked = await meisPhone.NextEventAsync<MomentNoticeEvent>();
        Assert.Equal((MomentNoticeKinds.Like, lin.UserId, post.Id, 1), (liked.Notice.Kind, liked.Notice.ActorId, liked.Notice.PostId, liked.Unread));

        var linsComment = await lin.Client.CommentAsync(post.Id, new AddCommentRequest("c1", "Save me some"), Ct);
        var commented = await meisPhone.NextEventAsync<MomentNoticeEvent>();
        Assert.Equal((MomentNoticeKinds.Comment, "Save me some", 2), (commented.Notice.Kind, commented.Notice.Text, commented.Unread));

        // Mei replies to Lin: Lin hears of it. Jun is not Lin's friend: Jun cannot see Lin's comment, nor reply to it.
        await mei.Client.CommentAsync(post.Id, new AddCommentRequest("r1", "Of course", linsComment.Id), Ct);
        var linsNotices = await Eventually.ValueAsync(
            async c => await lin.Client.GetMomentNoticesAsync(cancellationToken: c), p => p.Notices.Count == 1, "Lin's reply notice");
        Assert.Equal((MomentNoticeKinds.Reply, mei.UserId, 1), (linsNotices.Notices[0].Kind, linsNotices.Notices[0].ActorId, linsNotices.Unread));
        var hidden = await Assert.ThrowsAsync<HutongApiException>(
            () => jun.Client.CommentAsync(post.Id, new AddCommentRequest("r2", "Me too", linsComment.Id), Ct));
        Assert.Equal((404, ErrorCodes.CommentNotFound), (hidden.Status, hidden.Code));
        var junSees = await jun.Client.GetPostAsync(post.Id, Ct);
        Assert.Equal([mei.UserId], junSees.Comments.Select(c => c.AuthorId));
        Assert.Empty(junSees.Likes);

        // Only the comment's author and the post's author delete it.
        var junsComment = await jun.Client.CommentAsync(post.Id, new AddCommentRequest("c2", "Count me in"), Ct);
        await meisPhone.NextEventAsync<MomentNoticeEvent>();
        var notTheirs = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.DeleteCommentAsync(post.Id, junsComment.Id, Ct));
        Assert.Equal(404, notTheirs.Status);
        await mei.Client.DeleteCommentAsync(post.Id, junsComment.Id, Ct);
        await lin.Client.DeleteCommentAsync(post.Id, linsComment.Id, Ct);
        Assert.Equal(["Of course"], (await mei.Client.GetPostAsync(post.Id, Ct)).Comments.Select(c => c.Text));

        // Unliking takes the like and its notice away; reading marks everything read on every device.
        await lin.Client.UnlikePostAsync(post.Id, Ct);
        var notices = await mei.Client.GetMomentNoticesAsync(cancellationToken: Ct);
        Assert.Empty(notices.Notices);
        Assert.Equal(0, notices.Unread);
        await lin.Client.LikePostAsync(post.Id, Ct);
        var again = await meisPhone.NextEventAsync<MomentNoticeEvent>();
        await mei.Client.ReadMomentNoticesAsync(again.Notice.Id, Ct);
        var read = await meisPhone.NextEventAsync<MomentNoticesReadEvent>();
        Assert.Equal((again.Notice.Id, 0), (read.UpTo, read.Unread));
        Assert.Equal(0, (await mei.Client.GetMomentNoticesAsync(cancellationToken: Ct)).Unread);
    }

    [Theory, ProviderData]
    public async Task AReminder_ReachesTheFriendsNamed_AsAMomentsMessage(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);
        await using var linsPhone = await app.ConnectAsync(lin.Client);

        var post = await mei.Client.CreatePostAsync(new CreatePostRequest("p", "Look at this, Lin", RemindIds: [lin.UserId, lin.UserId]), Ct);

        var reminded = await linsPhone.NextEventAsync<MomentNoticeEvent>();
        Assert.Equal((MomentNoticeKinds.Remind, mei.UserId, post.Id), (reminded.Notice.Kind, reminded.Notice.ActorId, reminded.Notice.PostId));
        Assert.Equal([lin.UserId], post.RemindIds);
        Assert.Single((await lin.Client.GetMomentNoticesAsync(cancellationToken: Ct)).Notices);
    }

    [Theory, ProviderData]
    public async Task ACover_IsShownToFriends_AndNotToStrangers(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await FriendsAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var cover = (await mei.Client.UploadMediaAsync(new MemoryStream(Png), "cover.png", Ct)).MediaId;

        await mei.Client.UpdateMomentsSettingsAsync(new UpdateMomentsSettingsRequest(CoverId: cover), Ct);

        Assert.Equal(cover, (await lin.Client.GetMomentsProfileAsync(mei.UserId, Ct)).CoverId);
        Assert.Null((await lin.Client.GetMomentsProfileAsync(mei.UserId, Ct)).Range);
        Assert.Null((await stranger.Client.GetMomentsProfileAsync(mei.UserId, Ct)).CoverId);
        Assert.Empty((await stranger.Client.GetAlbumAsync(mei.UserId, cancellationToken: Ct)).Posts);
        Assert.Equal((cover, MomentsRanges.All), ((await mei.Client.GetMomentsProfileAsync(mei.UserId, Ct)).CoverId, (await mei.Client.GetMomentsProfileAsync(mei.UserId, Ct)).Range));
    }

    internal static async Task<(TestUser Mei, TestUser Lin)> FriendsAsync(HutongApp app)
    {
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        return (mei, lin);
    }
}
