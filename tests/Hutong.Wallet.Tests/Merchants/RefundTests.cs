using System.Net;
using System.Text.Json.Nodes;
using Hutong.Core.Tests.Outbound;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>Refunds through <c>/v3/refund/domestic/refunds</c> on both providers: partial, idempotent, bounded, notified.</summary>
public sealed class RefundTests(PaymentServers servers) : IClassFixture<PaymentServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task APartialRefund_ReturnsMoneyOnce_EvenAskedTwice_AndIsNotified(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (merchant, payer, transactionId) = await PaidOrderAsync(app, "refund-01", 2_800);
        await using var notify = await LoopbackServer.AnsweringAsync(200);
        using var _ = merchant;

        var first = await merchant.PostAsync("/v3/refund/domestic/refunds", Refund("rf-0001", 500, 2_800, transactionId: transactionId, notifyUrl: notify.At("/refund").ToString()));
        var again = await merchant.PostAsync("/v3/refund/domestic/refunds", Refund("rf-0001", 500, 2_800, transactionId: transactionId, notifyUrl: notify.At("/refund").ToString()));
        var otherAmount = await merchant.PostAsync("/v3/refund/domestic/refunds", Refund("rf-0001", 600, 2_800, transactionId: transactionId));
        var queried = await merchant.GetAsync("/v3/refund/domestic/refunds/rf-0001");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(first.SignatureVerified);
        Assert.Equal(("SUCCESS", 500L, 2_800L), (first.Json["status"]!.GetValue<string>(), first.Json["amount"]!["refund"]!.GetValue<long>(), first.Json["amount"]!["total"]!.GetValue<long>()));
        Assert.Equal(first.Json["refund_id"]!.GetValue<string>(), again.Json["refund_id"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (otherAmount.Status, otherAmount.Code));
        Assert.Equal(first.Json["refund_id"]!.GetValue<string>(), queried.Json["refund_id"]!.GetValue<string>());
        Assert.Equal(10_000 - 2_800 + 500, (await payer.Client.GetWalletAsync(Ct)).Balance);

        await notify.WhenReached(1).WaitAsync(Eventually.Patience, Ct);
        var body = System.Text.Encoding.UTF8.GetString(notify.Seen.Single().Body);
        Assert.True(merchant.Verify(notify.Seen.Single().Headers, body));
        Assert.Equal("REFUND.SUCCESS", JsonNode.Parse(body)!["event_type"]!.GetValue<string>());
        var resource = merchant.Resource(body);
        Assert.Equal(("rf-0001", "SUCCESS", 500L), (resource["out_refund_no"]!.GetValue<string>(), resource["refund_status"]!.GetValue<string>(), resource["amount"]!["refund"]!.GetValue<long>()));

        var order = await merchant.GetAsync($"/v3/pay/transactions/id/{transactionId}?mchid={merchant.MchId}");
        Assert.Equal("REFUND", order.Json["trade_state"]!.GetValue<string>());
    }

    [Theory, ProviderData]
    public async Task Refunds_NeverExceedWhatWasPaid_AndStopAtFifty(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (merchant, payer, _) = await PaidOrderAsync(app, "refund-02", 100);
        using var _ = merchant;

        var over = await merchant.PostAsync("/v3/refund/domestic/refunds", Refund("rf-over", 101, 100, outTradeNo: "refund-02"));
        var wrongTotal = await merchant.PostAsync("/v3/refund/domestic/refunds", Refund("rf-total", 1, 99, outTradeNo: "refund-02"));
        var fifty = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            merchant.PostAsync("/v3/refund/domestic/refunds", Refund($"rf-{i:D3}", 1, 100, outTradeNo: "refund-02"))));
        var fiftyFirst = await merchant.PostAsync("/v3/refund/domestic/refunds", Refund("rf-051", 1, 100, outTradeNo: "refund-02"));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (over.Status, over.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR"), (wrongTotal.Status, wrongTotal.Code));
        Assert.All(fifty, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (fiftyFirst.Status, fiftyFirst.Code));
        Assert.Equal(10_000 - 100 + 50, (await payer.Client.GetWalletAsync(Ct)).Balance);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task AnUnpaidOrder_OrAnotherMerchantsOrder_CannotBeRefunded(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (merchant, _, transactionId) = await PaidOrderAsync(app, "refund-03", 1_000);
        using var _ = merchant;
        using var other = await V3Merchant.CreateAsync(app, await TestUser.CreateAsync(app, "other"), "Noodle Bar");
        await merchant.PostAsync("/v3/pay/transactions/native", OrderTests.JsApiOrder(merchant, "refund-unpaid", 1_000, null));

        var unpaid = await merchant.PostAsync("/v3/refund/domestic/refunds", Refund("rf-unpaid", 100, 1_000, outTradeNo: "refund-unpaid"));
        var notTheirs = await other.PostAsync("/v3/refund/domestic/refunds", Refund("rf-theirs", 100, 1_000, transactionId: transactionId));
        var both = Refund("rf-both", 100, 1_000, transactionId: transactionId);
        both["out_trade_no"] = "refund-03";
        var bothGiven = await merchant.PostAsync("/v3/refund/domestic/refunds", both);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (unpaid.Status, unpaid.Code));
        Assert.Equal((HttpStatusCode.NotFound, "ORDER_NOT_EXIST"), (notTheirs.Status, notTheirs.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR"), (bothGiven.Status, bothGiven.Code));
    }

    internal static JsonObject Refund(string outRefundNo, long refund, long total, string? transactionId = null, string? outTradeNo = null, string? notifyUrl = null)
    {
        var body = new JsonObject
        {
            ["out_refund_no"] = outRefundNo,
            ["reason"] = "Out of oolong",
            ["amount"] = new JsonObject { ["refund"] = refund, ["total"] = total, ["currency"] = "CNY" },
        };
        if (transactionId is not null)
        {
            body["transaction_id"] = transactionId;
        }

        if (outTradeNo is not null)
        {
            body["out_trade_no"] = outTradeNo;
        }

        if (notifyUrl is not null)
        {
            body["notify_url"] = notifyUrl;
        }

        return body;
    }

    /// <summary>A merchant, a payer who had 10,000, and an order of theirs paid: its transaction id.</summary>
    internal static async Task<(V3Merchant Merchant, TestUser Payer, string TransactionId)> PaidOrderAsync(HutongApp app, string outTradeNo, long amount)
    {
        var merchant = await V3Merchant.CreateAsync(app, await TestUser.CreateAsync(app, "owner"));
        await merchant.LoadCertificatesAsync();
        var payer = await OrderTests.PayerAsync(app, 10_000);
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var prepayId = (await merchant.PostAsync("/v3/pay/transactions/jsapi", OrderTests.JsApiOrder(merchant, outTradeNo, amount, openId))).Json["prepay_id"]!.GetValue<string>();
        var paid = await payer.Client.PayAsync(merchant.PayParameters(prepayId, "246810"), Ct);
        return (merchant, payer, paid.TransactionId);
    }
}
