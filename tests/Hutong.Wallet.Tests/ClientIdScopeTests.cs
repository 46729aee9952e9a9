using System.Collections.Concurrent;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.RedPackets;
using Hutong.Wallet.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Wallet.Tests;

/// <summary>
/// Client-chosen ids (transfer, packet, top-up and withdrawal ids) belong to the person who chose them: another person
/// picking the same id, at the same time or later, changes nothing about the first person's money or answers.
/// </summary>
public sealed class ClientIdScopeTests
{
    private const string Pin = "271828";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task TheSameTransferId_FromTwoSenders_IsTwoTransfers_EachAnsweredByItsOwnReceiver(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var (a, b, c) = (await FundedAsync(app, "a"), await FundedAsync(app, "b"), await FundedAsync(app, "c"));
        await a.BefriendAsync(b);
        await c.BefriendAsync(b);
        await c.BefriendAsync(a);

        // A to B, then B back to A, then C to B: the same id each time.
        var aToB = await a.Client.SendTransferAsync(new SendTransferRequest("SAME", b.UserId, 1_000, null, Pin), Ct);
        var bToA = await b.Client.SendTransferAsync(new SendTransferRequest("SAME", a.UserId, 2_000, null, Pin), Ct);
        var cToB = await c.Client.SendTransferAsync(new SendTransferRequest("SAME", b.UserId, 3_000, null, Pin), Ct);

        Assert.Equal(3, new[] { aToB.Id, bToA.Id, cToB.Id }.Distinct().Count());
        Assert.Equal((a.UserId, 1_000L), ((await b.Client.GetTransferAsync(aToB.Id, Ct)).FromUserId, (await b.Client.GetTransferAsync(aToB.Id, Ct)).Amount));
        Assert.Equal(TransferStates.Accepted, (await b.Client.AcceptTransferAsync(aToB.Id, Ct)).State);
        Assert.Equal(TransferStates.Declined, (await b.Client.DeclineTransferAsync(cToB.Id, Ct)).State);
        Assert.Equal(TransferStates.Accepted, (await a.Client.AcceptTransferAsync(bToA.Id, Ct)).State);

        // Nobody answers, or even sees, a transfer that is not theirs.
        var byThirdParty = await Assert.ThrowsAsync<HutongApiException>(() => c.Client.GetTransferAsync(aToB.Id, Ct));
        Assert.Equal((404, ErrorCodes.TransferNotFound), (byThirdParty.Status, byThirdParty.Code));
        await Assert.ThrowsAsync<HutongApiException>(() => c.Client.AcceptTransferAsync(bToA.Id, Ct));

        // A retry by each sender is still its own first transfer.
        Assert.Equal(aToB.Id, (await a.Client.SendTransferAsync(new SendTransferRequest("SAME", b.UserId, 1_000, null, Pin), Ct)).Id);
        Assert.Equal(cToB.Id, (await c.Client.SendTransferAsync(new SendTransferRequest("SAME", b.UserId, 3_000, null, Pin), Ct)).Id);

        Assert.Equal(100_000 - 1_000 + 2_000, (await a.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(100_000 + 1_000 - 2_000, (await b.Client.GetWalletAsync(Ct)).Balance);
        var cWallet = await c.Client.GetWalletAsync(Ct);
        Assert.Equal((100_000L, 100_000L), (cWallet.Balance, cWallet.Available));
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);

        // Each chat names its own transfer.
        var chat = await b.Client.OpenDirectAsync(a.UserId, Ct);
        var cards = (await b.Client.GetMessagesAsync(chat.ConversationId, cancellationToken: Ct)).Messages.Where(m => m.Content is TransferContent);
        Assert.Equal(new[] { aToB.Id, bToA.Id }.Order(), cards.Select(m => ((TransferContent)m.Content!).Id).Order());
    }

    /// <summary>
    /// Several people at once, each drawing ids from the same tiny pool for top-ups, withdrawals, transfers and red
    /// packets, and answering what reaches them. Each person's answers must follow from their own history alone, and
    /// after everything falls due the ledger holds every invariant.
    /// </summary>
    [Theory, ProviderData]
    public async Task CollidingIdsChosenConcurrently_NeverDisturbAnotherPerson_AndTheLedgerHolds(StorageProvider provider)
    {
        var seed = Random.Shared.Next();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var people = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await FundedAsync(app, $"p{i}"));
        }

        for (var i = 0; i < people.Count; i++)
        {
            for (var j = i + 1; j < people.Count; j++)
            {
                await people[i].BefriendAsync(people[j]);
            }
        }

        var group = (await people[0].Client.CreateGroupAsync("pool", [.. people.Skip(1).Select(p => p.UserId)], Ct)).ConversationId;
        var world = new World(people);
        await Task.WhenAll(people.Select((person, index) => Task.Run(() => ActAsync(world, index, group, new Random(seed + index)), Ct)));

        // Everything falls due; the sweeps return every hold and every packet's rest.
        clock.Advance(TimeSpan.FromHours(25));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            while (await scope.ServiceProvider.GetRequiredService<TransferService>().SweepAsync(Ct) > 0)
            {
            }

            while (await scope.ServiceProvider.GetRequiredService<RedPacketService>().SweepAsync(Ct) > 0)
            {
            }
        }

        foreach (var transfer in world.Transfers.Values.Where(t => t.State == TransferStates.Pending))
        {
            transfer.State = TransferStates.Expired;
        }

        for (var i = 0; i < people.Count; i++)
        {
            var wallet = await people[i].Client.GetWalletAsync(Ct);
            var expected = world.Expected(i);
            Assert.True((expected, expected) == (wallet.Balance, wallet.Available), $"seed {seed}: person {i} has {wallet.Balance}/{wallet.Available}, expected {expected}");
        }

        var ledger = app.Services.GetRequiredService<ILedgerStore>();
        Assert.True((await ledger.TotalsAsync(Ct)).Balanced, $"seed {seed}");
        foreach (var packet in world.Packets.Values)
        {
            Assert.Equal(0, (await ledger.FindAccountAsync(Guid.Parse(packet.Id), Ct))!.Balance);
        }

        // Both ends of every transfer see it as its sender made it.
        foreach (var transfer in world.Transfers.Values)
        {
            foreach (var end in new[] { transfer.From, transfer.To })
            {
                var seen = await people[end].Client.GetTransferAsync(transfer.Id, Ct);
                Assert.Equal((people[transfer.From].UserId, people[transfer.To].UserId, transfer.Amount, transfer.State), (seen.FromUserId, seen.ToUserId, seen.Amount, seen.State));
            }
        }
    }

    private static async Task ActAsync(World world, int me, string group, Random random)
    {
        var person = world.People[me];
        var mine = world.Mine[me];
        for (var step = 0; step < 40; step++)
        {
            var id = $"x{random.Next(3)}";
            var amount = random.Next(1, 4) * 100L;
            switch (random.Next(6))
            {
                case 0:
                {
                    var first = mine.TopUps.TryGetValue(id, out var had) ? had : (long?)null;
                    var outcome = await ApiOutcome.TryAsync(() => person.Client.TopUpAsync(id, amount, Ct));
                    Assert.Equal(first is null || first == amount ? null : ErrorCodes.IdempotencyConflict, outcome.Code);
                    if (first is null)
                    {
                        mine.TopUps[id] = amount;
                    }

                    break;
                }

                case 1:
                {
                    var first = mine.Withdrawals.TryGetValue(id, out var had) ? had : (long?)null;
                    var outcome = await ApiOutcome.TryAsync(() => person.Client.WithdrawAsync(id, amount, Pin, Ct));
                    Assert.Equal(first is null || first == amount ? null : ErrorCodes.IdempotencyConflict, outcome.Code);
                    if (first is null)
                    {
                        mine.Withdrawals[id] = amount;
                    }

                    break;
                }

                case 2 or 3:
                {
                    var to = (me + 1 + random.Next(world.People.Count - 1)) % world.People.Count;
                    var first = mine.Transfers.GetValueOrDefault(id);
                    var outcome = await ApiOutcome.TryAsync(() => person.Client.SendTransferAsync(new SendTransferRequest(id, world.People[to].UserId, amount, null, Pin), Ct));
                    if (first is null)
                    {
                        Assert.Null(outcome.Code);
                        var sent = new SentTransfer(outcome.Value!.Id, me, to, amount);
                        mine.Transfers[id] = sent;
                        world.Transfers[sent.Id] = sent;
                        world.Inbox[to].Enqueue(sent);
                    }
                    else
                    {
                        var same = first.To == to && first.Amount == amount;
                        Assert.Equal(same ? null : ErrorCodes.IdempotencyConflict, outcome.Code);
                        Assert.True(!same || outcome.Value!.Id == first.Id);
                    }

                    break;
                }

                case 4:
                {
                    var first = mine.Packets.GetValueOrDefault(id);
                    var request = new SendRedPacketRequest(id, group, RedPacketKinds.Equal, amount * 2, 2, null, Pin);
                    var outcome = await ApiOutcome.TryAsync(() => person.Client.SendRedPacketAsync(request, Ct));
                    if (first is null)
                    {
                        Assert.Null(outcome.Code);
                        var packet = new SentPacket(outcome.Value!.Id, me, amount * 2);
                        mine.Packets[id] = packet;
                        world.Packets[packet.Id] = packet;
                    }
                    else
                    {
                        Assert.Equal(first.Total == amount * 2 ? null : ErrorCodes.IdempotencyConflict, outcome.Code);
                        Assert.True(outcome.Code is not null || outcome.Value!.Id == first.Id);
                    }

                    break;
                }

                default:
                {
                    if (world.Inbox[me].TryDequeue(out var transfer))
                    {
                        var accept = random.Next(2) == 0;
                        var answered = accept ? await person.Client.AcceptTransferAsync(transfer.Id, Ct) : await person.Client.DeclineTransferAsync(transfer.Id, Ct);
                        Assert.Equal((world.People[transfer.From].UserId, transfer.Amount), (answered.FromUserId, answered.Amount));
                        transfer.State = answered.State;
                    }
                    else if (world.Packets.Values.Where(p => p.Sender != me).ToList() is { Count: > 0 } packets)
                    {
                        var packet = packets[random.Next(packets.Count)];
                        var outcome = await ApiOutcome.TryAsync(() => person.Client.OpenRedPacketAsync(packet.Id, Ct));
                        Assert.True(outcome.Code is null or ErrorCodes.AlreadyOpened or ErrorCodes.PacketEmpty, outcome.Code);
                        if (outcome.Value is { } opened)
                        {
                            world.Opens[me].Add(opened.Amount);
                            Interlocked.Add(ref packet.Opened, opened.Amount);
                        }
                    }

                    break;
                }
            }
        }
    }

    private static async Task<TestUser> FundedAsync(HutongApp app, string prefix)
    {
        var person = await TestUser.CreateAsync(app, prefix);
        await person.Client.TopUpAsync("fund", 100_000, Ct);
        await person.Client.SetPinAsync(Pin, cancellationToken: Ct);
        return person;
    }

    /// <summary>What each person did and was told; each person's own part is written by that person's task only.</summary>
    private sealed class World(List<TestUser> people)
    {
        public List<TestUser> People { get; } = people;

        public Own[] Mine { get; } = [.. people.Select(_ => new Own())];

        public ConcurrentQueue<SentTransfer>[] Inbox { get; } = [.. people.Select(_ => new ConcurrentQueue<SentTransfer>())];

        public ConcurrentBag<long>[] Opens { get; } = [.. people.Select(_ => new ConcurrentBag<long>())];

        public ConcurrentDictionary<string, SentTransfer> Transfers { get; } = new();

        public ConcurrentDictionary<string, SentPacket> Packets { get; } = new();

        /// <summary>What a person must hold once everything has fallen due: every movement they made or were given.</summary>
        public long Expected(int person)
        {
            var own = Mine[person];
            return 100_000 + own.TopUps.Values.Sum() - own.Withdrawals.Values.Sum()
                - Transfers.Values.Where(t => t.From == person && t.State == TransferStates.Accepted).Sum(t => t.Amount)
                + Transfers.Values.Where(t => t.To == person && t.State == TransferStates.Accepted).Sum(t => t.Amount)
                - Packets.Values.Where(p => p.Sender == person).Sum(p => p.Opened)
                + Opens[person].Sum();
        }
    }

    private sealed class Own
    {
        public Dictionary<string, long> TopUps { get; } = [];

        public Dictionary<string, long> Withdrawals { get; } = [];

        public Dictionary<string, SentTransfer> Transfers { get; } = [];

        public Dictionary<string, SentPacket> Packets { get; } = [];
    }

    private sealed record SentTransfer(string Id, int From, int To, long Amount)
    {
        public string State { get; set; } = TransferStates.Pending;
    }

    private sealed record SentPacket(string Id, int Sender, long Total)
    {
        public long Opened;
    }
}
