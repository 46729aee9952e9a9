using Hutong.Wallet.Ledger;

namespace Hutong.Wallet.Tests;

/// <summary>The ledger's rules, without storage: idempotency, limits, two-phase transfers, and the invariants.</summary>
public sealed class LedgerBatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static readonly LedgerAccount Rail = LedgerAccount.Open(Guid.NewGuid(), AccountCode.Rail, null, "CNY", AccountLimits.None);
    private static readonly LedgerAccount Mei = Wallet();
    private static readonly LedgerAccount Lin = Wallet();

    [Fact]
    public void Transfer_Posted_MovesMoneyFromDebitToCredit()
    {
        var batch = NewBatch();

        var outcome = batch.Apply(new TransferRequest("t1", Rail.Id, Mei.Id, 1_000, TransferCode.TopUp), Now);

        Assert.Equal(TransferResult.Created, outcome.Result);
        var accounts = batch.Touched.ToDictionary(a => a.Id);
        Assert.Equal(1_000, accounts[Mei.Id].Balance);
        Assert.Equal(-1_000, accounts[Rail.Id].Balance);
    }

    [Fact]
    public void Transfer_SameIdAgain_ReturnsTheFirstAndMovesNothing()
    {
        var batch = NewBatch();
        var request = new TransferRequest("t1", Rail.Id, Mei.Id, 1_000, TransferCode.TopUp);
        var first = batch.Apply(request, Now);

        var again = batch.Apply(request, Now.AddMinutes(1));

        Assert.Equal(TransferResult.Exists, again.Result);
        Assert.Equal(first.Transfer, again.Transfer);
        Assert.Equal(1_000, batch.Touched.Single(a => a.Id == Mei.Id).Balance);
        Assert.Single(batch.Created);
    }

    [Fact]
    public void Transfer_SameIdWithOtherFields_IsRefused()
    {
        var batch = NewBatch();
        batch.Apply(new TransferRequest("t1", Rail.Id, Mei.Id, 1_000, TransferCode.TopUp), Now);

        var conflicting = batch.Apply(new TransferRequest("t1", Rail.Id, Mei.Id, 2_000, TransferCode.TopUp), Now);

        Assert.Equal(TransferResult.ExistsWithDifferentFields, conflicting.Result);
        Assert.Equal(1_000, batch.Touched.Single(a => a.Id == Mei.Id).Balance);
    }

    [Theory]
    [InlineData(0, TransferResult.AmountMustBePositive)]
    [InlineData(-5, TransferResult.AmountMustBePositive)]
    [InlineData(1_001, TransferResult.ExceedsCredits)]
    public void Transfer_FromAWallet_NeverTakesItBelowZero(long amount, TransferResult expected)
    {
        var batch = NewBatch();
        batch.Apply(new TransferRequest("top", Rail.Id, Mei.Id, 1_000, TransferCode.TopUp), Now);

        var outcome = batch.Apply(new TransferRequest("spend", Mei.Id, Lin.Id, amount, TransferCode.PersonToPerson), Now);

        Assert.Equal(expected, outcome.Result);
        Assert.Null(outcome.Transfer);
        Assert.Equal(1_000, batch.Touched.Single(a => a.Id == Mei.Id).Balance);
        Assert.DoesNotContain(batch.Touched, a => a.Id == Lin.Id);
    }

    [Fact]
    public void Transfer_BetweenUnknownOrSameAccounts_IsRefused()
    {
        var batch = NewBatch();

        Assert.Equal(TransferResult.DebitAccountNotFound, batch.Apply(new TransferRequest("a", Guid.NewGuid(), Mei.Id, 1, TransferCode.PersonToPerson), Now).Result);
        Assert.Equal(TransferResult.CreditAccountNotFound, batch.Apply(new TransferRequest("b", Rail.Id, Guid.NewGuid(), 1, TransferCode.TopUp), Now).Result);
        Assert.Equal(TransferResult.AccountsMustBeDifferent, batch.Apply(new TransferRequest("c", Mei.Id, Mei.Id, 1, TransferCode.PersonToPerson), Now).Result);
        Assert.Empty(batch.Created);
    }

    [Fact]
    public void Pending_ReservesTheMoney_ThenPostMovesIt()
    {
        var batch = NewBatch();
        batch.Apply(new TransferRequest("top", Rail.Id, Mei.Id, 1_000, TransferCode.TopUp), Now);

        Assert.Equal(TransferResult.Created, batch.Apply(new TransferRequest("p", Mei.Id, Lin.Id, 600, TransferCode.PersonToPerson, TransferKind.Pending), Now).Result);
        var reserved = batch.Touched.Single(a => a.Id == Mei.Id);
        Assert.Equal(1_000, reserved.Balance);
        Assert.Equal(400, reserved.Available);
        // What is reserved cannot be spent twice.
        Assert.Equal(TransferResult.ExceedsCredits, batch.Apply(new TransferRequest("x", Mei.Id, Lin.Id, 500, TransferCode.PersonToPerson), Now).Result);

        Assert.Equal(TransferResult.Created, batch.Apply(new TransferRequest("post", Mei.Id, Lin.Id, 600, TransferCode.PersonToPerson, TransferKind.PostPending, "p"), Now).Result);
        var accounts = batch.Touched.ToDictionary(a => a.Id);
        Assert.Equal(400, accounts[Mei.Id].Balance);
        Assert.Equal(400, accounts[Mei.Id].Available);
        Assert.Equal(600, accounts[Lin.Id].Balance);
        Assert.Equal(0, accounts[Lin.Id].CreditsPending);
    }

    [Fact]
    public void Pending_Voided_GivesTheMoneyBack_AndCannotBeResolvedTwice()
    {
        var batch = NewBatch();
        batch.Apply(new TransferRequest("top", Rail.Id, Mei.Id, 1_000, TransferCode.TopUp), Now);
        batch.Apply(new TransferRequest("p", Mei.Id, Lin.Id, 600, TransferCode.PersonToPerson, TransferKind.Pending), Now);

        Assert.Equal(TransferResult.Created, batch.Apply(new TransferRequest("void", Mei.Id, Lin.Id, 600, TransferCode.PersonToPerson, TransferKind.VoidPending, "p"), Now).Result);
        Assert.Equal(TransferResult.PendingAlreadyVoided, batch.Apply(new TransferRequest("post", Mei.Id, Lin.Id, 600, TransferCode.PersonToPerson, TransferKind.PostPending, "p"), Now).Result);

        var accounts = batch.Touched.ToDictionary(a => a.Id);
        Assert.Equal(1_000, accounts[Mei.Id].Available);
        Assert.Equal(0, accounts[Lin.Id].Balance);
    }

    [Fact]
    public void Post_WithTheWrongPendingOrAccountsOrAmount_IsRefused()
    {
        var batch = NewBatch();
        batch.Apply(new TransferRequest("top", Rail.Id, Mei.Id, 1_000, TransferCode.TopUp), Now);
        batch.Apply(new TransferRequest("p", Mei.Id, Lin.Id, 600, TransferCode.PersonToPerson, TransferKind.Pending), Now);

        Assert.Equal(TransferResult.PendingNotFound, batch.Apply(new TransferRequest("a", Mei.Id, Lin.Id, 600, TransferCode.PersonToPerson, TransferKind.PostPending, "nope"), Now).Result);
        Assert.Equal(TransferResult.PendingNotFound, batch.Apply(new TransferRequest("b", Rail.Id, Mei.Id, 1_000, TransferCode.TopUp, TransferKind.PostPending, "top"), Now).Result);
        Assert.Equal(TransferResult.PendingAccountsDiffer, batch.Apply(new TransferRequest("c", Lin.Id, Mei.Id, 600, TransferCode.PersonToPerson, TransferKind.PostPending, "p"), Now).Result);
        Assert.Equal(TransferResult.PendingAmountExceeded, batch.Apply(new TransferRequest("d", Mei.Id, Lin.Id, 601, TransferCode.PersonToPerson, TransferKind.PostPending, "p"), Now).Result);
        Assert.Equal(TransferResult.PendingIdRequired, batch.Apply(new TransferRequest("e", Mei.Id, Lin.Id, 600, TransferCode.PersonToPerson, TransferKind.PostPending), Now).Result);
        Assert.Equal(TransferResult.PendingIdNotExpected, batch.Apply(new TransferRequest("f", Mei.Id, Lin.Id, 1, TransferCode.PersonToPerson, TransferKind.Posted, "p"), Now).Result);
    }

    [Fact]
    public void RandomOperations_KeepEveryInvariant()
    {
        var random = new Random(20261124);
        var wallets = Enumerable.Range(0, 8).Select(_ => Wallet()).ToList();
        var escrow = LedgerAccount.Open(Guid.NewGuid(), AccountCode.Escrow, null, "CNY", AccountLimits.DebitsMustNotExceedCredits);
        var all = wallets.Append(escrow).Append(Rail).ToList();
        var batch = new LedgerBatch(all.ToDictionary(a => a.Id), new Dictionary<string, Transfer>(), new Dictionary<string, Transfer>());
        var requests = new List<TransferRequest>();
        var pendings = new List<TransferRequest>();
        for (var i = 0; i < 5_000; i++)
        {
            var from = all[random.Next(all.Count)];
            var to = all[random.Next(all.Count)];
            var amount = random.Next(-2, 2_000);
            TransferRequest request = random.Next(10) switch
            {
                // Retries of earlier requests, exactly or with a changed amount.
                0 when requests.Count > 0 => requests[random.Next(requests.Count)],
                1 when requests.Count > 0 => requests[random.Next(requests.Count)] with { Amount = amount },
                2 => new TransferRequest($"t{i}", from.Id, to.Id, amount, TransferCode.PersonToPerson, TransferKind.Pending),
                3 when pendings.Count > 0 => Resolve(pendings[random.Next(pendings.Count)], $"t{i}", random),
                4 => new TransferRequest($"t{i}", Rail.Id, from.Id, amount, TransferCode.TopUp),
                _ => new TransferRequest($"t{i}", from.Id, to.Id, amount, TransferCode.PersonToPerson),
            };

            var outcome = batch.Apply(request, Now);
            if (outcome.Result == TransferResult.Created)
            {
                requests.Add(request);
                if (request.Kind == TransferKind.Pending)
                {
                    pendings.Add(request);
                }
            }

            var state = all.Select(a => batch.Touched.FirstOrDefault(t => t.Id == a.Id) ?? a).ToList();
            Assert.Equal(0, state.Sum(a => a.CreditsPosted - a.DebitsPosted));
            Assert.Equal(state.Sum(a => a.CreditsPending), state.Sum(a => a.DebitsPending));
            Assert.All(state.Where(a => a.Limits.HasFlag(AccountLimits.DebitsMustNotExceedCredits)), a => Assert.True(a.Available >= 0, $"{a.Id} went to {a.Available}"));
        }

        Assert.True(batch.Created.Count > 1_000, $"only {batch.Created.Count} transfers were created");
    }

    private static TransferRequest Resolve(TransferRequest pending, string id, Random random) =>
        random.Next(2) == 0
            ? new TransferRequest(id, pending.DebitAccountId, pending.CreditAccountId, Math.Max(1, pending.Amount - random.Next(3)), pending.Code, TransferKind.PostPending, pending.Id)
            : new TransferRequest(id, pending.DebitAccountId, pending.CreditAccountId, pending.Amount, pending.Code, TransferKind.VoidPending, pending.Id);

    private static LedgerAccount Wallet() => LedgerAccount.Open(Guid.NewGuid(), AccountCode.Wallet, Guid.NewGuid(), "CNY", AccountLimits.DebitsMustNotExceedCredits);

    private static LedgerBatch NewBatch() =>
        new(new[] { Rail, Mei, Lin }.ToDictionary(a => a.Id), new Dictionary<string, Transfer>(), new Dictionary<string, Transfer>());
}
