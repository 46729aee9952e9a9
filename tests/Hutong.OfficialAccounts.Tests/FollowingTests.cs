using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Following through the real server: followers by openid only, their tags and remarks, mute and unfollow.</summary>
public sealed class FollowingTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AFollower_HasAnOpenIdPerAccount_ThatNeverShowsTheirUserId(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var tea = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Tea", OfficialAccountKinds.Subscription), Ct)).Account;
        var noodles = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Noodles", OfficialAccountKinds.Subscription), Ct)).Account;

        var followed = await mei.Client.FollowAsync(tea.Id, new FollowRequest(FollowScenes.Search, Language: "en"), Ct);
        await mei.Client.FollowAsync(noodles.Id, cancellationToken: Ct);

        Assert.Equal((true, false, 1), (followed.Following, followed.Muted, followed.Followers));
        var atTea = Assert.Single((await owner.Client.GetFollowersAsync(tea.Id, cancellationToken: Ct)).Followers);
        var atNoodles = Assert.Single((await owner.Client.GetFollowersAsync(noodles.Id, cancellationToken: Ct)).Followers);
        Assert.NotEqual(atTea.OpenId, atNoodles.OpenId);
        foreach (var openId in new[] { atTea.OpenId, atNoodles.OpenId })
        {
            Assert.Matches("^o[A-Za-z0-9_-]{27}$", openId);
            Assert.DoesNotContain(mei.UserId.Replace("-", "", StringComparison.Ordinal), openId, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal((FollowScenes.Search, "en", ""), (atTea.Scene, atTea.Language, atTea.Remark));
        Assert.Equal((FollowScenes.Profile, "zh_CN"), (atNoodles.Scene, atNoodles.Language));
        Assert.Equal(new[] { noodles.Id, tea.Id }.Order(), (await mei.Client.GetFollowedAccountsAsync(Ct)).Accounts.Select(a => a.Id).Order());

        // Following again changes nothing; leaving and coming back keeps the openid.
        await mei.Client.FollowAsync(tea.Id, new FollowRequest(FollowScenes.Article), Ct);
        Assert.Equal(FollowScenes.Search, Assert.Single((await owner.Client.GetFollowersAsync(tea.Id, cancellationToken: Ct)).Followers).Scene);
        await mei.Client.UnfollowAsync(tea.Id, Ct);
        Assert.Empty((await owner.Client.GetFollowersAsync(tea.Id, cancellationToken: Ct)).Followers);
        Assert.Equal(0, (await mei.Client.GetOfficialAccountAsync(tea.Id, Ct)).Followers);
        Assert.Equal([noodles.Id], (await mei.Client.GetFollowedAccountsAsync(Ct)).Accounts.Select(a => a.Id));
        await mei.Client.FollowAsync(tea.Id, new FollowRequest(FollowScenes.Card), Ct);
        var back = Assert.Single((await owner.Client.GetFollowersAsync(tea.Id, cancellationToken: Ct)).Followers);
        Assert.Equal((atTea.OpenId, FollowScenes.Card), (back.OpenId, back.Scene));
    }

    [Theory, ProviderData]
    public async Task FollowAndMute_ReachTheFollowersOtherDevices(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var phone = await mei.NewDeviceAsync(app);
        var account = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Weather", OfficialAccountKinds.Subscription), Ct)).Account;
        var events = (await phone.GetEventsAsync(cancellationToken: Ct)).Events;
        var before = events.Count == 0 ? 0 : events[^1].Seq;

        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        var muted = await mei.Client.UpdateFollowAsync(account.Id, new UpdateFollowRequest(Muted: true), Ct);
        await mei.Client.UnfollowAsync(account.Id, Ct);

        Assert.True(muted.Muted);
        var seen = (await phone.GetEventsAsync(before, cancellationToken: Ct)).Events.OfType<OfficialAccountEvent>().ToList();
        Assert.Equal(
            [new OfficialAccountEvent(account.Id, true, false), new OfficialAccountEvent(account.Id, true, true), new OfficialAccountEvent(account.Id, false, false)],
            seen.Select(e => e with { Seq = 0, At = default }));
        await AccountsTests.ExpectAsync(409, ErrorCodes.FollowerNotFound, () => mei.Client.UpdateFollowAsync(account.Id, new UpdateFollowRequest(Muted: true), Ct));
    }

    [Theory, ProviderData]
    public async Task Followers_PageByOpenId_WithTheirTagsAndRemarks(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var account = (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest("Bookshop", OfficialAccountKinds.Subscription), Ct)).Account;
        var people = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            var person = await TestUser.CreateAsync(app, "reader");
            await person.Client.FollowAsync(account.Id, cancellationToken: Ct);
            people.Add(person);
        }

        var first = await owner.Client.GetFollowersAsync(account.Id, limit: 2, cancellationToken: Ct);
        var second = await owner.Client.GetFollowersAsync(account.Id, first.NextCursor, 2, Ct);
        var third = await owner.Client.GetFollowersAsync(account.Id, second.NextCursor, 2, Ct);

        Assert.Equal((5, 2, 2, 1), (first.Total, first.Followers.Count, second.Followers.Count, third.Followers.Count));
        Assert.Null(third.NextCursor);
        var all = first.Followers.Concat(second.Followers).Concat(third.Followers).Select(f => f.OpenId).ToList();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(5, all.Distinct().Count());

        var vip = await owner.Client.CreateFollowerTagAsync(account.Id, "VIP", Ct);
        var local = await owner.Client.CreateFollowerTagAsync(account.Id, "Local", Ct);
        Assert.Equal((100, 101), (vip.Id, local.Id));
        await AccountsTests.ExpectAsync(409, ErrorCodes.FollowerTagExists, () => owner.Client.CreateFollowerTagAsync(account.Id, "VIP", Ct));
        var tagged = await owner.Client.UpdateFollowerAsync(account.Id, all[0], new UpdateFollowerRequest("Regular since 2019", [vip.Id, local.Id]), Ct);
        await owner.Client.UpdateFollowerAsync(account.Id, all[1], new UpdateFollowerRequest(TagIds: [vip.Id]), Ct);
        await AccountsTests.ExpectAsync(404, ErrorCodes.FollowerTagNotFound, () => owner.Client.UpdateFollowerAsync(account.Id, all[2], new UpdateFollowerRequest(TagIds: [999]), Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.FollowerNotFound, () => owner.Client.UpdateFollowerAsync(account.Id, "o" + new string('x', 27), new UpdateFollowerRequest("who"), Ct));

        Assert.Equal("Regular since 2019", tagged.Remark);
        Assert.Equal([vip.Id, local.Id], tagged.TagIds);
        var tags = (await owner.Client.GetFollowerTagsAsync(account.Id, Ct)).Tags;
        Assert.Equal([("VIP", 2), ("Local", 1)], tags.Select(t => (t.Name, t.Count)));

        await owner.Client.RenameFollowerTagAsync(account.Id, local.Id, "Neighbours", Ct);
        await AccountsTests.ExpectAsync(409, ErrorCodes.FollowerTagExists, () => owner.Client.RenameFollowerTagAsync(account.Id, local.Id, "VIP", Ct));
        await owner.Client.DeleteFollowerTagAsync(account.Id, vip.Id, Ct);
        await AccountsTests.ExpectAsync(404, ErrorCodes.FollowerTagNotFound, () => owner.Client.DeleteFollowerTagAsync(account.Id, vip.Id, Ct));

        Assert.Equal([("Neighbours", 1)], (await owner.Client.GetFollowerTagsAsync(account.Id, Ct)).Tags.Select(t => (t.Name, t.Count)));
        var firstNow = (await owner.Client.GetFollowersAsync(account.Id, limit: 1, cancellationToken: Ct)).Followers[0];
        Assert.Equal("Regular since 2019", firstNow.Remark);
        Assert.Equal([local.Id], firstNow.TagIds);
    }
}
