using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Contacts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Accounts.Tests;

public sealed class FriendRequestTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Request_Accepted_BothAreFriendsWithTheGreetingShown(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");
        var lin = await TestUser.CreateAsync(app, "lin", "Lin");

        var sent = await mei.Client.SendFriendRequestAsync(lin.UserId, "你好, it's Mei from the tea house", Ct);
        var incoming = await lin.Client.GetFriendRequestsAsync("incoming", cancellationToken: Ct);
        var outgoing = await mei.Client.GetFriendRequestsAsync("outgoing", cancellationToken: Ct);

        Assert.Equal(FriendRequestStates.Pending, sent.State);
        var request = Assert.Single(incoming.Requests);
        Assert.Equal((sent.RequestId, mei.UserId, "你好, it's Mei from the tea house", "Mei"), (request.RequestId, request.FromUserId, request.Greeting, request.From.DisplayName));
        Assert.Equal(sent.RequestId, Assert.Single(outgoing.Requests).RequestId);

        var accepted = await lin.Client.AcceptFriendRequestAsync(sent.RequestId, Ct);

        Assert.Equal(FriendRequestStates.Accepted, accepted.State);
        Assert.Equal(lin.UserId, Assert.Single((await mei.Client.GetFriendsAsync(cancellationToken: Ct)).Friends).UserId);
        Assert.Equal(mei.UserId, Assert.Single((await lin.Client.GetFriendsAsync(cancellationToken: Ct)).Friends).UserId);
    }

    [Theory, ProviderData]
    public async Task Request_Declined_NobodyBecomesFriends(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var sent = await mei.Client.SendFriendRequestAsync(lin.UserId, null, Ct);

        var declined = await lin.Client.DeclineFriendRequestAsync(sent.RequestId, Ct);

        Assert.Equal(FriendRequestStates.Declined, declined.State);
        Assert.Empty((await mei.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);
        var again = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.AcceptFriendRequestAsync(sent.RequestId, Ct));
        Assert.Equal((409, ErrorCodes.RequestNotPending), (again.Status, again.Code));
    }

    [Theory, ProviderData]
    public async Task Request_ToSelf_Is400CannotBefriendSelf(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendFriendRequestAsync(mei.UserId, "me", Ct));

        Assert.Equal((400, ErrorCodes.CannotBefriendSelf), (error.Status, error.Code));
    }

    [Theory, ProviderData]
    public async Task Request_ToAFriend_Is409AlreadyFriends(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);

        var error = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.SendFriendRequestAsync(mei.UserId, "again?", Ct));

        Assert.Equal((409, ErrorCodes.AlreadyFriends), (error.Status, error.Code));
    }

    [Theory, ProviderData]
    public async Task Request_ToSomeoneWhoBlockedMe_IsRefusedWithoutSayingSo(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var pest = await TestUser.CreateAsync(app, "pest");
        await mei.Client.BlockAsync(pest.UserId, Ct);

        var error = await Assert.ThrowsAsync<HutongApiException>(() => pest.Client.SendFriendRequestAsync(mei.UserId, "please", Ct));

        Assert.Equal((403, ErrorCodes.RequestRefused), (error.Status, error.Code));
        Assert.DoesNotContain("block", error.Problem!.Title!, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await mei.Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests);
    }

    [Theory, ProviderData]
    public async Task Request_ToSomeoneIBlocked_Is409BlockedByYou(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.Client.BlockAsync(lin.UserId, Ct);

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendFriendRequestAsync(lin.UserId, null, Ct));

        Assert.Equal((409, ErrorCodes.BlockedByYou), (error.Status, error.Code));
    }

    [Theory, ProviderData]
    public async Task Request_BothAskEachOther_SecondRequestMakesThemFriends(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var first = await mei.Client.SendFriendRequestAsync(lin.UserId, "hi Lin", Ct);

        var second = await lin.Client.SendFriendRequestAsync(mei.UserId, "hi Mei", Ct);

        Assert.Equal((first.RequestId, FriendRequestStates.Accepted), (second.RequestId, second.State));
        Assert.Single((await mei.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);
    }

    [Theory, ProviderData]
    public async Task Request_SentTwice_RenewsTheOpenOneWithTheNewGreeting(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var first = await mei.Client.SendFriendRequestAsync(lin.UserId, "hello", Ct);

        var second = await mei.Client.SendFriendRequestAsync(lin.UserId, "hello again", Ct);

        Assert.Equal(first.RequestId, second.RequestId);
        var request = Assert.Single((await lin.Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests);
        Assert.Equal("hello again", request.Greeting);
    }

    [Theory, ProviderData]
    public async Task Request_BadInput_Is4xxAndWritesNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");

        var longGreeting = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendFriendRequestAsync(lin.UserId, new string('字', 201), Ct));
        var badId = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendFriendRequestAsync("lin", null, Ct));
        var unknown = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendFriendRequestAsync(Guid.NewGuid().ToString(), null, Ct));

        Assert.Equal(400, longGreeting.Status);
        Assert.Equal(["greeting"], longGreeting.Problem!.Errors!.Keys);
        Assert.Equal(400, badId.Status);
        Assert.Equal(["toUserId"], badId.Problem!.Errors!.Keys);
        Assert.Equal((404, ErrorCodes.UserNotFound), (unknown.Status, unknown.Code));
        Assert.Empty((await lin.Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests);
        Assert.Empty((await mei.Client.GetFriendRequestsAsync("outgoing", cancellationToken: Ct)).Requests);
    }

    [Theory, ProviderData]
    public async Task Request_OnlyTheRecipientCanAnswer_OthersGet404(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var snoop = await TestUser.CreateAsync(app, "snoop");
        var sent = await mei.Client.SendFriendRequestAsync(lin.UserId, "private hello", Ct);

        var bySnoop = await Assert.ThrowsAsync<HutongApiException>(() => snoop.Client.AcceptFriendRequestAsync(sent.RequestId, Ct));
        var bySender = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.AcceptFriendRequestAsync(sent.RequestId, Ct));
        var declineBySnoop = await Assert.ThrowsAsync<HutongApiException>(() => snoop.Client.DeclineFriendRequestAsync(sent.RequestId, Ct));

        Assert.All([bySnoop, bySender, declineBySnoop], e => Assert.Equal((404, ErrorCodes.RequestNotFound), (e.Status, e.Code)));
        Assert.Empty((await snoop.Client.GetFriendRequestsAsync("incoming", cancellationToken: Ct)).Requests);
        Assert.Empty((await snoop.Client.GetFriendRequestsAsync("outgoing", cancellationToken: Ct)).Requests);
        Assert.Equal(FriendRequestStates.Pending, Assert.Single((await lin.Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests).State);
    }

    [Theory, ProviderData]
    public async Task Requests_PageThroughWithCursor_NewestFirst(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var star = await TestUser.CreateAsync(app, "star");
        var fans = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            var fan = await TestUser.CreateAsync(app, "fan" + i);
            await fan.Client.SendFriendRequestAsync(star.UserId, "fan " + i, Ct);
            fans.Add(fan);
        }

        var first = await star.Client.GetFriendRequestsAsync("incoming", 2, null, Ct);
        var second = await star.Client.GetFriendRequestsAsync("incoming", 2, first.NextCursor, Ct);
        var third = await star.Client.GetFriendRequestsAsync("incoming", 2, second.NextCursor, Ct);

        Assert.Equal(["fan 4", "fan 3", "fan 2", "fan 1", "fan 0"], first.Requests.Concat(second.Requests).Concat(third.Requests).Select(r => r.Greeting));
        Assert.Null(third.NextCursor);
    }

    [Theory]
    [InlineData("sideways", null)]
    [InlineData("incoming", "bm90LWEtY3Vyc29y")]
    public async Task Requests_BadDirectionOrCursor_Is400(string direction, string? cursor)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.GetFriendRequestsAsync(direction, null, cursor, Ct));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (error.Status, error.Code));
    }

    [Theory, ProviderData]
    public async Task Request_After30Days_IsExpiredAndCannotBeAccepted(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var sent = await mei.Client.SendFriendRequestAsync(lin.UserId, "hello", Ct);

        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(FriendRequestStates.Pending, Assert.Single((await lin.Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests).State);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(FriendRequestStates.Expired, Assert.Single((await lin.Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests).State);
        var error = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.AcceptFriendRequestAsync(sent.RequestId, Ct));
        Assert.Equal((409, ErrorCodes.RequestExpired), (error.Status, error.Code));
        Assert.Empty((await lin.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);

        // An expired request does not stand in the way of a new one.
        var renewed = await mei.Client.SendFriendRequestAsync(lin.UserId, "hello again", Ct);
        Assert.NotEqual(sent.RequestId, renewed.RequestId);
        await lin.Client.AcceptFriendRequestAsync(renewed.RequestId, Ct);
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task FriendLimit_ConcurrentAccepts_NeverExceedIt(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?> { ["Hutong:Limits:MaxFriends"] = "3" }, cancellationToken: Ct);
        var star = await TestUser.CreateAsync(app, "star");
        var requests = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var fan = await TestUser.CreateAsync(app, "fan" + i);
            requests.Add((await fan.Client.SendFriendRequestAsync(star.UserId, null, Ct)).RequestId);
        }

        var outcomes = await Task.WhenAll(requests.Select(async id =>
        {
            try
            {
                await star.Client.AcceptFriendRequestAsync(id, Ct);
                return "accepted";
            }
            catch (HutongApiException e)
            {
                return e.Code;
            }
        }));

        Assert.Equal(3, outcomes.Count(o => o == "accepted"));
        Assert.All(outcomes.Where(o => o != "accepted"), o => Assert.Equal(ErrorCodes.FriendLimitReached, o));
        Assert.Equal(3, (await star.Client.GetFriendsAsync(cancellationToken: Ct)).Friends.Count);
        var late = await TestUser.CreateAsync(app, "late");
        var full = await Assert.ThrowsAsync<HutongApiException>(() => star.Client.SendFriendRequestAsync(late.UserId, null, Ct));
        Assert.Equal(ErrorCodes.FriendLimitReached, full.Code);
        app.Storage.Dispose();
    }
}
