using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Contacts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Social;
using Hutong.Core.Qr;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Social.Tests;

/// <summary>Status through the real server: for friends only, seen marks of one's own, reactions for the author, a day long.</summary>
public sealed class StatusTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static readonly byte[] Png = QrCodes.Png("hutong://status", 4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AStatus_IsSeenByFriends_NotByChatOnlyBlockedOrStrangers(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await MomentsTests.FriendsAsync(app);
        var chatOnly = await TestUser.CreateAsync(app, "chatonly");
        var blocked = await TestUser.CreateAsync(app, "blocked");
        var stranger = await TestUser.CreateAsync(app, "stranger");
        await mei.BefriendAsync(chatOnly);
        await mei.BefriendAsync(blocked);
        await mei.Client.UpdateFriendAsync(chatOnly.UserId, new UpdateFriendRequest(null, null, true, null), Ct);
        await blocked.Client.BlockAsync(mei.UserId, Ct);
        var photo = (await mei.Client.UploadMediaAsync(new MemoryStream(Png), "now.png", Ct)).MediaId;

        var status = await mei.Client.PostStatusAsync(new PostStatusRequest("s", "At the lake", photo, "😌 calm", new PlaceInfo("Houhai")), Ct);

        var board = await lin.Client.GetStatusBoardAsync(Ct);
        var meis = Assert.Single(board.Friends);
        Assert.Equal((mei.UserId, false), (meis.UserId, meis.AllSeen));
        var seen = Assert.Single(meis.Statuses);
        Assert.Equal((status.Id, "At the lake", "😌 calm", "Houhai", photo), (seen.Id, seen.Text, seen.Mood, seen.Location!.Name, seen.Media!.MediaId));
        Assert.Null(seen.Reactions);
        Assert.Equal(Png, (await lin.Client.DownloadMediaAsync(photo, Ct)).Bytes);
        Assert.Equal(status.Id, Assert.Single((await mei.Client.GetStatusBoardAsync(Ct)).Mine!.Statuses).Id);

        foreach (var outsider in new[] { chatOnly, blocked, stranger })
        {
            Assert.Empty((await outsider.Client.GetStatusBoardAsync(Ct)).Friends);
            var error = await Assert.ThrowsAsync<HutongApiException>(() => outsider.Client.GetStatusAsync(status.Id, Ct));
            Assert.Equal((404, ErrorCodes.StatusNotFound), (error.Status, error.Code));
            Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => outsider.Client.DownloadMediaAsync(photo, Ct))).Status);
        }
    }

    [Theory, ProviderData]
    public async Task Seeing_ClearsTheRingForMeAlone_AndReactionsReachOnlyTheAuthor(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await MomentsTests.FriendsAsync(app);
        var jun = await TestUser.CreateAsync(app, "jun");
        await mei.BefriendAsync(jun);
        await using var meisPhone = await app.ConnectAsync(mei.Client);
        var first = await mei.Client.PostStatusAsync(new PostStatusRequest("a", "First"), Ct);
        var second = await mei.Client.PostStatusAsync(new PostStatusRequest("b", "Second"), Ct);

        await lin.Client.MarkStatusSeenAsync(first.Id, Ct);
        Assert.False((await lin.Client.GetStatusBoardAsync(Ct)).Friends[0].AllSeen);
        await lin.Client.MarkStatusSeenAsync(second.Id, Ct);
        await lin.Client.MarkStatusSeenAsync(second.Id, Ct);
        Assert.True((await lin.Client.GetStatusBoardAsync(Ct)).Friends[0].AllSeen);
        Assert.False((await jun.Client.GetStatusBoardAsync(Ct)).Friends[0].AllSeen);

        await lin.Client.ReactToStatusAsync(first.Id, "👍", Ct);
        var heard = await meisPhone.NextEventAsync<StatusReactionEvent>();
        Assert.Equal((first.Id, lin.UserId, "👍"), (heard.StatusId, heard.Reaction.UserId, heard.Reaction.Reaction));
        await lin.Client.ReactToStatusAsync(first.Id, "❤️", Ct);
        await meisPhone.NextEventAsync<StatusReactionEvent>();

        Assert.Equal([(lin.UserId, "❤️")], (await mei.Client.GetStatusAsync(first.Id, Ct)).Reactions!.Select(r => (r.UserId, r.Reaction)));
        Assert.Null((await lin.Client.GetStatusAsync(first.Id, Ct)).Reactions);
        Assert.Null((await jun.Client.GetStatusAsync(first.Id, Ct)).Reactions);
        Assert.DoesNotContain((await jun.Client.GetEventsAsync(cancellationToken: Ct)).Events, e => e is StatusReactionEvent);
        Assert.DoesNotContain((await lin.Client.GetEventsAsync(cancellationToken: Ct)).Events, e => e is StatusReactionEvent);

        var own = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.ReactToStatusAsync(first.Id, "👍", Ct));
        Assert.Equal(403, own.Status);
        var blank = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.ReactToStatusAsync(first.Id, "  ", Ct));
        Assert.Equal(400, blank.Status);
    }

    [Theory, ProviderData]
    public async Task AStatus_IsGoneAfterADay_AtOnceOnRead_AndTheSweepRemovesItsMedia(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var (mei, lin) = await MomentsTests.FriendsAsync(app);
        var photo = (await mei.Client.UploadMediaAsync(new MemoryStream(Png), "now.png", Ct)).MediaId;
        var status = await mei.Client.PostStatusAsync(new PostStatusRequest("s", null, photo), Ct);
        clock.Advance(TimeSpan.FromHours(23));
        var later = await mei.Client.PostStatusAsync(new PostStatusRequest("t", "An hour before the first goes"), Ct);
        Assert.Equal(2, (await lin.Client.GetStatusBoardAsync(Ct)).Friends[0].Statuses.Count);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([later.Id], (await lin.Client.GetStatusBoardAsync(Ct)).Friends[0].Statuses.Select(s => s.Id));
        Assert.Equal([later.Id], (await mei.Client.GetStatusBoardAsync(Ct)).Mine!.Statuses.Select(s => s.Id));
        Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.GetStatusAsync(status.Id, Ct))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.DownloadMediaAsync(photo, Ct))).Status);

        // The node's own sweep may have woken with the clock and be halfway through this status: then this sweep finds
        // nothing to do, and the media goes when that one finishes.
        await app.Services.GetRequiredService<SocialSweeper>().SweepAsync(Ct);
        await Eventually.ThatAsync(async c => await GoneAsync(() => mei.Client.DownloadMediaAsync(photo, c)), "the expired status's photo removed");
        Assert.Equal([later.Id], (await mei.Client.GetStatusBoardAsync(Ct)).Mine!.Statuses.Select(s => s.Id));
    }

    [Theory, ProviderData]
    public async Task BadStatuses_GetProblems_AndStoreNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var (mei, lin) = await MomentsTests.FriendsAsync(app);
        var linsPhoto = (await lin.Client.UploadMediaAsync(new MemoryStream(Png), "lin.png", Ct)).MediaId;
        var bad = new (PostStatusRequest Request, string Field)[]
        {
            (new PostStatusRequest("a"), "text"),
            (new PostStatusRequest("b", new string('字', 501)), "text"),
            (new PostStatusRequest("c", "Not mine", linsPhoto), "mediaId"),
            (new PostStatusRequest("d", "Mood", Mood: string.Concat(Enumerable.Repeat("🙂", 40))), "mood"),
            (new PostStatusRequest("", "No id"), "clientId"),
        };

        foreach (var (request, field) in bad)
        {
            var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PostStatusAsync(request, Ct));
            Assert.Equal((400, ErrorCodes.ValidationFailed), (error.Status, error.Code));
            Assert.Contains(field, error.Problem!.Errors!.Keys);
        }

        Assert.Null((await mei.Client.GetStatusBoardAsync(Ct)).Mine);
        var once = await mei.Client.PostStatusAsync(new PostStatusRequest("same", "Once"), Ct);
        Assert.Equal(once.Id, (await mei.Client.PostStatusAsync(new PostStatusRequest("same", "Twice"), Ct)).Id);
        await mei.Client.DeleteStatusAsync(once.Id, Ct);
        Assert.Null((await mei.Client.GetStatusBoardAsync(Ct)).Mine);
        Assert.Equal(404, (await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.DeleteStatusAsync(once.Id, Ct))).Status);
    }

    /// <summary>Whether the call answers 404 (and not anything else that fails).</summary>
    private static async Task<bool> GoneAsync(Func<Task> call)
    {
        try
        {
            await call();
            return false;
        }
        catch (HutongApiException e) when (e.Status == 404)
        {
            return true;
        }
    }
}
