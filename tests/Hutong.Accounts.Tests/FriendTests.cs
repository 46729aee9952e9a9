using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Contacts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Accounts.Tests;

public sealed class FriendTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task UpdateFriend_RemarkTagsAndSwitches_AreMineAlone(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);

        var updated = await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest("表哥 Lin", ["family", "家人", "family"], ChatOnly: true, HideTheirMoments: true), Ct);

        Assert.Equal(("表哥 Lin", true, true), (updated.Remark, updated.ChatOnly, updated.HideTheirMoments));
        Assert.Equal(["family", "家人"], updated.Tags);
        var reread = await mei.Client.GetFriendAsync(lin.UserId, Ct);
        Assert.Equal(updated with { Tags = reread.Tags }, reread);
        Assert.Equal(["family", "家人"], reread.Tags);
        // Lin's view of Mei is untouched: settings are one-sided.
        var linsView = await lin.Client.GetFriendAsync(mei.UserId, Ct);
        Assert.Equal((null, false, false, 0), (linsView.Remark, linsView.ChatOnly, linsView.HideTheirMoments, linsView.Tags.Count));
    }

    [Theory, ProviderData]
    public async Task UpdateFriend_OmittedFieldsStay_EmptyRemarkClears(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest("Lin", ["work"], true, null), Ct);

        var updated = await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest("", null, null, null), Ct);

        Assert.Equal((null, true), (updated.Remark, updated.ChatOnly));
        Assert.Equal(["work"], updated.Tags);
    }

    [Theory, ProviderData]
    public async Task UpdateFriend_Invalid_Is400AndChangesNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest(new string('r', 65), [new string('t', 33)], true, null), Ct));

        Assert.Equal(["remark", "tags"], error.Problem!.Errors!.Keys.Order());
        var unchanged = await mei.Client.GetFriendAsync(lin.UserId, Ct);
        Assert.Equal((null, false), (unchanged.Remark, unchanged.ChatOnly));
    }

    [Theory, ProviderData]
    public async Task Friend_NotAFriend_Is404NotFriends(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var stranger = await TestUser.CreateAsync(app, "stranger");

        var read = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.GetFriendAsync(stranger.UserId, Ct));
        var update = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.UpdateFriendAsync(stranger.UserId, new UpdateFriendRequest("x", null, null, null), Ct));
        var remove = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RemoveFriendAsync(stranger.UserId, Ct));

        Assert.All([read, update, remove], e => Assert.Equal((404, ErrorCodes.NotFriends), (e.Status, e.Code)));
    }

    [Theory, ProviderData]
    public async Task RemoveFriend_EndsItForBoth_AndEitherMayAskAgain(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);

        await mei.Client.RemoveFriendAsync(lin.UserId, Ct);

        Assert.Empty((await mei.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);
        Assert.Empty((await lin.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);
        await lin.BefriendAsync(mei);
        Assert.Single((await mei.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);
    }

    [Theory, ProviderData]
    public async Task Friends_PageThroughAll_WithoutGapsOrRepeats(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var star = await TestUser.CreateAsync(app, "star");
        var expected = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var fan = await TestUser.CreateAsync(app, "fan" + i);
            await fan.BefriendAsync(star);
            expected.Add(fan.UserId);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await star.Client.GetFriendsAsync(3, cursor, Ct);
            seen.AddRange(page.Friends.Select(f => f.UserId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(expected.Order(), seen.Order());
        Assert.Equal(expected.Count, seen.Distinct().Count());
    }

    [Theory, ProviderData]
    public async Task FriendsAndRequests_ThatShareOneTime_PageWithoutGapsOrRepeats(StorageProvider provider)
    {
        // A clock that stands still gives every friendship and request the same time: pages must still be exact.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var star = await TestUser.CreateAsync(app, "star");
        var friends = new List<string>();
        var asking = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var fan = await TestUser.CreateAsync(app, "fan" + i);
            await fan.BefriendAsync(star);
            friends.Add(fan.UserId);
            var stranger = await TestUser.CreateAsync(app, "asks" + i);
            asking.Add((await stranger.Client.SendFriendRequestAsync(star.UserId, "hi", Ct)).RequestId);
        }

        var seenFriends = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 10 && (page == 0 || cursor is not null); page++)
        {
            var friendPage = await star.Client.GetFriendsAsync(3, cursor, Ct);
            seenFriends.AddRange(friendPage.Friends.Select(f => f.UserId));
            cursor = friendPage.NextCursor;
        }

        var seenRequests = new List<string>();
        for (var page = 0; page < 10 && (page == 0 || cursor is not null); page++)
        {
            var requestPage = await star.Client.GetFriendRequestsAsync("incoming", 3, cursor, Ct);
            seenRequests.AddRange(requestPage.Requests.Select(r => r.RequestId));
            cursor = requestPage.NextCursor;
        }

        Assert.Equal(friends.Order(), seenFriends.Order());
        // The fans' accepted requests are listed too: fourteen, each once.
        Assert.Equal(14, seenRequests.Distinct().Count());
        Assert.Equal(14, seenRequests.Count);
        Assert.Subset(seenRequests.ToHashSet(), asking.ToHashSet());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task Friends_LimitOutOfRange_Is400(int limit)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.GetFriendsAsync(limit, null, Ct));

        Assert.Equal(["limit"], error.Problem!.Errors!.Keys);
    }
}
