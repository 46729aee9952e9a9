using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Chat.Messages.Content;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Core;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        var away = new SendMessageRequest("sent-while-away", new TextContent("are you there?"));
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
        Assert.Equal(["before"], storedMeanwhile.Select(m => m.Text()));
        Assert.Equal([1L, 2L, 2L, 3L], [before.Seq, resent.Seq, resentAgain.Seq, after.Seq]);
        Assert.Equal(resent, resentAgain);
        var history = await ChatTestKit.AllMessagesAsync(lin, id);
        Assert.Equal([(1L, "before"), (2L, "are you there?"), (3L, "after")], history.Select(m => (m.Seq, m.Text())));
        Assert.Equal(history, await ChatTestKit.AllMessagesAsync(mei, id));
        // Live, Lin's phone hears each message once and in order; nothing of the failed attempts reached it.
        Assert.Equal(history, [await linPhone.NextMessageAsync(), await linPhone.NextMessageAsync(), await linPhone.NextMessageAsync()]);
    }

    [Theory, ProviderData]
    public async Task Send_QueuedBehindOneWhoseWriteFails_FailsToo_SoNoSeqIsSkipped(StorageProvider provider)
    {
        FailingMessageStore? store = null;
        await using var app = await HutongApp.StartAsync(
            provider, services: s => s.Decorate<IMessageStore>(inner => store = new FailingMessageStore(inner)), cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        Assert.True(Ids.TryParse(id, out var conversationId));
        Assert.True(Ids.TryParse(lin.UserId, out var linId));
        var conversation = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IConversationGrain>(conversationId);
        var fromMei = new SendMessageRequest("mei-2", new TextContent("from Mei"));
        var fromLin = new SendMessageRequest("lin-3", new TextContent("from Lin"));
        await mei.Client.SendTextAsync(id, "before", Ct);

        // Mei's message (seq 2) is in a transaction that hangs; Lin's (seq 3) is handed to the writer behind it.
        var held = store!.HoldNextWriteAsync();
        var meiSending = mei.Client.SendMessageAsync(id, fromMei, Ct);
        var heldWrite = await held.WaitAsync(GatewayKit.Patience, Ct);
        var linSending = conversation.SendAsync(ChatService.ToCommand(linId, fromLin, app.Services.GetRequiredService<IOptions<ChatOptions>>().Value, app.Services.GetRequiredService<ContentHandlers>()).Value);
        // An activation takes calls in the order they come, and a send takes its seq and queues its write in its first
        // turn: once this call is answered, Lin's write is queued.
        await conversation.FindMembershipAsync(linId).WaitAsync(GatewayKit.Patience, Ct);
        store.FailHeldWrite();
        var meiRefused = await Assert.ThrowsAsync<HutongApiException>(() => meiSending);
        var linRefused = await linSending.WaitAsync(GatewayKit.Patience, Ct);
        var storedMeanwhile = await ChatTestKit.AllMessagesAsync(lin, id);
        var meiResent = await mei.Client.SendMessageAsync(id, fromMei, Ct);
        var linResent = await lin.Client.SendMessageAsync(id, fromLin, Ct);

        Assert.Equal(2, Assert.IsType<AppendMessage>(Assert.Single(Assert.Single(heldWrite))).Message.Seq);
        Assert.Equal((503, ErrorCodes.StorageUnavailable), (meiRefused.Status, meiRefused.Code));
        Assert.Equal(ErrorCodes.StorageUnavailable, linRefused.IsSuccess ? $"stored at seq {linRefused.Value.Seq}" : linRefused.Error.Code);
        Assert.Equal(["before"], storedMeanwhile.Select(m => m.Text()));
        Assert.Equal((2L, 3L), (meiResent.Seq, linResent.Seq));
        var history = await ChatTestKit.AllMessagesAsync(mei, id);
        Assert.Equal([(1L, "before"), (2L, "from Mei"), (3L, "from Lin")], history.Select(m => (m.Seq, m.Text())));
        Assert.Equal(history, await ChatTestKit.AllMessagesAsync(lin, id));
    }
}
