using Hutong.Contracts.Social;
using Hutong.Server.Hosting;
using Hutong.Social.Moments;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Social.Tests;

/// <summary>The fan-out of a post into friends' timelines: in batches, each durable, resumed after a crash.</summary>
public sealed class FanOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AFanOutCutOff_IsResumedAfterARestart_FromItsLastBatch(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?> { ["Hutong:Social:FanOutBatch"] = "2" };
        var storage = await TestStorage.CreateAsync(provider, Ct);
        CrashingTimelines store = null!;
        var first = HutongApp.Start(storage, settings, clock, s => s.Decorate<IMomentsStore>(inner => store = new CrashingTimelines(inner)));
        var mei = await TestUser.CreateAsync(first, "mei");
        var friends = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            friends.Add(await TestUser.CreateAsync(first, $"friend{i}"));
            await mei.BefriendAsync(friends[^1]);
        }

        var post = await mei.Client.CreatePostAsync(new CreatePostRequest("p", "Cut off halfway"), Ct);
        await store.Crashed.Task.WaitAsync(Eventually.Patience, Ct);
        var reached = new List<bool>();
        foreach (var friend in friends)
        {
            reached.Add((await friend.Client.GetTimelineAsync(cancellationToken: Ct)).Posts.Any(p => p.Id == post.Id));
        }

        Assert.Equal(2, reached.Count(r => r));
        await first.DisposeAsync();

        // Restarted: the sweep finds the unfinished fan-out and completes it from where the first batch ended.
        clock.Advance(TimeSpan.FromMinutes(1));
        await using var second = HutongApp.Start(storage, settings, clock);
        await second.Services.GetRequiredService<SocialSweeper>().SweepAsync(Ct);
        foreach (var friend in friends)
        {
            var client = second.NewClient();
            await client.LoginAsync(new Contracts.Accounts.LoginRequest(friend.Handle, friend.Password, "after restart"), Ct);
            Assert.Equal([post.Id], (await client.GetTimelineAsync(cancellationToken: Ct)).Posts.Select(p => p.Id));
        }

        Assert.Equal(1, store.Batches);
    }

    /// <summary>Lets the first batch of timeline rows through and fails every one after, as a node that dies would.</summary>
    private sealed class CrashingTimelines(IMomentsStore inner) : DelegatingMomentsStore(inner)
    {
        public TaskCompletionSource Crashed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Batches { get; private set; }

        public override async Task AddToTimelinesAsync(Guid postId, Guid authorId, IReadOnlyList<Guid> owners, Guid? reached, bool done, CancellationToken cancellationToken)
        {
            if (Batches == 1)
            {
                Crashed.TrySetResult();
                throw new InvalidOperationException("The node died here.");
            }

            await base.AddToTimelinesAsync(postId, authorId, owners, reached, done, cancellationToken);
            Batches++;
        }
    }
}
