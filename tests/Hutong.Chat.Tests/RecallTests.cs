using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Chat.Tests;

public sealed class RecallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Recall_WithinTwoMinutes_LeavesATombstoneEveryoneSees_AndANoticeThatSyncs(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var sent = await mei.Client.SendTextAsync(id, "wrong chat, sorry", Ct);

        clock.Advance(TimeSpan.FromMinutes(2));
        await mei.Client.RecallAsync(id, sent.Seq, Ct);

        var seenByLin = await ChatTestKit.AllMessagesAsync(lin, id);
        var tombstone = seenByLin[0];
        Assert.True(tombstone.Recalled);
        Assert.Null(tombstone.Content);
        var notice = seenByLin[1];
        var recalled = Assert.IsType<NoticeContent>(notice.Content);
        Assert.Equal((NoticeTypes.Recalled, sent.Seq, mei.UserId), (recalled.Type, recalled.TargetSeq, recalled.ActorId));
        // A device that held the message syncs the notice after its last seq and learns to drop it.
        var after = await lin.Client.GetMessagesAsync(id, afterSeq: sent.Seq, cancellationToken: Ct);
        Assert.Equal(sent.Seq, Assert.Single(after.Messages).Notice()!.TargetSeq);
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task Recall_AfterTwoMinutes_Is409AndTheMessageStays(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var sent = await mei.Client.SendTextAsync(id, "too late to take back", Ct);

        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RecallAsync(id, sent.Seq, Ct));

        Assert.Equal((409, ErrorCodes.RecallWindowPassed), (error.Status, error.Code));
        var message = Assert.Single(await ChatTestKit.AllMessagesAsync(lin, id));
        Assert.Equal(("too late to take back", false), (message.Text(), message.Recalled));
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task Recall_SomeoneElsesOrTwiceOrMissing_IsRefused(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        var sent = await mei.Client.SendTextAsync(id, "mine", Ct);

        var notMine = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.RecallAsync(id, sent.Seq, Ct));
        await mei.Client.RecallAsync(id, sent.Seq, Ct);
        var twice = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RecallAsync(id, sent.Seq, Ct));
        var notice = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RecallAsync(id, sent.Seq + 1, Ct));
        var missing = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RecallAsync(id, 999, Ct));

        Assert.Equal((403, ErrorCodes.NotYourMessage), (notMine.Status, notMine.Code));
        Assert.Equal((409, ErrorCodes.AlreadyRecalled), (twice.Status, twice.Code));
        Assert.Equal(ErrorCodes.NotYourMessage, notice.Code);
        Assert.Equal((404, ErrorCodes.MessageNotFound), (missing.Status, missing.Code));
        Assert.Equal(2, (await ChatTestKit.AllMessagesAsync(lin, id)).Count);
        app.Storage.Dispose();
    }
}
