using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>The owner's view of a merchant's orders on both providers: pages, one order with its refunds, refunds by hand, and who may see or refund.</summary>
public sealed class MerchantOrdersApiTests(PaymentServers servers) : IClassFixture<PaymentServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task TheOwner_PagesThroughOrders_AndRefundsOne_WhileOthersSeeNothing(StorageProvider provider)
    {
        var (app, operatorClient) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        var payer = await OrderTests.PayerAsync(app, 10_000);
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var paidIds = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var prepayId = (await merchant.PostAsync("/v3/pay/transactions/jsapi", OrderTests.JsApiOrder(merchant, $"page-{i:D4}", 1_000 + i, openId))).Json["prepay_id"]!.GetValue<string>();
            if (i < 3)
            {
                paidIds.Add((await payer.Client.PayAsync(merchant.PayParameters(prepayId, "246810"), Ct)).TransactionId);
            }
        }

        var merchantId = Ids.Format(merchant.Merchant.Id);
        var first = await owner.Client.GetMerchantOrdersAsync(merchantId, limit: 2, cancellationToken: Ct);
        var second = await owner.Client.GetMerchantOrdersAsync(merchantId, first.Cursor, 2, Ct);
        var third = await owner.Client.GetMerchantOrdersAsync(merchantId, second.Cursor, 2, Ct);
        Assert.Equal(["page-0004", "page-0003", "page-0002", "page-0001", "page-0000"], first.Items.Concat(second.Items).Concat(third.Items).Select(o => o.OutTradeNo));
        Assert.Null(third.Cursor);

        var refund = await owner.Client.RefundMerchantOrderAsync(merchantId, paidIds[0], new MerchantRefundRequest("by-hand-01", 400, "broken cup"), Ct);
        var again = await owner.Client.RefundMerchantOrderAsync(merchantId, paidIds[0], new MerchantRefundRequest("by-hand-01", 400, "broken cup"), Ct);
        var over = await Assert.ThrowsAsync<HutongApiException>(() =>
            owner.Client.RefundMerchantOrderAsync(merchantId, paidIds[0], new MerchantRefundRequest("by-hand-02", 700, null), Ct));
        var reused = await Assert.ThrowsAsync<HutongApiException>(() =>
            owner.Client.RefundMerchantOrderAsync(merchantId, paidIds[0], new MerchantRefundRequest("by-hand-01", 300, null), Ct));
        var order = await owner.Client.GetMerchantOrderAsync(merchantId, paidIds[0], Ct);

        Assert.Equal((400L, "SUCCESS", "broken cup"), (refund.Amount, refund.State, refund.Reason));
        Assert.Equal(refund.RefundId, again.RefundId);
        Assert.Equal((409, ErrorCodes.RefundRefused), (over.Status, over.Code));
        Assert.Equal((409, ErrorCodes.IdempotencyConflict), (reused.Status, reused.Code));
        Assert.Equal(("REFUND", 400L), (order.State, order.RefundedAmount));
        Assert.Equal(refund.RefundId, Assert.Single(order.Refunds!).RefundId);
        Assert.Equal(10_000 - 1_000 - 1_001 - 1_002 + 400, (await payer.Client.GetWalletAsync(Ct)).Balance);
        var balance = await owner.Client.GetMerchantBalanceAsync(merchantId, Ct);
        Assert.Equal((0L, 1_000L + 1_001 + 1_002 - 400), (balance.Settled, balance.Unsettled));

        // Another person learns nothing; an operator may look but not refund.
        var stranger = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.GetMerchantOrdersAsync(merchantId, cancellationToken: Ct));
        var strangerRefund = await Assert.ThrowsAsync<HutongApiException>(() =>
            payer.Client.RefundMerchantOrderAsync(merchantId, paidIds[1], new MerchantRefundRequest("mine-0001", 1_001, null), Ct));
        var looked = await operatorClient.GetMerchantOrderAsync(merchantId, paidIds[1], Ct);
        var operatorRefund = await Assert.ThrowsAsync<HutongApiException>(() =>
            operatorClient.RefundMerchantOrderAsync(merchantId, paidIds[1], new MerchantRefundRequest("ops-00001", 1_001, null), Ct));
        Assert.Equal((404, ErrorCodes.MerchantNotFound), (stranger.Status, stranger.Code));
        Assert.Equal((404, ErrorCodes.MerchantNotFound), (strangerRefund.Status, strangerRefund.Code));
        Assert.Equal("SUCCESS", looked.State);
        Assert.Equal((403, ErrorCodes.NotMerchantOwner), (operatorRefund.Status, operatorRefund.Code));
        Assert.Equal(10_000 - 1_000 - 1_001 - 1_002 + 400, (await payer.Client.GetWalletAsync(Ct)).Balance);
    }
}
