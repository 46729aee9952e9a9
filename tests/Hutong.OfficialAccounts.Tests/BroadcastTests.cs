using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Broadcasts through the real server: quotas in the account's time zone, audiences, fan-out on read, live pushes.</summary>
public sealed class BroadcastTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BroadcastRequest Text(string clientId, string text, int? tagId = null, string? preview = null) =>
        new(clientId, new TextContent(text), TagId: tagId, PreviewOpenId: preview);

    [Theory, ProviderData]
    public async Task ASubscriptionAccount_BroadcastsOnceADay_InShanghaiDays_AndPreviewsDoNotCount(StorageProvider provider)
    {
        // 23:30 in Shanghai (UTC+8): the day ends in half an hour.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 15, 30, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync();
        var meiOpenId = await owner.FollowedByAsync(account.Id, mei);

        var first = await owner.Client.BroadcastAsync(account.Id, Text("b1", "Good night"), Ct);
        var again = await owner.Client.BroadcastAsync(account.Id, Text("b1", "Good night"), Ct);
        var preview = await owner.Client.BroadcastAsync(account.Id, Text("p1", "Draft for tomorrow", preview: meiOpenId), Ct);
        var refused = await AccountsTests.ExpectAsync(429, ErrorCodes.BroadcastQuotaExceeded, () => owner.Client.BroadcastAsync(account.Id, Text("b2", "One more"), Ct));

        Assert.Equal((first.Id, true, 1), (again.Id, first.Counted, first.Recipients));
        Assert.Equal((BroadcastAudiences.Preview, false, 1), (preview.Audience, preview.Counted, preview.Recipients));
        Assert.Equal(30 * 60, refused.Problem!.RetryAfter);
        var listed = await owner.Client.GetBroadcastsAsync(account.Id, Ct);
        Assert.Equal([preview.Id, first.Id], listed.Broadcasts.Select(b => b.Id));
        Assert.Equal((BroadcastQuotaPeriods.Day, 1, 1, 0), (listed.Quota.Period, listed.Quota.Limit, listed.Quota.Used, listed.Quota.Remaining));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.Zero), listed.Quota.ResetsAt);
        Assert.Equal(["Draft for tomorrow", "Good night"], (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Select(m => ((TextContent)m.Content).Text));

        // Past midnight in Shanghai (still the 4th in UTC) a new day's broadcast goes out.
        clock.Advance(TimeSpan.FromMinutes(31));
        var next = await owner.Client.BroadcastAsync(account.Id, Text("b2", "Good morning"), Ct);
        Assert.True(next.Counted);
        await AccountsTests.ExpectAsync(429, ErrorCodes.BroadcastQuotaExceeded, () => owner.Client.BroadcastAsync(account.Id, Text("b3", "Again"), Ct));
    }

    [Theory, ProviderData]
    public async Task AServiceAccount_BroadcastsFourTimesAMonth_ToAllOrToATag_AndTheFifthWaitsForTheNextMonth(StorageProvider provider)
    {
        // The 31st of December, 23:00 in Shanghai.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(
            provider, new Dictionary<string, string?> { ["Hutong:Operators:0"] = "ops_quota" }, clock, cancellationToken: Ct);
        var ops = app.NewClient();
        await ops.SignUpAsync(new Contracts.Accounts.SignUpRequest("ops_quota", TestUser.DefaultPassword, "Ops"), Ct);
        await ops.LoginAsync(new Contracts.Accounts.LoginRequest("ops_quota", TestUser.DefaultPassword, "desk"), Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var account = await owner.NewAccountAsync(OfficialAccountKinds.Service, "City Clinic");
        await ops.ApproveOfficialAccountAsync(account.Id, Ct);
        var meiOpenId = await owner.FollowedByAsync(account.Id, mei);
        await owner.FollowedByAsync(account.Id, lin);
        var tag = await owner.Client.CreateFollowerTagAsync(account.Id, "Patients", Ct);
        await owner.Client.UpdateFollowerAsync(account.Id, meiOpenId, new UpdateFollowerRequest(TagIds: [tag.Id]), Ct);

        await owner.Client.BroadcastAsync(account.Id, Text("m1", "Opening hours"), Ct);
        var tagged = await owner.Client.BroadcastAsync(account.Id, Text("m2", "Your results are in", tag.Id), Ct);
        await owner.Client.BroadcastAsync(account.Id, Text("m3", "Flu shots"), Ct);
        await owner.Client.BroadcastAsync(account.Id, Text("m4", "Closed on the 1st"), Ct);
        await AccountsTests.ExpectAsync(429, ErrorCodes.BroadcastQuotaExceeded, () => owner.Client.BroadcastAsync(account.Id, Text("m5", "Too many"), Ct));
        await AccountsTests.ExpectAsync(429, ErrorCodes.BroadcastQuotaExceeded, () => owner.Client.BroadcastAsync(account.Id, Text("m6", "By tag too", tag.Id), Ct));

        Assert.Equal((BroadcastAudiences.Tag, 1), (tagged.Audience, tagged.Recipients));
        Assert.Equal(4, (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Count);
        Assert.Equal(3, (await lin.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Count);
        var quota = (await owner.Client.GetBroadcastsAsync(account.Id, Ct)).Quota;
        Assert.Equal((BroadcastQuotaPeriods.Month, 4, 4, 0), (quota.Period, quota.Limit, quota.Used, quota.Remaining));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), quota.ResetsAt);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await owner.Client.BroadcastAsync(account.Id, Text("m5", "Happy new year"), Ct)).Counted);
    }

    [Theory, ProviderData]
    public async Task ABroadcast_IsReadByFollowersSinceBefore_AndPushedLiveToThoseOnline_AndShownToAnyoneOnTheAccountsPage(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var account = await owner.NewAccountAsync(name: "Morning Paper");
        var meiOpenId = await owner.FollowedByAsync(account.Id, mei);
        await using var meiOnline = await app.ConnectAsync(mei.Client);
        await using var strangerOnline = await app.ConnectAsync(stranger.Client);
        var png = Hutong.Core.Qr.QrCodes.Png("front page", 4);
        var photo = (await owner.Client.UploadMediaAsync(new MemoryStream(png), "front.png", Ct)).MediaId;
        var draftPhoto = (await owner.Client.UploadMediaAsync(new MemoryStream(Hutong.Core.Qr.QrCodes.Png("draft", 4)), "draft.png", Ct)).MediaId;

        var sent = await owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("front", new ImageContent(photo)), Ct);
        var preview = await owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("draft", new ImageContent(draftPhoto), PreviewOpenId: meiOpenId), Ct);

        var live = await meiOnline.NextAccountMessageAsync(e => e.Message.BroadcastId == sent.Id, "the broadcast, live");
        Assert.Equal((0L, account.Id, true), (live.Seq, live.Message.AccountId, live.Message.FromAccount));
        Assert.Equal(photo, ((ImageContent)live.Message.Content).MediaId);
        Assert.Equal(png, (await mei.Client.DownloadMediaAsync(photo, Ct)).Bytes);
        Assert.Equal([preview.Id, sent.Id], (await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages.Select(m => m.BroadcastId));

        // Lin follows afterwards: the broadcast is not in his thread; it is on the account's page, for anyone to see.
        await lin.Client.FollowAsync(account.Id, cancellationToken: Ct);
        Assert.Empty((await lin.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages);
        foreach (var reader in new[] { lin, stranger })
        {
            var history = await reader.Client.GetAccountHistoryAsync(account.Id, cancellationToken: Ct);
            Assert.Equal([sent.Id], history.Messages.Select(m => m.BroadcastId));
            Assert.Equal(png, (await reader.Client.DownloadMediaAsync(photo, Ct)).Bytes);
            // The preview went to Mei alone: neither on the page nor fetchable by others.
            await AccountsTests.ExpectAsync(404, ErrorCodes.MediaNotFound, () => reader.Client.DownloadMediaAsync(draftPhoto, Ct));
        }

        await AccountsTests.ExpectAsync(404, ErrorCodes.AccountNotFound, () => stranger.Client.GetAccountHistoryAsync(Guid.NewGuid().ToString(), cancellationToken: Ct));

        // The stranger's device heard nothing: a later push that would have followed the broadcast proves it.
        var strangerOpenId = await owner.FollowedByAsync(account.Id, stranger);
        var later = await owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("later", new TextContent("Evening edition"), PreviewOpenId: strangerOpenId), Ct);
        var first = await strangerOnline.NextAccountMessageAsync(_ => true, "the stranger's first thread item");
        Assert.Equal(later.Id, first.Message.BroadcastId);
    }

    [Theory, ProviderData]
    public async Task APreviewOfArticles_LetsItsOneFollowerReadThem_AndPublishesNothing_UntilTheBroadcast(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var account = await owner.NewAccountAsync(name: "Draft Desk");
        var meiOpenId = await owner.FollowedByAsync(account.Id, mei);
        await lin.Client.FollowAsync(account.Id, cancellationToken: Ct);
        var png = Hutong.Core.Qr.QrCodes.Png("autumn", 4);
        var cover = (await owner.Client.UploadMediaAsync(new MemoryStream(png), "cover.png", Ct)).MediaId;
        var draft = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Autumn tea", "<p>Roasted, soon.</p>", CoverId: cover), Ct);

        var preview = await owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("peek", ArticleIds: [draft.Id], PreviewOpenId: meiOpenId), Ct);

        // Mei reads the draft, marked as a preview, with its cover; nothing is counted.
        Assert.False(preview.Counted);
        var seen = await mei.Client.GetArticleAsync(draft.Id, Ct);
        Assert.Equal(("Autumn tea", true, new ArticleStats(0, 0, false)), (seen.Title, seen.Preview, seen.Stats));
        Assert.Equal(png, (await mei.Client.DownloadMediaAsync(cover, Ct)).Bytes);
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => mei.Client.ReadArticleAsync(draft.Id, Ct));
        // Nobody else: not another follower, not the public page, not the account's page.
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => lin.Client.GetArticleAsync(draft.Id, Ct));
        await AccountsTests.ExpectAsync(404, ErrorCodes.MediaNotFound, () => lin.Client.DownloadMediaAsync(cover, Ct));
        using (var anyone = app.CreateClient())
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anyone.GetAsync($"/a/{draft.Id}", Ct)).StatusCode);
        }

        Assert.Empty((await lin.Client.GetPublishedArticlesAsync(account.Id, cancellationToken: Ct)).Articles);
        Assert.Null((await owner.Client.GetArticleDraftAsync(account.Id, draft.Id, Ct)).PublishedAt);

        // The broadcast publishes it for everyone, Mei too.
        await owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("autumn", ArticleIds: [draft.Id]), Ct);
        Assert.False((await lin.Client.GetArticleAsync(draft.Id, Ct)).Preview);
        Assert.False((await mei.Client.GetArticleAsync(draft.Id, Ct)).Preview);
        Assert.Equal([draft.Id], (await lin.Client.GetPublishedArticlesAsync(account.Id, cancellationToken: Ct)).Articles.Select(a => a.Id));
    }

    [Theory, ProviderData]
    public async Task ABroadcastOfArticles_PublishesThem_AsNews_AndOneOverQuotaPublishesNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var account = await owner.NewAccountAsync(name: "Tea Journal");
        await mei.Client.FollowAsync(account.Id, cancellationToken: Ct);
        var green = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Green tea", "<p>Long Jing, picked in spring.</p>", "Spring leaves"), Ct);
        var black = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Black tea", "<p>Dian Hong from Yunnan.</p>"), Ct);
        var oolong = await owner.Client.CreateArticleAsync(account.Id, new CreateArticleRequest("Oolong", "<p>Tie Guan Yin.</p>"), Ct);
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => mei.Client.GetArticleAsync(green.Id, Ct));

        var sent = await owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("weekly", ArticleIds: [green.Id, black.Id]), Ct);
        await AccountsTests.ExpectAsync(429, ErrorCodes.BroadcastQuotaExceeded, () => owner.Client.BroadcastAsync(account.Id, new BroadcastRequest("more", ArticleIds: [oolong.Id]), Ct));

        var news = Assert.IsType<NewsContent>(sent.Content);
        Assert.Equal([("Green tea", "Spring leaves", green.Id), ("Black tea", black.Digest, black.Id)], news.Items.Select(i => (i.Title, i.Description, i.ArticleId)));
        Assert.Equal($"/a/{green.Id}", news.Items[0].Url);
        var item = Assert.Single((await mei.Client.GetAccountThreadAsync(account.Id, cancellationToken: Ct)).Messages);
        Assert.Equal(sent.Id, item.BroadcastId);
        Assert.Equal("Green tea", (await mei.Client.GetArticleAsync(green.Id, Ct)).Title);
        Assert.Equal("Black tea", (await mei.Client.GetArticleAsync(black.Id, Ct)).Title);
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => mei.Client.GetArticleAsync(oolong.Id, Ct));

        var other = await owner.NewAccountAsync(name: "Other Journal");
        await AccountsTests.ExpectAsync(404, ErrorCodes.ArticleNotFound, () => owner.Client.BroadcastAsync(other.Id, new BroadcastRequest("theirs", ArticleIds: [oolong.Id]), Ct));
        await AccountsTests.ExpectAsync(400, ErrorCodes.ValidationFailed, () => owner.Client.BroadcastAsync(other.Id, new BroadcastRequest("nine", ArticleIds: [.. Enumerable.Repeat(oolong.Id, 9)]), Ct));
    }
}
