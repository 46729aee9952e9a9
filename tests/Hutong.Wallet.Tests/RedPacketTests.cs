using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.RedPackets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Wallet.Tests;

/// <summary>Red packets through the real server: in the chat as a message, opened once each, back to the sender when due.</summary>
public sealed class RedPacketTests
{
    private const string Pin = "271828";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ALuckyPacket_InAGroup_IsAMessage_OpenedOnceEach_WithBestLuck(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var (mei, friends, groupId) = await GroupWithMoneyAsync(app, 3);

        var sent = await mei.Client.SendRedPacketAsync(new SendRedPacketRequest("new-year", groupId, RedPacketKinds.Lucky, 1_000, 3, "Happy new year", Pin), Ct);
        var retried = await mei.Client.SendRedPacketAsync(new SendRedPacketRequest("new-year", groupId, RedPacketKinds.Lucky, 1_000, 3, "Happy new year", Pin), Ct);
        var message = (await friends[0].Client.GetMessagesAsync(groupId, cancellationToken: Ct)).Messages.Single(m => m.Content is RedPacketContent);
        var seenByOther = await friends[0].Client.GetRedPacketAsync(sent.Id, Ct);

        var opens = new List<RedPacketOpened>();
        foreach (var person in new[] { friends[0], friends[1], mei })
        {
            opens.Add(await person.Client.OpenRedPacketAsync(sent.Id, Ct));
        }

        var twice = await Assert.ThrowsAsync<HutongApiException>(() => friends[0].Client.OpenRedPacketAsync(sent.Id, Ct));
        var late = await Assert.ThrowsAsync<HutongApiException>(() => friends[2].Client.OpenRedPacketAsync(sent.Id, Ct));
        var details = await friends[1].Client.GetRedPacketAsync(sent.Id, Ct);

        Assert.Equal(sent.Id, retried.Id);
        // The packet by its id and greeting: its amount stays off the message.
        Assert.Equal(new RedPacketContent(sent.Id, "Happy new year"), message.Content);
        Assert.Equal((RedPacketStates.Active, 3, (long?)null, (string?)null), (seenByOther.State, seenByOther.RemainingCount, seenByOther.TotalAmount, seenByOther.PacketId));
        Assert.Equal(1_000, opens.Sum(o => o.Amount));
        Assert.All(opens, o => Assert.InRange(o.Amount, 1, 1_000));
        Assert.Equal((409, ErrorCodes.AlreadyOpened), (twice.Status, twice.Code));
        Assert.Equal((409, ErrorCodes.PacketEmpty), (late.Status, late.Code));
        Assert.Equal((RedPacketStates.Finished, 0, (long?)1_000), (details.State, details.RemainingCount, details.TotalAmount));
        Assert.Equal(opens.Max(o => o.Amount), Assert.Single(details.Opens, o => o.BestLuck).Amount);
        Assert.Equal(opens[1].Amount, details.MyAmount);
        Assert.Equal(10_000 - 1_000 + opens[2].Amount, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(opens[0].Amount, (await friends[0].Client.GetWalletAsync(Ct)).Balance);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);

        // Only the sender hears who opened it, and not of their own open; the notices follow the opens, not with them.
        var heard = await EventsAsync<RedPacketOpenedEvent>(mei, 2);
        Assert.Equal([friends[0].UserId, friends[1].UserId], heard.Select(e => e.UserId).Order());
        Assert.All(heard, e => Assert.Equal((groupId, message.Seq), (e.ConversationId, e.MessageSeq)));
        Assert.DoesNotContain((await friends[0].Client.GetEventsAsync(cancellationToken: Ct)).Events, e => e is RedPacketOpenedEvent);
    }

    [Fact]
    public async Task AnEqualPacket_InADirectChat_IsForTheOtherPerson()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var (mei, friends, _) = await GroupWithMoneyAsync(app, 1);
        var lin = friends[0];
        var direct = await mei.Client.OpenDirectAsync(lin.UserId, Ct);

        var twoShares = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.SendRedPacketAsync(new SendRedPacketRequest("two", direct.ConversationId, RedPacketKinds.Equal, 200, 2, null, Pin), Ct));
        var sent = await mei.Client.SendRedPacketAsync(new SendRedPacketRequest("one", direct.ConversationId, RedPacketKinds.Equal, 888, 1, null, Pin), Ct);
        var bySender = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.OpenRedPacketAsync(sent.Id, Ct));
        var opened = await lin.Client.OpenRedPacketAsync(sent.Id, Ct);

        Assert.Equal((400, "count"), (twoShares.Status, Assert.Single(twoShares.Problem!.Errors!.Keys)));
        Assert.Equal((403, ErrorCodes.NotAllowed), (bySender.Status, bySender.Code));
        Assert.Equal(888, opened.Amount);
        Assert.DoesNotContain(opened.Packet.Opens, o => o.BestLuck);
        Assert.Equal(888, (await lin.Client.GetWalletAsync(Ct)).Balance);
    }

    [Fact]
    public async Task NonMembers_CannotSeeOrOpen_AndBadPackets_MoveNothing()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var (mei, friends, groupId) = await GroupWithMoneyAsync(app, 2);
        var stranger = await TestUser.CreateAsync(app, "stranger");
        var sent = await mei.Client.SendRedPacketAsync(new SendRedPacketRequest("p", groupId, RedPacketKinds.Lucky, 300, 3, null, Pin), Ct);

        var seen = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.GetRedPacketAsync(sent.Id, Ct));
        var opened = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.OpenRedPacketAsync(sent.Id, Ct));
        var garbage = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.OpenRedPacketAsync("not-an-id", Ct));
        var intoStrangers = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.SendRedPacketAsync(
            new SendRedPacketRequest("x", groupId, RedPacketKinds.Lucky, 300, 3, null, Pin), Ct));
        Assert.Equal((404, ErrorCodes.PacketNotFound), (seen.Status, seen.Code));
        Assert.Equal((404, ErrorCodes.PacketNotFound), (opened.Status, opened.Code));
        Assert.Equal((404, ErrorCodes.PacketNotFound), (garbage.Status, garbage.Code));
        Assert.Equal((404, ErrorCodes.ConversationNotFound), (intoStrangers.Status, intoStrangers.Code));

        var codes = new List<(int, string?)>();
        foreach (var request in new[]
        {
            new SendRedPacketRequest("a", groupId, RedPacketKinds.Lucky, 0, 1, null, Pin),
            new SendRedPacketRequest("b", groupId, RedPacketKinds.Lucky, -100, 1, null, Pin),
            new SendRedPacketRequest("c", groupId, RedPacketKinds.Lucky, 20_001, 1, null, Pin),
            new SendRedPacketRequest("d", groupId, RedPacketKinds.Lucky, 2, 3, null, Pin),
            new SendRedPacketRequest("e", groupId, RedPacketKinds.Equal, 100, 3, null, Pin),
            new SendRedPacketRequest("f", groupId, "golden", 100, 1, null, Pin),
            new SendRedPacketRequest("g", groupId, RedPacketKinds.Lucky, 400, 4, null, Pin),
            new SendRedPacketRequest("h", groupId, RedPacketKinds.Lucky, 100, 1, new string('福', 31), Pin),
            new SendRedPacketRequest("i", groupId, RedPacketKinds.Lucky, 100, 1, null, "000000"),
            new SendRedPacketRequest("j", groupId, RedPacketKinds.Equal, 19_800, 1, null, Pin),
        })
        {
            var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendRedPacketAsync(request, Ct));
            codes.Add((error.Status, error.Code));
        }

        Assert.Equal([.. Enumerable.Repeat((400, (string?)ErrorCodes.ValidationFailed), 8), (403, ErrorCodes.WrongPin), (409, ErrorCodes.InsufficientFunds)], codes);
        Assert.Equal(10_000 - 300, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Single((await mei.Client.GetMessagesAsync(groupId, cancellationToken: Ct)).Messages, m => m.Content is RedPacketContent);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task WhatIsNotOpened_GoesBackAfter24Hours_AndLateOpenersAreTold(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var (mei, friends, groupId) = await GroupWithMoneyAsync(app, 2);
        var sent = await mei.Client.SendRedPacketAsync(new SendRedPacketRequest("p", groupId, RedPacketKinds.Equal, 600, 3, null, Pin), Ct);
        await friends[0].Client.OpenRedPacketAsync(sent.Id, Ct);

        clock.Advance(TimeSpan.FromHours(24));
        var late = await Assert.ThrowsAsync<HutongApiException>(() => friends[1].Client.OpenRedPacketAsync(sent.Id, Ct));
        await SweepAsync(app);
        await SweepAsync(app);

        Assert.Equal((409, ErrorCodes.PacketExpired), (late.Status, late.Code));
        Assert.Equal(10_000 - 200, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(RedPacketStates.Expired, (await friends[1].Client.GetRedPacketAsync(sent.Id, Ct)).State);
        Assert.Equal(0, await SweepAsync(app));
        var returned = Assert.Single(await EventsAsync<RedPacketReturnedEvent>(mei, 1));
        Assert.Equal(400, returned.Amount);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);
    }

    [Fact]
    public async Task ExpiriesAtOnce_ReturnTheRestOnce_AndTellTheSenderOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        HeldEscrowReads store = null!;
        await using var app = await HutongApp.StartAsync(
            StorageProvider.Sqlite, clock: clock, services: s => s.Decorate<ILedgerStore>(inner => store = new HeldEscrowReads(inner)), cancellationToken: Ct);
        var (mei, friends, groupId) = await GroupWithMoneyAsync(app, 2);
        var first = await mei.Client.SendRedPacketAsync(new SendRedPacketRequest("first", groupId, RedPacketKinds.Equal, 600, 3, null, Pin), Ct);
        await friends[0].Client.OpenRedPacketAsync(first.Id, Ct);
        clock.Advance(TimeSpan.FromHours(1));
        var second = await mei.Client.SendRedPacketAsync(new SendRedPacketRequest("second", groupId, RedPacketKinds.Equal, 300, 3, null, Pin), Ct);

        // The node's own sweep, the test's and a sweep on another node can ask the one packet to expire at once. The
        // first expiry is held where it reads the escrow until the others have surely arrived at the grain (a later
        // call to it has been answered).
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var packet = grains.GetGrain<IRedPacketGrain>(Guid.Parse(first.Id));
        store.Held = Guid.Parse(first.Id);
        clock.Advance(TimeSpan.FromHours(23));
        var expiries = Enumerable.Range(0, 3).Select(_ => packet.ExpireAsync(now: false)).ToList();
        await Eventually.ThatAsync(() => store.Reads > 0, "an expiry reads the escrow");
        await packet.ViewAsync(Guid.Parse(mei.UserId));
        store.Release.SetResult();
        await Task.WhenAll(expiries);
        clock.Advance(TimeSpan.FromHours(1));
        await grains.GetGrain<IRedPacketGrain>(Guid.Parse(second.Id)).ExpireAsync(now: false);

        // The second packet's return comes after any the first could have caused.
        var returned = await EventsAsync<RedPacketReturnedEvent>(mei, 2);
        Assert.Equal([400, 300], returned.Select(r => r.Amount));
        Assert.Equal(10_000 - 200, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);
    }

    [Fact]
    public async Task TheSender_HearsOfAnOpenAtOnce_AndOfTheOpensWithinASecondAfterIt_Together()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, clock: clock, cancellationToken: Ct);
        var (mei, friends, groupId) = await GroupWithMoneyAsync(app, 4);
        var sent = await mei.Client.SendRedPacketAsync(new SendRedPacketRequest("p", groupId, RedPacketKinds.Equal, 400, 4, null, Pin), Ct);

        await friends[0].Client.OpenRedPacketAsync(sent.Id, Ct);
        var first = await EventsAsync<RedPacketOpenedEvent>(mei, 1);
        await friends[1].Client.OpenRedPacketAsync(sent.Id, Ct);
        await friends[2].Client.OpenRedPacketAsync(sent.Id, Ct);
        // A notice those opens sent at once would be in Mei's log before her next event: wait for that one, then look.
        await mei.Client.UpdateConversationSettingsAsync(groupId, new ConversationSettingsRequest(null, true), Ct);
        var withinTheGap = (await mei.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<RedPacketOpenedEvent>().ToList();
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterTheGap = await EventsAsync<RedPacketOpenedEvent>(mei, 2);
        clock.Advance(TimeSpan.FromSeconds(5));
        await friends[3].Client.OpenRedPacketAsync(sent.Id, Ct);
        var alone = await EventsAsync<RedPacketOpenedEvent>(mei, 3);

        Assert.Equal((friends[0].UserId, 1), (Assert.Single(first).UserId, first[0].Count));
        Assert.Single(withinTheGap);
        Assert.Equal((friends[2].UserId, 2), (afterTheGap[1].UserId, afterTheGap[1].Count));
        Assert.Equal((friends[3].UserId, 1), (alone[2].UserId, alone[2].Count));
    }

    [Fact]
    public async Task APacketLookedAtTheMomentItsMessageArrives_StillTellsItsSenderWhichMessageWasOpened()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var (mei, friends, groupId) = await GroupWithMoneyAsync(app, 1);
        var lin = friends[0];
        var seqs = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            // Lin's device fetches the packet as soon as its message shows, while Mei's send may still be finishing.
            var sending = mei.Client.SendRedPacketAsync(new SendRedPacketRequest($"quick{i}", groupId, RedPacketKinds.Equal, 100, 1, null, Pin), Ct);
            var message = await FirstPacketMessageAfterAsync(lin, groupId, seqs.Count == 0 ? 0 : seqs[^1]);
            var packet = Assert.IsType<RedPacketContent>(message.Content);
            await lin.Client.GetRedPacketAsync(packet.Id, Ct);
            await sending;
            await lin.Client.OpenRedPacketAsync(packet.Id, Ct);
            seqs.Add(message.Seq);
        }

        var heard = await EventsAsync<RedPacketOpenedEvent>(mei, 10);
        Assert.Equal(seqs, heard.Select(e => e.MessageSeq));
    }

    private static async Task<MessageInfo> FirstPacketMessageAfterAsync(TestUser person, string conversationId, long afterSeq)
    {
        var found = await Eventually.ValueAsync(
            ct => person.Client.GetMessagesAsync(conversationId, afterSeq: afterSeq, cancellationToken: ct),
            page => page.Messages.Any(m => m.Content is RedPacketContent),
            $"a red packet message after seq {afterSeq}");
        return found.Messages.First(m => m.Content is RedPacketContent);
    }

    /// <summary>A sender with 100.00 CNY and a PIN, in a group with <paramref name="friends"/> friends.</summary>
    private static async Task<(TestUser Mei, TestUser[] Friends, string GroupId)> GroupWithMoneyAsync(HutongApp app, int friends)
    {
        var mei = await TestUser.CreateAsync(app, "mei");
        var others = new TestUser[friends];
        for (var i = 0; i < friends; i++)
        {
            others[i] = await TestUser.CreateAsync(app, $"friend{i}");
            await mei.BefriendAsync(others[i]);
        }

        await mei.Client.TopUpAsync("start", 10_000, Ct);
        await mei.Client.SetPinAsync(Pin, cancellationToken: Ct);
        var group = await mei.Client.CreateGroupAsync("Family", [.. others.Select(o => o.UserId)], Ct);
        return (mei, others, group.ConversationId);
    }

    /// <summary>The person's events of a kind, once there are at least <paramref name="expected"/>.</summary>
    private static Task<List<T>> EventsAsync<T>(TestUser person, int expected)
        where T : UserEvent =>
        Eventually.ValueAsync(
            async ct => (await person.Client.GetEventsAsync(cancellationToken: ct)).Events.OfType<T>().ToList(),
            events => events.Count >= expected,
            $"{expected} {typeof(T).Name} events");

    private static async Task<int> SweepAsync(HutongApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RedPacketService>().SweepAsync(Ct);
    }

    /// <summary>Holds reads of one account until released, counting them.</summary>
    private sealed class HeldEscrowReads(ILedgerStore inner) : ILedgerStore
    {
        private int _reads;

        public Guid? Held { get; set; }

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Reads => Volatile.Read(ref _reads);

        public async Task<LedgerAccount?> FindAccountAsync(Guid id, CancellationToken cancellationToken)
        {
            if (id == Held)
            {
                Interlocked.Increment(ref _reads);
                await Release.Task;
            }

            return await inner.FindAccountAsync(id, cancellationToken);
        }

        public Task<Transfer?> FindTransferAsync(string id, CancellationToken cancellationToken) => inner.FindTransferAsync(id, cancellationToken);

        public Task<IReadOnlyList<TransferOutcome>> ApplyAsync(
            IReadOnlyList<TransferRequest> requests, IReadOnlyList<LedgerAccount> opening, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.ApplyAsync(requests, opening, now, cancellationToken);

        public Task<IReadOnlyList<Transfer>> ListAsync(Guid accountId, TimeCursor? after, int limit, CancellationToken cancellationToken) =>
            inner.ListAsync(accountId, after, limit, cancellationToken);

        public Task<LedgerTotals> TotalsAsync(CancellationToken cancellationToken) => inner.TotalsAsync(cancellationToken);
    }
}
