using Hutong.Contracts.Contacts;
using Hutong.Contracts.Social;
using Hutong.Server.Hosting;
using Hutong.Social.Moments;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Social.Tests;

/// <summary>
/// How a viewer stands to the author, each role one person: the rows of the visibility matrix. <see cref="Tagged"/>
/// carries the author's tag "close"; <see cref="Named"/> is the one person the lists name.
/// </summary>
public enum Role
{
    Author,
    PlainFriend,
    Tagged,
    Named,
    ChatOnly,
    HidesAuthor,
    Blocked,
    FormerFriend,
    Stranger,
}

/// <summary>
/// One author, one person per <see cref="Role"/>, and one post per audience option, built once per provider and only
/// read by the tests. Among the viewers, the plain friend and the tagged friend are friends of each other too (for the
/// mutual-friend rule); nobody else is.
/// </summary>
public sealed class SocialWorld : IAsyncDisposable
{
    public const string Tag = "close";

    private readonly ServerFixture _servers = new();
    private readonly Dictionary<StorageProvider, Task<World>> _worlds = [];
    private readonly Lock _lock = new();

    public static IReadOnlyList<string> Audiences { get; } =
        ["public", "private", "shareWithTag", "shareWithPerson", "dontShareWithTag", "dontShareWithPerson"];

    public Task<World> GetAsync(StorageProvider provider)
    {
        lock (_lock)
        {
            if (!_worlds.TryGetValue(provider, out var world))
            {
                _worlds[provider] = world = BuildAsync(provider);
            }

            return world;
        }
    }

    public ValueTask DisposeAsync() => _servers.DisposeAsync();

    private async Task<World> BuildAsync(StorageProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = await _servers.GetAsync(provider);
        var people = new Dictionary<Role, TestUser>();
        foreach (var role in Enum.GetValues<Role>())
        {
            people[role] = await TestUser.CreateAsync(app, role.ToString().ToLowerInvariant());
        }

        var author = people[Role.Author];
        foreach (var role in Enum.GetValues<Role>().Where(r => r is not (Role.Author or Role.Stranger)))
        {
            await author.BefriendAsync(people[role]);
        }

        await people[Role.PlainFriend].BefriendAsync(people[Role.Tagged]);
        await author.Client.UpdateFriendAsync(people[Role.Tagged].UserId, new UpdateFriendRequest(null, [Tag], null, null), ct);
        await author.Client.UpdateFriendAsync(people[Role.ChatOnly].UserId, new UpdateFriendRequest(null, null, true, null), ct);
        await people[Role.HidesAuthor].Client.UpdateFriendAsync(author.UserId, new UpdateFriendRequest(null, null, null, true), ct);

        var named = people[Role.Named].UserId;
        var posts = new Dictionary<string, PostInfo>();
        foreach (var audience in Audiences)
        {
            var chosen = audience switch
            {
                "public" => PostAudience.Everyone,
                "private" => new PostAudience(PostAudienceKinds.Private),
                "shareWithTag" => new PostAudience(PostAudienceKinds.ShareWith, [Tag]),
                "shareWithPerson" => new PostAudience(PostAudienceKinds.ShareWith, UserIds: [named]),
                "dontShareWithTag" => new PostAudience(PostAudienceKinds.DontShareWith, [Tag]),
                _ => new PostAudience(PostAudienceKinds.DontShareWith, UserIds: [named]),
            };
            posts[audience] = await author.Client.CreatePostAsync(new CreatePostRequest(audience, $"A post for {audience}", Audience: chosen), ct);
        }

        // Everyone who may see the public post likes it and comments on it.
        foreach (var role in new[] { Role.Author, Role.PlainFriend, Role.Tagged, Role.Named, Role.HidesAuthor })
        {
            await people[role].Client.LikePostAsync(posts["public"].Id, ct);
            await people[role].Client.CommentAsync(posts["public"].Id, new AddCommentRequest("c", $"From {role}"), ct);
        }

        // Posts fan out side by side, so every post's own fan-out has to be done, not just the last one's, before the
        // relationships below end: the timelines then hold posts that only the check on read keeps from the viewer.
        var moments = app.Services.GetRequiredService<IMomentsStore>();
        foreach (var post in posts.Values)
        {
            await Eventually.ThatAsync(
                async c => await moments.FanOutProgressAsync(Guid.Parse(post.Id), c) is null,
                $"the fan-out of \"{post.Text}\"");
        }

        // Then the relationships that end, after the posts reached them.
        await author.Client.BlockAsync(people[Role.Blocked].UserId, ct);
        await people[Role.FormerFriend].Client.RemoveFriendAsync(author.UserId, ct);

        return new World(app, people, posts);
    }

    public sealed record World(HutongApp App, IReadOnlyDictionary<Role, TestUser> People, IReadOnlyDictionary<string, PostInfo> Posts);
}
