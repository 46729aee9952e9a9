using System.Net.Http.Json;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Wallet.Tests;

/// <summary>The wallet through the real HTTP pipeline on both providers: balances, the PIN, and money in and out.</summary>
public sealed class WalletApiTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ANewWallet_IsEmpty_AndTopUpsAddUp(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var empty = await mei.Client.GetWalletAsync(Ct);
        var first = await mei.Client.TopUpAsync("t1", 10_000, Ct);
        var second = await mei.Client.TopUpAsync("t2", 2_345, Ct);

        Assert.Equal(new WalletInfo(0, "CNY", false, 0, WalletLimits.Defaults), empty);
        Assert.Equal(10_000, first.Balance);
        Assert.Equal(12_345, second.Balance);
        Assert.Equal(12_345, (await mei.Client.GetWalletAsync(Ct)).Balance);
        var entries = await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct);
        Assert.Equal([2_345L, 10_000L], entries.Entries.Select(e => e.Amount));
        Assert.All(entries.Entries, e => Assert.Equal(WalletEntryKinds.TopUp, e.Kind));
    }

    [Theory, ProviderData]
    public async Task ATopUp_RetriedWithItsId_CountsOnce_AndAConflictingRetryIsRefused(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var first = await mei.Client.TopUpAsync("same", 5_000, Ct);
        var again = await mei.Client.TopUpAsync("same", 5_000, Ct);
        var conflict = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.TopUpAsync("same", 9_000, Ct));

        Assert.Equal(first, again);
        Assert.Equal((409, ErrorCodes.IdempotencyConflict), (conflict.Status, conflict.Code));
        Assert.Equal(5_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
    }

    [Theory, ProviderData]
    public async Task History_PagesThroughEntriesThatShareOneTime_WithoutSkippingOrRepeating(StorageProvider provider)
    {
        // A clock that stands still stamps every entry with the same time, as one group commit does for its batch.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, clock: clock, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => mei.Client.TopUpAsync($"t{i}", 100 + i, Ct)));

        var seen = new List<long>();
        string? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var entries = await mei.Client.GetWalletEntriesAsync(7, cursor, Ct);
            seen.AddRange(entries.Entries.Select(e => e.Amount));
            cursor = entries.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Null(cursor);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => 100L + i), seen.Order());
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("not a cursor")]
    [InlineData("__________________________________________")]
    [InlineData("f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_f39_")]
    public async Task History_WithACursorItNeverGaveOut_Is400(string cursor)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.GetWalletEntriesAsync(7, cursor, Ct));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (error.Status, error.Code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    [InlineData(5_000_001)]
    public async Task ATopUp_OfABadAmount_Is400AndMovesNothing(long amount)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.TopUpAsync("bad", amount, Ct));

        Assert.Equal((400, ErrorCodes.ValidationFailed), (error.Status, error.Code));
        Assert.Contains("amount", error.Problem!.Errors!.Keys);
        Assert.Equal(0, (await mei.Client.GetWalletAsync(Ct)).Balance);
    }

    [Theory, ProviderData]
    public async Task AWithdrawal_NeedsThePin_AndNeverMoreThanTheBalance(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        await mei.Client.TopUpAsync("t", 1_000, Ct);

        var noPin = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.WithdrawAsync("w0", 100, "123456", Ct));
        await mei.Client.SetPinAsync("246810", cancellationToken: Ct);
        var wrongPin = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.WithdrawAsync("w1", 100, "111111", Ct));
        var tooMuch = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.WithdrawAsync("w2", 1_001, "246810", Ct));
        var done = await mei.Client.WithdrawAsync("w3", 400, "246810", Ct);

        Assert.Equal((409, ErrorCodes.PinNotSet), (noPin.Status, noPin.Code));
        Assert.Equal((403, ErrorCodes.WrongPin), (wrongPin.Status, wrongPin.Code));
        Assert.Equal((409, ErrorCodes.InsufficientFunds), (tooMuch.Status, tooMuch.Code));
        Assert.Equal(600, done.Balance);
        var wallet = await mei.Client.GetWalletAsync(Ct);
        Assert.Equal((600L, true), (wallet.Balance, wallet.PinSet));
        Assert.Equal(-400, (await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries[0].Amount);
    }

    [Fact]
    public async Task ANodesOwnLimits_AreToldToClients_AndHeld()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hutong:Wallet:MaxRailAmount"] = "1000000",
            ["Hutong:Wallet:MaxTransferAmount"] = "2000",
            ["Hutong:Wallet:MaxRedPacketShare"] = "50000",
            ["Hutong:Wallet:MaxRedPacketShares"] = "200",
        }, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");

        var limits = (await mei.Client.GetWalletAsync(Ct)).Limits;
        var tooMuch = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.TopUpAsync("big", 1_000_001, Ct));

        Assert.Equal(new WalletLimits(2_000, 50_000, 200, 1_000_000), limits);
        Assert.Equal((400, "amount"), (tooMuch.Status, Assert.Single(tooMuch.Problem!.Errors!.Keys)));
        Assert.Equal(1_000_000, (await mei.Client.TopUpAsync("most", 1_000_000, Ct)).Balance);
    }

    [Fact]
    public async Task FiveWrongPins_LockSpendingForThreeHours_EvenWithTheRightOne()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, clock: clock, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");
        await mei.Client.TopUpAsync("t", 1_000, Ct);
        await mei.Client.SetPinAsync("135790", cancellationToken: Ct);

        var codes = new List<(string?, int?)>();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.WithdrawAsync($"w{i}", 100, "000000", Ct));
            codes.Add((wrong.Code, wrong.Problem!.AttemptsLeft));
        }

        var locked = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.WithdrawAsync("right", 100, "135790", Ct));
        using var raw = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/wallet/withdrawals")
        {
            Content = JsonContent.Create(new { transferId = "raw", amount = 100, pin = "135790" }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", mei.Client.Token);
        using var lockedRaw = await raw.SendAsync(request, Ct);
        clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromSeconds(1));
        var after = await mei.Client.WithdrawAsync("later", 100, "135790", Ct);

        Assert.Equal(
            [(ErrorCodes.WrongPin, 4), (ErrorCodes.WrongPin, 3), (ErrorCodes.WrongPin, 2), (ErrorCodes.WrongPin, 1), (ErrorCodes.PinLocked, (int?)null)], codes);
        Assert.Equal((423, ErrorCodes.PinLocked, (int?)(3 * 3600)), (locked.Status, locked.Code, locked.Problem!.RetryAfter));
        Assert.Equal((System.Net.HttpStatusCode.Locked, TimeSpan.FromHours(3)), (lockedRaw.StatusCode, lockedRaw.Headers.RetryAfter!.Delta));
        Assert.Equal(900, after.Balance);
    }

    [Fact]
    public async Task ChangingThePin_TakesTheCurrentOne()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        await mei.Client.SetPinAsync("271828", cancellationToken: Ct);

        var withoutCurrent = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SetPinAsync("161803", cancellationToken: Ct));
        var notSixDigits = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SetPinAsync("12ab56", "271828", Ct));
        await mei.Client.SetPinAsync("161803", "271828", Ct);
        await mei.Client.TopUpAsync("t", 500, Ct);

        Assert.Equal(ErrorCodes.WrongPin, withoutCurrent.Code);
        Assert.Equal(ErrorCodes.ValidationFailed, notSixDigits.Code);
        Assert.Equal(400, (await mei.Client.WithdrawAsync("w", 100, "161803", Ct)).Balance);
    }

    [Theory, ProviderData]
    public async Task APinEasyToGuess_IsRefused_AndAChangeToOneCostsNoTry(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var refused = new List<HutongApiException>();
        foreach (var pin in (string[])["000000", "123456", "654321", "121212", "112233"])
        {
            refused.Add(await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SetPinAsync(pin, cancellationToken: Ct)));
        }

        var unset = await mei.Client.GetWalletAsync(Ct);
        await mei.Client.SetPinAsync("314159", cancellationToken: Ct);
        // A refused new PIN with a wrong current one says only that the new one is refused: no try is spent on it.
        var changeRefused = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SetPinAsync("999999", "000001", Ct));
        await mei.Client.TopUpAsync("t", 500, Ct);
        var wrong = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.WithdrawAsync("w", 100, "000001", Ct));

        Assert.All(refused, e =>
        {
            Assert.Equal((400, ErrorCodes.ValidationFailed), (e.Status, e.Code));
            Assert.Contains("too easy to guess", Assert.Single(e.Problem!.Errors!["pin"]), StringComparison.Ordinal);
        });
        Assert.False(unset.PinSet);
        Assert.Equal(["pin"], changeRefused.Problem!.Errors!.Keys);
        Assert.Equal(4, wrong.Problem!.AttemptsLeft);
    }

    [Fact]
    public async Task AWallet_IsOnlyEverTheCallers()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.Client.TopUpAsync("t", 7_000, Ct);

        var anonymous = app.NewClient();
        var unauthenticated = await Assert.ThrowsAsync<HutongApiException>(() => anonymous.GetWalletAsync(Ct));

        Assert.Equal(401, unauthenticated.Status);
        Assert.Equal(0, (await lin.Client.GetWalletAsync(Ct)).Balance);
        Assert.Empty((await lin.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries);
        // The same client transfer id from another person is their own transfer, not a retry of Mei's.
        Assert.Equal(300, (await lin.Client.TopUpAsync("t", 300, Ct)).Balance);
        Assert.Equal(7_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
    }
}
