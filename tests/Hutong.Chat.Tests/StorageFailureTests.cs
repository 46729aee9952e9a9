using Hutong.Client;
using Hutong.Chat.Messages;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

/// <summary>A conversation while the database is away: a send says so and leaves nothing, and the resend after is the message.</summary>
public sealed class StorageFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Send_WhileTheStoreFails_Is503AndStoresNothing_ThenTheResendIsStoredOnceWithoutAGap(StorageProvider provider)
    {
        FailingMessageStore? store = null;
        await using var app = await HutongApp.StartAsync(
            provider, services: s => s.Decorate<IMessageStore>(inner => store = new FailingMessageStore(inner)), cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await using var linPhone = await app.ConnectAsync(lin.Client);
        var away = new SendMessageRequest("sent-while-away", MessageKinds.Text, "are you there?", null, null, null);
        var before = await mei.Client.SendTextAsync(id, "before", Ct);

        store!.Failing = true;
        var refused = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, away, Ct));
        var refusedAgain = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendMessageAsync(id, away, Ct));
        var storedMeanwhile = await ChatTestKit.AllMessagesAsync(lin, id);
        store.Failing = false;
        var resent = await mei.Client.SendMessageAsync(id, away, Ct);
        var resentAgain = await mei.Client.SendMessageAsync(id, away, Ct);
        var after = await mei.Client.SendTextAsync(id, "after", Ct);

        Assert.Equal((503, ErrorCodes.StorageUnavailable), (refused.Status, refused.Code));
        Assert.Equal((503, ErrorCodes.StorageUnavailable), (refusedAgain.Status, refusedAgain.Code));
        Assert.InRange(store.Refused, 2, int.MaxValue);
        Assert.Equal(["before"], storedMeanwhile.Select(m => m.Text));
        Assert.Equal([1L, 2L, 2L, 3L], [before.Seq, resent.Seq, resentAgain.Seq, after.Seq]);
        Assert.Equal(resent, resentAgain);
        var history = await ChatTestKit.AllMessagesAsync(lin, id);
        Assert.Equal([(1L, "before"), (2L, "are you there?"), (3L, "after")], history.Select(m => (m.Seq, m.Text)));
        Assert.Equal(history, await ChatTestKit.AllMessagesAsync(mei, id));
        // Live, Lin's phone hears each message once and in order; nothing of the failed attempts reached it.
        Assert.Equal(history, [await linPhone.NextMessageAsync(), await linPhone.NextMessageAsync(), await linPhone.NextMessageAsync()]);
    }
}
