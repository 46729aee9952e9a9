using Hutong.Client;
using Hutong.Server.Hosting;

namespace Hutong.Social.Tests;

/// <summary>
/// The visibility matrix, generated: every audience option against every way a viewer can stand to the author, on
/// both providers, through the timeline, the author's album and the post itself; then who sees which likes and
/// comments. The expectations come from <see cref="Sees"/> and <see cref="FriendsNow"/>, written from the product rules,
/// not from what the server answers.
/// </summary>
public sealed class VisibilityMatrixTests(SocialWorld world) : IClassFixture<SocialWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<StorageProvider, Role, string> Matrix()
    {
        var rows = new TheoryData<StorageProvider, Role, string>();
        foreach (var provider in Enum.GetValues<StorageProvider>())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var audience in SocialWorld.Audiences)
                {
                    rows.Add(provider, role, audience);
                }
            }
        }

        return rows;
    }

    public static TheoryData<StorageProvider, Role> Viewers()
    {
        var rows = new TheoryData<StorageProvider, Role>();
        foreach (var provider in Enum.GetValues<StorageProvider>())
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                rows.Add(provider, role);
            }
        }

        return rows;
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task APost_IsSeenExactlyWhereTheRulesAllow(StorageProvider provider, Role viewer, string audience)
    {
        var (_, people, posts) = await world.GetAsync(provider);
        var client = people[viewer].Client;
        var post = posts[audience];

        var timeline = await client.GetTimelineAsync(limit: 50, cancellationToken: Ct);
        var album = await client.GetAlbumAsync(people[Role.Author].UserId, limit: 50, cancellationToken: Ct);
        var direct = await Found(() => client.GetPostAsync(post.Id, Ct));

        Assert.Equal(Sees(viewer, audience, inTimeline: true), timeline.Posts.Any(p => p.Id == post.Id));
        Assert.Equal(Sees(viewer, audience, inTimeline: false), album.Posts.Any(p => p.Id == post.Id));
        Assert.Equal(Sees(viewer, audience, inTimeline: false), direct);
    }

    [Theory, MemberData(nameof(Viewers))]
    public async Task LikesAndComments_AreSeenOnlyFromFriends_InTheListsAndTheCounts(StorageProvider provider, Role viewer)
    {
        var (_, people, posts) = await world.GetAsync(provider);
        var byId = people.ToDictionary(p => p.Value.UserId, p => p.Key);
        var leftBy = new[] { Role.Author, Role.PlainFriend, Role.Tagged, Role.Named, Role.HidesAuthor };

        if (!Sees(viewer, "public", inTimeline: false))
        {
            Assert.False(await Found(() => people[viewer].Client.GetPostAsync(posts["public"].Id, Ct)));
            return;
        }

        var post = await people[viewer].Client.GetPostAsync(posts["public"].Id, Ct);
        var expected = leftBy.Where(l => l == viewer || FriendsNow(viewer, l)).Order().ToList();
        Assert.Equal(expected, post.Likes.Select(l => byId[l.UserId]).Order().ToList());
        Assert.Equal(expected, post.Comments.Select(c => byId[c.AuthorId]).Order().ToList());
        Assert.Equal(leftBy.Contains(viewer), post.LikedByMe);

        // The same counts wherever the post is met: in the timeline too, for those who have it there.
        var inTimeline = (await people[viewer].Client.GetTimelineAsync(limit: 50, cancellationToken: Ct)).Posts.SingleOrDefault(p => p.Id == post.Id);
        Assert.Equal(Sees(viewer, "public", inTimeline: true), inTimeline is not null);
        if (inTimeline is not null)
        {
            Assert.Equal(expected.Count, inTimeline.Likes.Count);
            Assert.Equal(expected.Count, inTimeline.Comments.Count);
        }
    }

    [Theory, MemberData(nameof(Viewers))]
    public async Task OnlyTheAuthor_IsToldTheAudienceAndReminds(StorageProvider provider, Role viewer)
    {
        var (_, people, posts) = await world.GetAsync(provider);
        if (!Sees(viewer, "shareWithTag", inTimeline: false))
        {
            return;
        }

        var post = await people[viewer].Client.GetPostAsync(posts["shareWithTag"].Id, Ct);
        Assert.Equal(viewer == Role.Author, post.Audience is { Tags: [SocialWorld.Tag] });
        Assert.Equal(viewer == Role.Author, post.RemindIds is not null);
    }

    /// <summary>The rules of docs/product.md, Moments, for the roles of <see cref="SocialWorld"/>.</summary>
    private static bool Sees(Role viewer, string audience, bool inTimeline)
    {
        if (viewer == Role.Author)
        {
            return true;
        }

        if (viewer is Role.ChatOnly or Role.Blocked or Role.FormerFriend or Role.Stranger || (inTimeline && viewer == Role.HidesAuthor))
        {
            return false;
        }

        var tagged = viewer == Role.Tagged;
        var named = viewer == Role.Named;
        return audience switch
        {
            "public" => true,
            "private" => false,
            "shareWithTag" => tagged,
            "shareWithPerson" => named,
            "dontShareWithTag" => !tagged,
            "dontShareWithPerson" => !named,
            _ => throw new ArgumentOutOfRangeException(nameof(audience)),
        };
    }

    /// <summary>Friends both ways with no block, as the world is at the end (the former friend and the blocked person not).</summary>
    private static bool FriendsNow(Role a, Role b)
    {
        var pair = a < b ? (a, b) : (b, a);
        return pair is (Role.Author, Role.PlainFriend or Role.Tagged or Role.Named or Role.ChatOnly or Role.HidesAuthor)
            or (Role.PlainFriend, Role.Tagged);
    }

    private static async Task<bool> Found(Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (HutongApiException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
