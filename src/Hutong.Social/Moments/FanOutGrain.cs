using Microsoft.Extensions.Options;

namespace Hutong.Social.Moments;

internal sealed class FanOutGrain(IMomentsStore store, IOptions<SocialOptions> options) : Grain, IFanOutGrain
{
    public Task RunAsync() => CompleteAsync();

    public async Task CompleteAsync()
    {
        var postId = this.GetPrimaryKey();
        if (await store.FanOutProgressAsync(postId, CancellationToken.None) is not { } progress
            || await store.FindPostAsync(postId, CancellationToken.None) is not { } post)
        {
            return;
        }

        if (post.Audience.FixedReach is { } reach)
        {
            // Only the people named can ever see it: their timelines, one batch (the list is bounded by the options).
            var friends = await FriendsAmongAsync(post.AuthorId, reach);
            await store.AddToTimelinesAsync(postId, post.AuthorId, friends, null, done: true, CancellationToken.None);
            return;
        }

        var batch = options.Value.FanOutBatch;
        var reached = progress.Reached;
        while (true)
        {
            var friends = await store.FriendsAfterAsync(post.AuthorId, reached, batch, CancellationToken.None);
            var done = friends.Count < batch;
            reached = friends.Count > 0 ? friends[^1] : reached;
            await store.AddToTimelinesAsync(postId, post.AuthorId, friends, reached, done, CancellationToken.None);
            if (done)
            {
                return;
            }
        }
    }

    private async Task<IReadOnlyList<Guid>> FriendsAmongAsync(Guid authorId, IReadOnlyCollection<Guid> people)
    {
        var sights = await store.SightsAsync(authorId, people, CancellationToken.None);
        return [.. people.Where(p => sights.TryGetValue(p, out var sight) && sight.Friends)];
    }
}
