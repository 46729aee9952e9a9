using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>A follower's thread with an account through the real server: messages both ways, the service window, the chat list.</summary>
public sealed class ThreadTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AccountReplyRequest Reply(string text) => new(new TextContent(text));

    [Theory, ProviderData]
    public async Task AFollowersMessage_OpensFiveRepliesFor48Hours_AndNoMore(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Bike Repair");
        var openId = await owner.FollowedByAsync(account.Id, mei);

        // The follow's own window (3 in a minute) is over by now.
        clock.Advance(TimeSpan.FromMinutes(2));
        await AccountsTests.ExpectAsync(409, ErrorCodes.OutsideServiceWindow, () => owner.Client.ReplyToFollowerAsync(account.Id, openId, Reply("Hello?"), Ct));

        var asked = await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("q1", new TextContent("  Is the shop open on Sunday?  ")), Ct);
        for (var i = 1; i <= 5; i++)
        {
            await owner.Client.ReplyToFollowerAsync(account.Id, openId, Reply($"Answer {i}"), Ct);
        }

        await AccountsTests.ExpectAsync(409, ErrorCodes.OutsideServiceWindow, () => owner.Client.ReplyToFollowerAsync(account.Id, openId, Reply("Answer 6"), Ct));
        Assert.Equal("Is the shop open on Sunday?", ((TextContent)asked.Content).Text);
        var thread = (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages;
        Assert.Equal(["Answer 5", "Answer 4", "Answer 3", "Answer 2", "Answer 1", "Is the shop open on Sunday?"], thread.Select(m => ((TextContent)m.Content).Text));
        Assert.Equal([true, true, true, true, true, false], thread.Select(m => m.FromAccount));
        Assert.Equal(thread.Select(m => m.Id), (await owner.Client.GetFollowerThreadAsync(account.Id, openId, cancellationToken: Ct)).Messages.Select(m => m.Id));

        // A new message renews the window; 48 hours after it, the window is shut.
        await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("q2", new TextContent("And Monday?")), Ct);
        await owner.Client.ReplyToFollowerAsync(account.Id, openId, Reply("Closed on Monday"), Ct);
        clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));
        await AccountsTests.ExpectAsync(409, ErrorCodes.OutsideServiceWindow, () => owner.Client.ReplyToFollowerAsync(account.Id, openId, Reply("Still there?"), Ct));
        Assert.Equal(8, (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Count);
    }

    [Theory, ProviderData]
    public async Task AFollow_OpensThreeMessagesForAMinute(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Welcome Desk");

        var openId = await owner.FollowedByAsync(account.Id, mei);
        for (var i = 1; i <= 3; i++)
        {
            await owner.Client.ReplyToFollowerAsync(account.Id, openId, Reply($"Welcome {i}"), Ct);
        }

        await AccountsTests.ExpectAsync(409, ErrorCodes.OutsideServiceWindow, () => owner.Client.ReplyToFollowerAsync(account.Id, openId, Reply("Welcome 4"), Ct));
        Assert.Equal(3, (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Count);
    }

    [Theory, ProviderData]
    public async Task Replies_ReachTheFollowersDevices_AndTheirOwnMessagesTheirOtherDevices(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Library");
        var openId = await owner.FollowedByAsync(account.Id, mei);
        var phone = app.NewClient();
        await phone.LoginAsync(new Contracts.Accounts.LoginRequest(mei.Handle, mei.Password, "phone"), Ct);
        await using var online = await app.ConnectAsync(phone);

        var sent = await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("where", new LocationContent(39.94, 116.38, "Houhai")), Ct);
        var resent = await mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("where", new LocationContent(39.94, 116.38, "Houhai")), Ct);
        var answer = await owner.Client.ReplyToFollowerAsync(account.Id, openId, Reply("We are at the lake"), Ct);

        Assert.Equal(sent.Id, resent.Id);
        Assert.Equal(sent.Id, (await online.NextAccountMessageAsync(e => !e.Message.FromAccount, "Mei's own message on her phone")).Message.Id);
        var pushed = await online.NextAccountMessageAsync(e => e.Message.FromAccount, "the account's answer");
        Assert.Equal((answer.Id, "We are at the lake"), (pushed.Message.Id, ((TextContent)pushed.Message.Content).Text));
        Assert.True(pushed.Seq > 0);
        Assert.Equal(2, (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Count);
    }

    [Theory, ProviderData]
    public async Task TheChatList_ShowsServiceAccountsApart_SubscriptionsFolded_WithUnreadCountsOfTheFollowersOwn(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var clinic = await owner.NewAccountAsync(OfficialAccountKinds.Service, "Clinic");
        await ops.ApproveOfficialAccountAsync(clinic.Id, Ct);
        var news = await owner.NewAccountAsync(name: "News");
        var recipes = await owner.NewAccountAsync(name: "Recipes");
        await mei.Client.FollowAsync(clinic.Id, cancellationToken: Ct);
        await mei.Client.FollowAsync(news.Id, cancellationToken: Ct);
        await mei.Client.FollowAsync(recipes.Id, cancellationToken: Ct);

        await owner.Client.BroadcastAsync(news.Id, new BroadcastRequest("n1", new TextContent("Headlines")), Ct);
        await owner.Client.BroadcastAsync(recipes.Id, new BroadcastRequest("r1", new TextContent("Dumplings")), Ct);
        await owner.Client.BroadcastAsync(clinic.Id, new BroadcastRequest("c1", new TextContent("Flu shots")), Ct);
        await owner.Client.BroadcastAsync(clinic.Id, new BroadcastRequest("c2", new TextContent("Open late")), Ct);

        var list = await mei.Client.GetAccountThreadsAsync(Ct);
        var service = Assert.Single(list.Services);
        Assert.Equal((clinic.Id, 2, "Open late"), (service.Account.Id, service.Unread, ((TextContent)service.Last!.Content).Text));
        Assert.Equal([recipes.Id, news.Id], list.Subscriptions.Select(s => s.Account.Id));
        Assert.All(list.Subscriptions, s => Assert.Equal(1, s.Unread));

        var newest = (await mei.Client.GetAccountThreadAsync(clinic.Id, cancellationToken: Ct)).Messages[0];
        await mei.Client.ReadAccountThreadAsync(clinic.Id, newest.Id, Ct);
        Assert.Equal(0, Assert.Single((await mei.Client.GetAccountThreadsAsync(Ct)).Services).Unread);
        await AccountsTests.ExpectAsync(404, ErrorCodes.AccountMessageNotFound, () => mei.Client.ReadAccountThreadAsync(news.Id, newest.Id, Ct));
    }

    [Theory, ProviderData]
    public async Task OnlyFollowers_Write_AndBadMessagesAreRefusedWhole(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var account = await owner.NewAccountAsync(name: "Bakery");
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        var linsPhoto = (await lin.Client.UploadMediaAsync(new MemoryStream(Core.Qr.QrCodes.Png("lin", 4)), "lin.png", Ct)).MediaId;

        await AccountsTests.ExpectAsync(409, ErrorCodes.FollowerNotFound, () => lin.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("x", new TextContent("hi")), Ct));
        await AccountsTests.ExpectAsync(409, ErrorCodes.FollowerNotFound, () => lin.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => mei.Client.GetBroadcastsAsync(account.Id, Ct));
        await AccountsTests.ExpectAsync(403, ErrorCodes.NotAccountAdmin, () => mei.Client.BroadcastAsync(account.Id, new BroadcastRequest("b", new TextContent("spam")), Ct));
        foreach (var bad in new MessageContent?[] { null, new TextContent(" "), new TextContent(new string('a', 2_001)), new TextContent("bell\a"), new ImageContent(linsPhoto), new LocationContent(91, 0), new CardContent(lin.UserId) })
        {
            await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => mei.Client.SendToAccountAsync(account.Id, new SendToAccountRequest("bad", bad), Ct));
        }

        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("loc", new LocationContent(1, 1)), Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.FollowerTagNotFound, () => owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("tag", new TextContent("hi"), TagId: 999), Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.FollowerNotFound, () => owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("pv", new TextContent("hi"), PreviewOpenId: "o" + new string('z', 27)), Ct));
        Assert.Empty((await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages);
        Assert.Empty((await owner.Client.GetBroadcastsAsync(account.Id, Ct)).Broadcasts);
        Assert.Equal(1, (await owner.Client.GetBroadcastsAsync(account.Id, Ct)).Quota.Remaining);
    }
}
