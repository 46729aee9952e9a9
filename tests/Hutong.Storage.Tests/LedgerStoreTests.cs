using Hutong.Server.Hosting;
using Hutong.Storage.Wallet;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hutong.Storage.Tests;

/// <summary>The ledger on both providers: what it promises when calls repeat and race.</summary>
public sealed class LedgerStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Transfer_RetriedInALaterCall_ReturnsTheFirstAndMovesNothingMore(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var (store, rail, mei, _) = await NewLedgerAsync(database);
        var request = new TransferRequest("top-1", rail.Id, mei.Id, 5_000, TransferCode.TopUp, Reference: "bank-77");

        var first = Assert.Single(await store.ApplyAsync([request], [], Now, Ct));
        var again = Assert.Single(await store.ApplyAsync([request], [], Now.AddHours(1), Ct));
        var conflicting = Assert.Single(await store.ApplyAsync([request with { Amount = 6_000 }], [], Now, Ct));

        Assert.Equal(TransferResult.Created, first.Result);
        Assert.Equal(TransferResult.Exists, again.Result);
        Assert.Equal(first.Transfer, again.Transfer);
        Assert.Equal(TransferResult.ExistsWithDifferentFields, conflicting.Result);
        Assert.Equal(5_000, (await store.FindAccountAsync(mei.Id, Ct))!.Balance);
        Assert.True((await store.TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task PendingTransfer_PostedInALaterCall_MovesTheMoneyOnce(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var (store, rail, mei, lin) = await NewLedgerAsync(database);
        await store.ApplyAsync([new TransferRequest("top", rail.Id, mei.Id, 1_000, TransferCode.TopUp)], [], Now, Ct);
        await store.ApplyAsync([new TransferRequest("p", mei.Id, lin.Id, 700, TransferCode.PersonToPerson, TransferKind.Pending)], [], Now, Ct);
        Assert.Equal(300, (await store.FindAccountAsync(mei.Id, Ct))!.Available);

        var post = await store.ApplyAsync([new TransferRequest("post", mei.Id, lin.Id, 700, TransferCode.PersonToPerson, TransferKind.PostPending, "p")], [], Now, Ct);
        var voidAfter = await store.ApplyAsync([new TransferRequest("void", mei.Id, lin.Id, 700, TransferCode.PersonToPerson, TransferKind.VoidPending, "p")], [], Now, Ct);

        Assert.Equal(TransferResult.Created, Assert.Single(post).Result);
        Assert.Equal(TransferResult.PendingAlreadyPosted, Assert.Single(voidAfter).Result);
        Assert.Equal(300, (await store.FindAccountAsync(mei.Id, Ct))!.Balance);
        Assert.Equal(700, (await store.FindAccountAsync(lin.Id, Ct))!.Balance);
        Assert.True((await store.TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task ConcurrentSpends_FromOneWallet_NeverSpendMoreThanItHolds(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var (store, rail, mei, lin) = await NewLedgerAsync(database);
        await store.ApplyAsync([new TransferRequest("top", rail.Id, mei.Id, 1_000, TransferCode.TopUp)], [], Now, Ct);

        // 40 spends of 100 race for a balance of 1,000; each also retries once under its own id.
        var spends = Enumerable.Range(0, 40).Select(i => new TransferRequest($"spend-{i}", mei.Id, lin.Id, 100, TransferCode.PersonToPerson)).ToList();
        var outcomes = await Task.WhenAll(spends.Concat(spends).Select(s => Task.Run(() => store.ApplyAsync([s], [], Now, Ct), Ct)));

        var results = outcomes.Select(o => Assert.Single(o)).ToList();
        Assert.Equal(10, results.Count(r => r.Result == TransferResult.Created));
        Assert.Equal(10, results.Count(r => r.Result == TransferResult.Exists));
        Assert.Equal(0, (await store.FindAccountAsync(mei.Id, Ct))!.Balance);
        Assert.Equal(1_000, (await store.FindAccountAsync(lin.Id, Ct))!.Balance);
        Assert.True((await store.TotalsAsync(Ct)).Balanced);
        await using var db = database.NewContext();
        Assert.Equal(11, await db.LedgerTransfers.CountAsync(Ct));
    }

    [Theory, ProviderData]
    public async Task ABatch_WritesItsTransfersAndBalancesTogether(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var (store, rail, mei, lin) = await NewLedgerAsync(database);

        var outcomes = await store.ApplyAsync(
        [
            new TransferRequest("a", rail.Id, mei.Id, 500, TransferCode.TopUp),
            new TransferRequest("b", mei.Id, lin.Id, 800, TransferCode.PersonToPerson),
            new TransferRequest("c", mei.Id, lin.Id, 200, TransferCode.PersonToPerson),
        ], [], Now, Ct);

        Assert.Equal([TransferResult.Created, TransferResult.ExceedsCredits, TransferResult.Created], outcomes.Select(o => o.Result));
        Assert.Equal(300, (await store.FindAccountAsync(mei.Id, Ct))!.Balance);
        Assert.Equal(200, (await store.FindAccountAsync(lin.Id, Ct))!.Balance);
        await using var db = database.NewContext();
        Assert.Equal(["a", "c"], await db.LedgerTransfers.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(Ct));
    }

    private static async Task<(LedgerStore Store, LedgerAccount Rail, LedgerAccount Mei, LedgerAccount Lin)> NewLedgerAsync(StorageDatabase database)
    {
        var store = new LedgerStore(new PooledDbContextFactory<HutongDbContext>(database.Options), new WriterTurns());
        var rail = LedgerAccount.Open(Guid.NewGuid(), AccountCode.Rail, null, "CNY", AccountLimits.None);
        var mei = LedgerAccount.Open(Guid.NewGuid(), AccountCode.Wallet, Guid.NewGuid(), "CNY", AccountLimits.DebitsMustNotExceedCredits);
        var lin = LedgerAccount.Open(Guid.NewGuid(), AccountCode.Wallet, Guid.NewGuid(), "CNY", AccountLimits.DebitsMustNotExceedCredits);
        await store.ApplyAsync([], [rail, mei, lin], Now, Ct);
        await store.ApplyAsync([], [mei], Now, Ct);
        return (store, rail, mei, lin);
    }
}
