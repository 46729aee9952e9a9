using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Wallet.Tests;

/// <summary>Money between friends: held until accepted, back on decline or after 24 hours, never twice.</summary>
public sealed class TransferTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ATransfer_IsHeldUntilAccepted_ThenItMovesOnce(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var (mei, lin) = await FriendsWithMoneyAsync(app);

        var sent = await mei.Client.SendTransferAsync(new SendTransferRequest("tea", lin.UserId, 3_000, "for the tea", "271828"), Ct);
        var held = await mei.Client.GetWalletAsync(Ct);
        var accepted = await lin.Client.AcceptTransferAsync(sent.Id, Ct);
        var again = await lin.Client.AcceptTransferAsync(sent.Id, Ct);
        var declineAfter = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.DeclineTransferAsync(sent.Id, Ct));

        Assert.Equal((TransferStates.Pending, "tea"), (sent.State, sent.TransferId));
        Assert.Null(accepted.TransferId);
        Assert.Equal((10_000L, 7_000L), (held.Balance, held.Available));
        Assert.Equal(TransferStates.Accepted, accepted.State);
        Assert.Equal(accepted, again);
        Assert.Equal((409, ErrorCodes.TransferNotPending), (declineAfter.Status, declineAfter.Code));
        Assert.Equal(7_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(3_000, (await lin.Client.GetWalletAsync(Ct)).Balance);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);

        // Both see it in their chat: the transfer, then its outcome, once each.
        var chat = await lin.Client.OpenDirectAsync(mei.UserId, Ct);
        var messages = (await mei.Client.GetMessagesAsync(chat.ConversationId, cancellationToken: Ct)).Messages;
        var transfer = Assert.Single(messages, m => m.Content is TransferContent);
        var outcome = Assert.Single(messages, m => m.Notice()?.Type == NoticeTypes.TransferAccepted);
        Assert.Equal((mei.UserId, new TransferContent(sent.Id, 3_000, "for the tea")), (transfer.SenderId, transfer.Content));
        Assert.Equal((lin.UserId, sent.Id), (outcome.Notice()!.ActorId, outcome.Notice()!.Text));
        Assert.True(outcome.Seq > transfer.Seq);
        Assert.Equal(
            [(WalletEntryKinds.Transfer, -3_000L), (WalletEntryKinds.TopUp, 10_000L)],
            (await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries.Select(e => (e.Kind, e.Amount)));
        Assert.Equal([(WalletEntryKinds.Transfer, 3_000L)], (await lin.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries.Select(e => (e.Kind, e.Amount)));
        var recall = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.RecallAsync(chat.ConversationId, transfer.Seq, Ct));
        Assert.Equal((403, ErrorCodes.NotAllowed), (recall.Status, recall.Code));
    }

    [Theory, ProviderData]
    public async Task ADeclinedTransfer_GoesBack_AndOnlyTheReceiverAnswers(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var (mei, lin) = await FriendsWithMoneyAsync(app);
        var sent = await mei.Client.SendTransferAsync(new SendTransferRequest("no", lin.UserId, 2_500, null, "271828"), Ct);

        var bySender = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.AcceptTransferAsync(sent.Id, Ct));
        var declined = await lin.Client.DeclineTransferAsync(sent.Id, Ct);

        Assert.Equal((404, ErrorCodes.TransferNotFound), (bySender.Status, bySender.Code));
        Assert.Equal(TransferStates.Declined, declined.State);
        var wallet = await mei.Client.GetWalletAsync(Ct);
        Assert.Equal((10_000L, 10_000L), (wallet.Balance, wallet.Available));
        Assert.Equal(0, (await lin.Client.GetWalletAsync(Ct)).Balance);

        // Money that was only held and came back leaves no line in either history.
        Assert.Equal([(WalletEntryKinds.TopUp, 10_000L)], (await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries.Select(e => (e.Kind, e.Amount)));
        Assert.Empty((await lin.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries);
    }

    [Fact]
    public async Task AnUnansweredTransfer_ReturnsAfter24Hours_ThroughTheSweeper()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, clock: clock, cancellationToken: Ct);
        var (mei, lin) = await FriendsWithMoneyAsync(app);
        var sent = await mei.Client.SendTransferAsync(new SendTransferRequest("late", lin.UserId, 4_000, null, "271828"), Ct);

        // The node's own sweeper wakes on the same clock; whichever sweep gets there, the outcome is the same.
        clock.Advance(TimeSpan.FromHours(23));
        await SweepAsync(app);
        Assert.Equal(TransferStates.Pending, (await mei.Client.GetTransferAsync(sent.Id, Ct)).State);
        clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync(app);
        var tooLate = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.AcceptTransferAsync(sent.Id, Ct));

        Assert.Equal(ErrorCodes.TransferNotPending, tooLate.Code);
        Assert.Equal(TransferStates.Expired, (await mei.Client.GetTransferAsync(sent.Id, Ct)).State);
        var wallet = await mei.Client.GetWalletAsync(Ct);
        Assert.Equal((10_000L, 10_000L), (wallet.Balance, wallet.Available));
        Assert.Equal(0, await SweepAsync(app));
        // Whichever sweep voided the hold tells the chat; the node's own may still be telling it.
        var returned = Assert.Single(await NoticesAsync(lin, mei));
        Assert.Equal((NoticeTypes.TransferExpired, mei.UserId, sent.Id), (returned.Notice()!.Type, returned.Notice()!.ActorId, returned.Notice()!.Text));
    }

    [Theory, ProviderData]
    public async Task AcceptDeclineAndExpiry_Racing_MoveTheMoneyExactlyOnce(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var (mei, lin) = await FriendsWithMoneyAsync(app);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await mei.Client.SendTransferAsync(new SendTransferRequest($"r{i}", lin.UserId, 500, null, "271828"), Ct)).Id);
        }

        clock.Advance(TimeSpan.FromHours(24));
        var racers = Enumerable.Range(0, 10).SelectMany(i => new Func<Task>[]
        {
            () => Quietly(lin.Client.AcceptTransferAsync(ids[i], Ct)),
            () => Quietly(lin.Client.DeclineTransferAsync(ids[i], Ct)),
            () => SweepAsync(app),
        }).Select(run => Task.Run(run, Ct));
        await Task.WhenAll(racers);
        await SweepAsync(app);

        var states = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            states.Add((await mei.Client.GetTransferAsync(ids[i], Ct)).State);
        }

        var meiWallet = await mei.Client.GetWalletAsync(Ct);
        var linWallet = await lin.Client.GetWalletAsync(Ct);
        Assert.All(states, s => Assert.Equal(TransferStates.Expired, s));
        Assert.Equal((10_000L, 10_000L), (meiWallet.Balance, meiWallet.Available));
        Assert.Equal(0, linWallet.Balance);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);

        // Every racer that found the money moved told the chat; it shows each outcome once.
        var told = await NoticesAsync(lin, mei, 10);
        Assert.Equal(ids.Order(), told.Select(n => n.Notice()!.Text!).Order());
    }

    [Fact]
    public async Task AnOutcomeMovedByANodeThatStoppedBeforeTellingTheChat_IsToldOnceByTheNextSweeps()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var (mei, lin) = await FriendsWithMoneyAsync(app);
        var sent = await mei.Client.SendTransferAsync(new SendTransferRequest("half", lin.UserId, 4_000, null, "271828"), Ct);

        // What a node leaves when it stops after Lin's decline moved the money back, before it told the chat.
        var transfers = app.Services.GetRequiredService<ITransferStore>();
        var row = (await transfers.FindAsync(Guid.Parse(sent.Id), Ct))!;
        await transfers.ResolveAsync(row.Id, TransferStates.Declined, Ct);
        var voided = await app.Services.GetRequiredService<LedgerWriter>().ApplyAsync(TransferService.SettleStep(row with { State = TransferStates.Declined }));
        await Task.WhenAll(SweepAsync(app), SweepAsync(app));

        var told = await NoticesAsync(lin, mei);
        Assert.Equal(TransferResult.Created, voided.Result);
        Assert.Equal((NoticeTypes.TransferDeclined, lin.UserId, sent.Id), (Assert.Single(told).Notice()!.Type, told[0].Notice()!.ActorId, told[0].Notice()!.Text));
        Assert.Equal(0, await SweepAsync(app));
        Assert.Equal(TransferStates.Declined, (await mei.Client.GetTransferAsync(sent.Id, Ct)).State);
        Assert.Equal((10_000L, 10_000L), ((await mei.Client.GetWalletAsync(Ct)).Balance, (await mei.Client.GetWalletAsync(Ct)).Available));
    }

    [Fact]
    public async Task BadTransfers_Are4xxAndMoveNothing()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var (mei, lin) = await FriendsWithMoneyAsync(app);
        var stranger = await TestUser.CreateAsync(app, "stranger");

        var codes = new List<(int, string?)>();
        foreach (var request in new[]
        {
            new SendTransferRequest("a", lin.UserId, 0, null, "271828"),
            new SendTransferRequest("b", lin.UserId, -5, null, "271828"),
            new SendTransferRequest("c", mei.UserId, 100, null, "271828"),
            new SendTransferRequest("d", stranger.UserId, 100, null, "271828"),
            new SendTransferRequest("e", lin.UserId, 100, null, "000000"),
            new SendTransferRequest("f", lin.UserId, 10_001, null, "271828"),
        })
        {
            var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendTransferAsync(request, Ct));
            codes.Add((error.Status, error.Code));
        }

        Assert.Equal(
        [
            (400, ErrorCodes.ValidationFailed), (400, ErrorCodes.ValidationFailed), (400, ErrorCodes.ValidationFailed),
            (403, ErrorCodes.NotFriends), (403, ErrorCodes.WrongPin), (409, ErrorCodes.InsufficientFunds),
        ], codes);
        var wallet = await mei.Client.GetWalletAsync(Ct);
        Assert.Equal((10_000L, 10_000L), (wallet.Balance, wallet.Available));
        await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.GetTransferAsync("f", Ct));
        var notAnId = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.GetTransferAsync("f", Ct));
        Assert.Equal((404, ErrorCodes.TransferNotFound), (notAnId.Status, notAnId.Code));
    }

    private static async Task<(TestUser Mei, TestUser Lin)> FriendsWithMoneyAsync(HutongApp app)
    {
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        await mei.Client.TopUpAsync("start", 10_000, Ct);
        await mei.Client.SetPinAsync("271828", cancellationToken: Ct);
        return (mei, lin);
    }

    /// <summary>The notices in the pair's chat, once there are at least <paramref name="expected"/>.</summary>
    private static async Task<List<MessageInfo>> NoticesAsync(TestUser person, TestUser other, int expected = 1)
    {
        var chat = await person.Client.OpenDirectAsync(other.UserId, Ct);
        return await Eventually.ValueAsync(
            async ct => (await person.Client.GetMessagesAsync(chat.ConversationId, cancellationToken: ct)).Messages.Where(m => m.Content is NoticeContent).ToList(),
            notices => notices.Count >= expected,
            $"{expected} notices in the chat");
    }

    private static async Task<int> SweepAsync(HutongApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TransferService>().SweepAsync(Ct);
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (HutongApiException)
        {
            // Losing the race is an answer too.
        }
    }
}
