using System.Text.Json;
using Hutong.Contracts.Social;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Social.Tests;

/// <summary>A person's Moments and statuses in their data export, and gone with their account.</summary>
public sealed class AccountTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task TheExport_HoldsMyPostsAndStatuses_AndNothingOfOthers(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await MomentsTests.FriendsAsync(app);
        var post = await mei.Client.CreatePostAsync(new CreatePostRequest("p", "Mine to keep"), Ct);
        await lin.Client.CreatePostAsync(new CreatePostRequest("p", "Lin's own"), Ct);
        await lin.Client.CommentAsync(post.Id, new AddCommentRequest("c", "Lin's comment"), Ct);
        var status = await mei.Client.PostStatusAsync(new PostStatusRequest("s", "Right now"), Ct);

        using var export = JsonDocument.Parse(await mei.Client.ExportAsync(Ct));

        var posts = export.RootElement.GetProperty("momentsPosts").EnumerateArray().ToList();
        Assert.Equal([(post.Id, "Mine to keep")], posts.Select(p => (p.GetProperty("id").GetString(), p.GetProperty("text").GetString())));
        Assert.Equal(status.Id, Assert.Single(export.RootElement.GetProperty("statuses").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory, ProviderData]
    public async Task ADeletedAccount_TakesItsPostsLikesAndCommentsWithIt(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await MomentsTests.FriendsAsync(app);
        var meis = await mei.Client.CreatePostAsync(new CreatePostRequest("p", "Goodbye"), Ct);
        var lins = await lin.Client.CreatePostAsync(new CreatePostRequest("p", "Still here"), Ct);
        await mei.Client.LikePostAsync(lins.Id, Ct);
        await mei.Client.CommentAsync(lins.Id, new AddCommentRequest("c", "Bye"), Ct);
        await mei.Client.PostStatusAsync(new PostStatusRequest("s", "Leaving"), Ct);
        await Eventually.ThatAsync(async c => (await lin.Client.GetTimelineAsync(cancellationToken: c)).Posts.Count == 2, "both posts with Lin");

        await mei.Client.DeleteAccountAsync(mei.Password, Ct);

        var timeline = await lin.Client.GetTimelineAsync(cancellationToken: Ct);
        var left = Assert.Single(timeline.Posts);
        Assert.Equal((lins.Id, 0, 0), (left.Id, left.Likes.Count, left.Comments.Count));
        Assert.Empty((await lin.Client.GetStatusBoardAsync(Ct)).Friends);
        Assert.DoesNotContain(meis.Id, timeline.Posts.Select(p => p.Id));
        Assert.Empty((await lin.Client.GetMomentNoticesAsync(cancellationToken: Ct)).Notices);
    }
}
