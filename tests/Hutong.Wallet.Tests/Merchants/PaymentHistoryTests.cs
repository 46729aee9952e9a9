using System.Net;
using System.Text.Json.Nodes;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>
/// Merchant payments in the payer's wallet history: one line per payment (the reservation and its post are one
/// movement), refunds as money in, each named by its merchant's short name; and a payout in its owner's history.
/// </summary>
public sealed class PaymentHistoryTests(PaymentServers servers) : IClassFixture<PaymentServers>
{
    private const string Pin = "246810";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task PaymentsAndARefund_ShowOnceEach_NamedByTheirMerchants(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await OrderTests.PayerAsync(app, 10_000);
        using var teaHouse = await V3Merchant.CreateAsync(app, owner);
        using var noodles = await V3Merchant.CreateAsync(app, owner, "Noodle Bar");
        var openId = await V3Merchant.OpenIdAsync(app, teaHouse.AppId, payer);
        var prepayId = (await teaHouse.PostAsync("/v3/pay/transactions/jsapi", OrderTests.JsApiOrder(teaHouse, "hist-tea1", 2_800, openId))).Json["prepay_id"]!.GetValue<string>();
        var tea = await payer.Client.PayAsync(teaHouse.PayParameters(prepayId, Pin), Ct);
        var codeUrl = (await noodles.PostAsync("/v3/pay/transactions/native", OrderTests.JsApiOrder(noodles, "hist-noodle1", 1_200, null))).Json["code_url"]!.GetValue<string>();
        var noodle = await payer.Client.PayNativeAsync(codeUrl, Pin, Ct);

        var refunded = await teaHouse.PostAsync("/v3/refund/domestic/refunds", new JsonObject
        {
            ["transaction_id"] = tea.TransactionId,
            ["out_refund_no"] = "hist-refund1",
            ["reason"] = "one cup short",
            ["amount"] = new JsonObject { ["refund"] = 500, ["total"] = 2_800, ["currency"] = "CNY" },
        });
        Assert.Equal(HttpStatusCode.OK, refunded.Status);
        var refundId = refunded.Json["refund_id"]!.GetValue<string>();

        var history = (await payer.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries;
        Assert.Equal(
            [
                (WalletEntryKinds.Refund, 500L, refundId, "Tea House"),
                (WalletEntryKinds.Payment, -1_200L, noodle.TransactionId, "Noodle Bar"),
                (WalletEntryKinds.Payment, -2_800L, tea.TransactionId, "Tea House"),
                (WalletEntryKinds.TopUp, 10_000L, "seed", null),
            ],
            history.Select(e => (e.Kind, e.Amount, e.Reference, e.Title)));
        Assert.Equal(10_000 - 2_800 - 1_200 + 500, (await payer.Client.GetWalletAsync(Ct)).Balance);

        // Paged one line at a time, each page names its own merchant.
        var first = await payer.Client.GetWalletEntriesAsync(1, cancellationToken: Ct);
        var second = await payer.Client.GetWalletEntriesAsync(1, first.NextCursor, Ct);
        Assert.Equal(("Tea House", "Noodle Bar"), (first.Entries.Single().Title, second.Entries.Single().Title));
    }

    [Fact]
    public async Task ASettledMerchantsPayout_ShowsInItsOwnersHistory_NamedByTheMerchant()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, clock: clock, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await OrderTests.PayerAsync(app, 5_000);
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        var codeUrl = (await merchant.PostAsync("/v3/pay/transactions/native", OrderTests.JsApiOrder(merchant, "payout-1", 3_000, null))).Json["code_url"]!.GetValue<string>();
        await payer.Client.PayNativeAsync(codeUrl, Pin, Ct);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrderService>().SweepAsync(Ct);
        }

        // What a payout writes: the merchant's settled money to its owner's wallet.
        var ownerId = Guid.Parse(owner.UserId);
        var paidOut = await app.Services.GetRequiredService<LedgerWriter>().ApplyAsync(
            new TransferRequest($"mch-payout:{merchant.Merchant.Id:N}:1", merchant.Merchant.Id, ownerId, 3_000, TransferCode.MerchantPayout, Reference: "payout-1"),
            WalletAccounts.Person(ownerId, "CNY"));

        Assert.True(paidOut.Succeeded, $"the settled money is the merchant's to pay out: {paidOut.Result}");
        var entry = Assert.Single((await owner.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries);
        Assert.Equal((WalletEntryKinds.MerchantPayout, 3_000L, "Tea House"), (entry.Kind, entry.Amount, entry.Title));
    }
}
