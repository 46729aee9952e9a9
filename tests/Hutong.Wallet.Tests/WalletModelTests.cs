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
/// Thousands of random wallet operations through the real server, checked one by one against a model of what each
/// must do: top-ups, withdrawals, transfers with accepts and declines, red packets in a group and in direct chats with
/// their opens, retries under the same ids, wrong PINs, days passing (expiries), and a restart half-way. The model
/// predicts every answer (success or which refusal) and every balance; at the end every invariant of the ledger holds.
/// </summary>
public sealed class WalletModelTests
{
    private const string Pin = "271828";
    private const int People = 6;
    private const int Operations = 2_000;
    private const long MaxShare = 20_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task RandomOperations_MatchTheModel_AndEveryInvariantHolds(StorageProvider provider)
    {
        var seed = Environment.GetEnvironmentVariable("HUTONG_WALLET_SEED") is { } given ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        var random = new Random(seed);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        using var storage = await TestStorage.CreateAsync(provider, Ct);
        var app = HutongApp.Start(storage, clock: clock);
        var model = new Model(clock);
        try
        {
            var people = await SetUpAsync(app, model);
            for (var step = 0; step < Operations; step++)
            {
                if (step == Operations / 2)
                {
                    // A restart: grains, caches and queues are gone; storage is all the next node has.
                    await app.DisposeAsync();
                    app = HutongApp.Start(storage, clock: clock);
                    people = [.. people.Select(p => p with { Client = Device(app, p.Client.Token) })];
                }

                var context = $"seed {seed}, step {step}";
                await StepAsync(app, people, model, random, clock, context);
            }

            // Everything falls due, and the sweep settles it.
            clock.Advance(TimeSpan.FromHours(25));
            await SweepAsync(app, model);
            await CheckAsync(app, people, model, $"seed {seed}, end");
            foreach (var packet in model.Packets.Values)
            {
                Assert.Equal(0, (await app.Services.GetRequiredService<ILedgerStore>().FindAccountAsync(Guid.Parse(packet.Id), Ct))!.Balance);
            }

            // Each packet is in its chat once, retries and restart notwithstanding.
            var inGroup = new List<string>();
            for (long after = 0; ;)
            {
                var page = (await people[0].Client.GetMessagesAsync(model.GroupId, afterSeq: after, limit: 100, cancellationToken: Ct)).Messages;
                if (page.Count == 0)
                {
                    break;
                }

                inGroup.AddRange(page.Select(m => m.Content).OfType<RedPacketContent>().Select(p => p.Id));
                after = page[^1].Seq;
            }

            Assert.Equal(model.Packets.Values.Where(p => p.ConversationId == model.GroupId).Select(p => p.Id).Order(), inGroup.Order());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task StepAsync(HutongApp app, Person[] people, Model model, Random random, FakeTimeProvider clock, string context)
    {
        var me = people[random.Next(People)];
        var other = people[(me.Index + 1 + random.Next(People - 1)) % People];
        var roll = random.Next(100);
        switch (roll)
        {
            case < 6:
            {
                var amount = random.NextInt64(1, 50_000);
                var receipt = await me.Client.TopUpAsync($"top-{model.NextId()}", amount, Ct);
                model.Balance[me.Index] += amount;
                model.TopUps[me.Index].Add((receipt.TransferId, amount));
                break;
            }

            case < 8 when model.TopUps[me.Index].Count > 0:
            {
                // A retried top-up is the first one again, not a second.
                var (id, amount) = model.TopUps[me.Index][random.Next(model.TopUps[me.Index].Count)];
                Assert.Equal(amount, (await me.Client.TopUpAsync(id, amount, Ct)).Amount);
                break;
            }

            case < 12:
            {
                var amount = random.NextInt64(1, 40_000);
                var expectOk = amount <= model.Available(me.Index);
                var outcome = await ApiOutcome.TryAsync(() => me.Client.WithdrawAsync($"out-{model.NextId()}", amount, Pin, Ct));
                Expect(expectOk, ErrorCodes.InsufficientFunds, outcome.Code, context);
                if (expectOk)
                {
                    model.Balance[me.Index] -= amount;
                }

                break;
            }

            case < 30:
            {
                var amount = random.NextInt64(1, 30_000);
                var id = $"tr-{model.NextId()}";
                var expectOk = amount <= model.Available(me.Index);
                var outcome = await ApiOutcome.TryAsync(() => me.Client.SendTransferAsync(new SendTransferRequest(id, other.UserId, amount, "note", Pin), Ct));
                Expect(expectOk, ErrorCodes.InsufficientFunds, outcome.Code, context);
                if (expectOk)
                {
                    model.Transfers[id] = new ModelTransfer(id, outcome.Value!.Id, me.Index, other.Index, amount, clock.GetUtcNow() + TimeSpan.FromHours(24));
                }

                break;
            }

            case < 34 when model.Transfers.Count > 0:
            {
                // The sender retries a transfer: the first stands, whatever became of it since.
                var transfer = Pick(model.Transfers.Values, random);
                var again = await people[transfer.From].Client.SendTransferAsync(
                    new SendTransferRequest(transfer.Id, people[transfer.To].UserId, transfer.Amount, "note", Pin), Ct);
                Assert.Equal((transfer.NodeId, transfer.State), (again.Id, again.State));
                break;
            }

            case < 46 when model.Transfers.Count > 0:
            {
                var transfer = Pick(model.Transfers.Values, random);
                var accept = random.Next(3) > 0;
                var receiver = people[transfer.To].Client;
                var outcome = await ApiOutcome.TryAsync(() => accept ? receiver.AcceptTransferAsync(transfer.NodeId, Ct) : receiver.DeclineTransferAsync(transfer.NodeId, Ct));
                // Answering the same way again is a retry, and returns the first answer.
                var answer = accept ? TransferStates.Accepted : TransferStates.Declined;
                Expect(transfer.State == TransferStates.Pending || transfer.State == answer, ErrorCodes.TransferNotPending, outcome.Code, context);
                if (transfer.State == TransferStates.Pending)
                {
                    transfer.State = accept ? TransferStates.Accepted : TransferStates.Declined;
                    if (accept)
                    {
                        model.Balance[transfer.From] -= transfer.Amount;
                        model.Balance[transfer.To] += transfer.Amount;
                    }
                }

                break;
            }

            case < 62:
            {
                var inGroup = random.Next(4) > 0;
                var count = inGroup ? random.Next(1, People + 1) : 1;
                var lucky = random.Next(2) == 0;
                var total = lucky ? random.NextInt64(count, Math.Min(30_000, MaxShare * count) + 1) : count * random.NextInt64(1, 5_000);
                var conversation = inGroup ? model.GroupId : model.Direct[(Math.Min(me.Index, other.Index), Math.Max(me.Index, other.Index))];
                var packetId = $"rp-{model.NextId()}";
                var request = new SendRedPacketRequest(packetId, conversation, lucky ? RedPacketKinds.Lucky : RedPacketKinds.Equal, total, count, "good luck", Pin);
                var expectOk = total <= model.Available(me.Index);
                var outcome = await ApiOutcome.TryAsync(() => me.Client.SendRedPacketAsync(request, Ct));
                Expect(expectOk, ErrorCodes.InsufficientFunds, outcome.Code, context);
                if (expectOk)
                {
                    model.Balance[me.Index] -= total;
                    var members = inGroup ? Enumerable.Range(0, People).ToHashSet() : [other.Index];
                    model.Packets[outcome.Value!.Id] = new ModelPacket(
                        outcome.Value.Id, request, me.Index, conversation, members, clock.GetUtcNow() + TimeSpan.FromHours(24)) { Left = total };
                    Assert.Equal(outcome.Value.Id, (await me.Client.SendRedPacketAsync(request, Ct)).Id);
                }

                break;
            }

            case < 90 when model.Packets.Count > 0:
            {
                var packet = Pick(model.Packets.Values, random);
                var opener = random.Next(4) > 0 && packet.Openers.Count < packet.CanOpen.Count
                    ? packet.CanOpen.Except(packet.Openers).First()
                    : random.Next(People);
                var outcome = await ApiOutcome.TryAsync(() => people[opener].Client.OpenRedPacketAsync(packet.Id, Ct));
                var isMember = packet.ConversationId == model.GroupId || opener == packet.Sender || packet.CanOpen.Contains(opener);
                string? expected = !isMember ? ErrorCodes.PacketNotFound
                    : !packet.CanOpen.Contains(opener) ? ErrorCodes.NotAllowed
                    : packet.Openers.Contains(opener) ? ErrorCodes.AlreadyOpened
                    : packet.Openers.Count == packet.Request.Count ? ErrorCodes.PacketEmpty
                    : packet.Expired ? ErrorCodes.PacketExpired
                    : null;
                Assert.True(expected == outcome.Code, $"{context}: expected {expected ?? "success"}, got {outcome.Code ?? "success"}");
                if (expected is null)
                {
                    var amount = outcome.Value!.Amount;
                    var left = packet.Request.Count - packet.Openers.Count;
                    if (packet.Request.Kind == RedPacketKinds.Equal)
                    {
                        Assert.Equal(packet.Request.TotalAmount / packet.Request.Count, amount);
                    }
                    else if (left == 1)
                    {
                        Assert.Equal(packet.Left, amount);
                    }
                    else
                    {
                        Assert.InRange(amount, Math.Max(1, packet.Left - (MaxShare * (left - 1))), Math.Min(MaxShare, Math.Min(2 * packet.Left / left, packet.Left - (left - 1))));
                    }

                    packet.Left -= amount;
                    packet.Openers.Add(opener);
                    model.Balance[opener] += amount;
                }

                break;
            }

            case < 93:
            {
                // A wrong PIN refuses the spend and moves nothing. Every spend with the right PIN clears the count
                // again, and ones come seldom enough here never to lock (other tests cover the lock).
                var outcome = await ApiOutcome.TryAsync(() => me.Client.SendTransferAsync(new SendTransferRequest($"bad-{model.NextId()}", other.UserId, 1, null, "999999"), Ct));
                Assert.True(outcome.Code == ErrorCodes.WrongPin, $"{context}: {outcome.Code}");
                await me.Client.SetPinAsync(Pin, Pin, Ct);
                break;
            }

            case < 96:
            {
                clock.Advance(TimeSpan.FromHours(random.Next(1, 20)));
                await SweepAsync(app, model);
                break;
            }

            default:
                await CheckAsync(app, people, model, context);
                break;
        }
    }

    /// <summary>Settles everything due, as the sweeper would (the node's own may be doing it too), and the model with it.</summary>
    private static async Task SweepAsync(HutongApp app, Model model)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            while (await scope.ServiceProvider.GetRequiredService<TransferService>().SweepAsync(Ct) > 0)
            {
            }

            while (await scope.ServiceProvider.GetRequiredService<RedPacketService>().SweepAsync(Ct) > 0)
            {
            }
        }

        var now = model.Clock.GetUtcNow();
        foreach (var transfer in model.Transfers.Values.Where(t => t.State == TransferStates.Pending && t.ExpiresAt <= now))
        {
            transfer.State = TransferStates.Expired;
        }

        foreach (var packet in model.Packets.Values.Where(p => !p.Expired && p.ExpiresAt <= now))
        {
            packet.Expired = true;
            model.Balance[packet.Sender] += packet.Left;
            packet.Left = 0;
        }
    }

    private static async Task CheckAsync(HutongApp app, Person[] people, Model model, string context)
    {
        foreach (var person in people)
        {
            var wallet = await person.Client.GetWalletAsync(Ct);
            Assert.True(
                (model.Balance[person.Index], model.Available(person.Index)) == (wallet.Balance, wallet.Available),
                $"{context}: person {person.Index} has {wallet.Balance}/{wallet.Available}, the model says {model.Balance[person.Index]}/{model.Available(person.Index)}");
        }

        var totals = await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct);
        Assert.True(totals.Balanced, $"{context}: {totals}");
        // The rail's account is opened by the first top-up; before it, no money has come in.
        var rail = await app.Services.GetRequiredService<ILedgerStore>().FindAccountAsync(WalletAccounts.RailId, Ct);
        var escrow = model.Packets.Values.Sum(p => p.Left);
        Assert.Equal(-(model.Balance.Sum() + escrow), rail?.Balance ?? 0);
    }

    private static async Task<Person[]> SetUpAsync(HutongApp app, Model model)
    {
        var users = new List<TestUser>();
        for (var i = 0; i < People; i++)
        {
            users.Add(await TestUser.CreateAsync(app, $"p{i}"));
        }

        for (var i = 0; i < People; i++)
        {
            for (var j = i + 1; j < People; j++)
            {
                await users[i].BefriendAsync(users[j]);
                model.Direct[(i, j)] = (await users[i].Client.OpenDirectAsync(users[j].UserId, Ct)).ConversationId;
            }

            await users[i].Client.SetPinAsync(Pin, cancellationToken: Ct);
        }

        model.GroupId = (await users[0].Client.CreateGroupAsync("All of us", [.. users.Skip(1).Select(u => u.UserId)], Ct)).ConversationId;
        return [.. users.Select((u, i) => new Person(i, u.UserId, u.Client))];
    }

    private static HutongClient Device(HutongApp app, string? token)
    {
        var client = app.NewClient();
        client.Token = token;
        return client;
    }

    private static void Expect(bool ok, string refusal, string? code, string context) =>
        Assert.True(ok ? code is null : code == refusal, $"{context}: expected {(ok ? "success" : refusal)}, got {code ?? "success"}");

    private static T Pick<T>(ICollection<T> items, Random random) => items.ElementAt(random.Next(items.Count));

    private sealed record Person(int Index, string UserId, HutongClient Client);

    private sealed class Model(TimeProvider clock)
    {
        private int _ids;

        public TimeProvider Clock { get; } = clock;

        public long[] Balance { get; } = new long[People];

        public List<(string Id, long Amount)>[] TopUps { get; } = [.. Enumerable.Range(0, People).Select(_ => new List<(string, long)>())];

        public Dictionary<string, ModelTransfer> Transfers { get; } = [];

        public Dictionary<string, ModelPacket> Packets { get; } = [];

        public Dictionary<(int, int), string> Direct { get; } = [];

        public string GroupId { get; set; } = string.Empty;

        /// <summary>The balance less what pending transfers hold.</summary>
        public long Available(int person) =>
            Balance[person] - Transfers.Values.Where(t => t.From == person && t.State == TransferStates.Pending).Sum(t => t.Amount);

        public int NextId() => ++_ids;
    }

    private sealed record ModelTransfer(string Id, string NodeId, int From, int To, long Amount, DateTimeOffset ExpiresAt)
    {
        public string State { get; set; } = TransferStates.Pending;
    }

    private sealed record ModelPacket(string Id, SendRedPacketRequest Request, int Sender, string ConversationId, HashSet<int> CanOpen, DateTimeOffset ExpiresAt)
    {
        public long Left { get; set; }

        public HashSet<int> Openers { get; } = [];

        public bool Expired { get; set; }
    }
}
