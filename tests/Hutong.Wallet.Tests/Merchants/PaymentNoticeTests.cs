using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Realtime.Log;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>
/// Pay notices: the payer's devices are told of each payment and each refund (through <c>/v3</c> or by the merchant's
/// owner by hand), with the merchant's short name, and nobody else is; <c>GET /api/v1/wallet/notices</c> lists the
/// caller's own from their wallet's history, newest first; and a notice that cannot be written leaves the payment as
/// it is.
/// </summary>
public sealed class PaymentNoticeTests(PaymentServers servers) : IClassFixture<PaymentServers>
{
    private const string Pin = "246810";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task APayment_IsToldToItsPayersDevices_AndToNobodyElse(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await OrderTests.PayerAsync(app, 10_000);
        var bystander = await OrderTests.PayerAsync(app, 10_000);
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        await using var payersPhone = app.NewGateway(await payer.NewDeviceAsync(app, "phone"));
        await using var bystandersPhone = app.NewGateway(bystander.Client);
        await payersPhone.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);
        await bystandersPhone.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);

        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var prepayId = (await merchant.PostAsync("/v3/pay/transactions/jsapi", OrderTests.JsApiOrder(merchant, "notice-pay1", 2_800, openId))).Json["prepay_id"]!.GetValue<string>();
        var paid = await payer.Client.PayAsync(merchant.PayParameters(prepayId, Pin), Ct);
        var again = await payer.Client.PayAsync(merchant.PayParameters(prepayId, Pin), Ct);

        // The payer's other device hears of it: whom, how much, for what, and which payment.
        var heard = (PaymentNoticeEvent)await Eventually.ReadAsync(HutongApp.Delivered(payersPhone), f => f is PaymentNoticeEvent, "the Pay notice on the payer's phone");
        AssertSame(new PaidNotice("Tea House", 2_800, "CNY", "Oolong, a pot", paid.TransactionId, paid.PaidAt!.Value), heard.Notice);
        Assert.Equal(paid.TransactionId, again.TransactionId);

        // Paying again answered the same payment and told nothing more; the merchant's owner was told nothing.
        Assert.Single((await payer.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<PaymentNoticeEvent>());
        Assert.Empty((await owner.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<PaymentNoticeEvent>());

        // The bystander's first Pay notice is of their own later payment: the payer's never reached them.
        var theirs = await PayNativeAsync(merchant, bystander, "notice-pay2", 1_200);
        var bystanders = (PaymentNoticeEvent)await Eventually.ReadAsync(HutongApp.Delivered(bystandersPhone), f => f is PaymentNoticeEvent, "the bystander's own Pay notice");
        Assert.Equal(theirs.TransactionId, bystanders.Notice.TransactionId);
        Assert.Single((await bystander.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<PaymentNoticeEvent>());
    }

    [Theory, ProviderData]
    public async Task Refunds_ThroughV3_AndByTheOwnerByHand_AreEachToldToThePayerOnce(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await OrderTests.PayerAsync(app, 10_000);
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        await using var payersPhone = app.NewGateway(payer.Client);
        await payersPhone.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);
        var paid = await PayNativeAsync(merchant, payer, "notice-ref1", 2_800);

        var byV3 = await merchant.PostAsync("/v3/refund/domestic/refunds", RefundBody(paid.TransactionId, "notice-rf-1", 500));
        var byV3Again = await merchant.PostAsync("/v3/refund/domestic/refunds", RefundBody(paid.TransactionId, "notice-rf-1", 500));
        var refundId = byV3.Json["refund_id"]!.GetValue<string>();
        var heardV3 = await NextNoticeAsync(payersPhone, n => n is RefundedNotice, "the refund through /v3 on the payer's phone");

        var byHand = await owner.Client.RefundMerchantOrderAsync(
            Ids.Format(merchant.Merchant.Id), paid.TransactionId, new MerchantRefundRequest("notice-rf-2", 300, "cold tea"), Ct);
        var heardByHand = await NextNoticeAsync(payersPhone, n => n is RefundedNotice r && r.RefundId == byHand.RefundId, "the refund by hand on the payer's phone");

        Assert.Equal(refundId, byV3Again.Json["refund_id"]!.GetValue<string>());
        var v3Refund = Assert.IsType<RefundedNotice>(heardV3);
        AssertSame(new RefundedNotice("Tea House", 500, "CNY", "Oolong, a pot", paid.TransactionId, refundId, v3Refund.At), v3Refund);
        AssertSame(new RefundedNotice("Tea House", 300, "CNY", "Oolong, a pot", paid.TransactionId, byHand.RefundId, byHand.SuccessAt!.Value), heardByHand);
        Assert.Equal(10_000 - 2_800 + 500 + 300, (await payer.Client.GetWalletAsync(Ct)).Balance);

        // The log holds each once, in order, whatever was asked twice.
        var told = (await payer.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<PaymentNoticeEvent>().Select(e => e.Notice).ToList();
        Assert.Equal(
            [(PaymentNoticeKinds.Payment, 2_800L, (string?)null), (PaymentNoticeKinds.Refund, 500L, refundId), (PaymentNoticeKinds.Refund, 300L, byHand.RefundId)],
            told.Select(n => (Kind(n), n.Amount, (n as RefundedNotice)?.RefundId)));
        Assert.Empty((await owner.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<PaymentNoticeEvent>());
    }

    [Theory, ProviderData]
    public async Task TheNoticesList_IsTheCallersOwn_NewestFirst_AsTheyWereTold_AndPages(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await OrderTests.PayerAsync(app, 10_000);
        var other = await OrderTests.PayerAsync(app, 10_000);
        using var teaHouse = await V3Merchant.CreateAsync(app, owner);
        using var noodles = await V3Merchant.CreateAsync(app, owner, "Noodle Bar");
        var tea = await PayNativeAsync(teaHouse, payer, "notice-list1", 2_800);
        var noodle = await PayNativeAsync(noodles, payer, "notice-list2", 1_200);
        var theirs = await PayNativeAsync(noodles, other, "notice-list3", 900);
        var refund = await teaHouse.PostAsync("/v3/refund/domestic/refunds", RefundBody(tea.TransactionId, "notice-rf-3", 500));
        var refundId = refund.Json["refund_id"]!.GetValue<string>();

        var mine = await payer.Client.GetPaymentNoticesAsync(cancellationToken: Ct);
        var others = await other.Client.GetPaymentNoticesAsync(cancellationToken: Ct);

        Assert.Equal(
            [
                (PaymentNoticeKinds.Refund, "Tea House", 500L, tea.TransactionId, (string?)refundId),
                (PaymentNoticeKinds.Payment, "Noodle Bar", 1_200L, noodle.TransactionId, null),
                (PaymentNoticeKinds.Payment, "Tea House", 2_800L, tea.TransactionId, null),
            ],
            mine.Notices.Select(n => (Kind(n), n.MerchantName, n.Amount, n.TransactionId, (n as RefundedNotice)?.RefundId)));
        Assert.Null(mine.NextCursor);
        Assert.Equal([theirs.TransactionId], others.Notices.Select(n => n.TransactionId));
        Assert.Empty((await owner.Client.GetPaymentNoticesAsync(cancellationToken: Ct)).Notices);

        // The list says what the live notices said.
        var told = (await payer.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<PaymentNoticeEvent>().Select(e => e.Notice).Reverse().ToList();
        Assert.Equal(told.Count, mine.Notices.Count);
        foreach (var (listed, live) in mine.Notices.Zip(told))
        {
            AssertSame(live, listed);
        }

        // A page at a time, each from where the last ended.
        var pages = new List<PaymentNoticeList> { await payer.Client.GetPaymentNoticesAsync(1, cancellationToken: Ct) };
        while (pages[^1].NextCursor is { } cursor)
        {
            pages.Add(await payer.Client.GetPaymentNoticesAsync(1, cursor, Ct));
        }

        Assert.Equal(mine.Notices, pages.SelectMany(p => p.Notices));

        // A page's size and cursor are checked; nobody signed out sees any.
        var badLimit = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.GetPaymentNoticesAsync(0, cancellationToken: Ct));
        var badCursor = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.GetPaymentNoticesAsync(cursor: "not-a-cursor", cancellationToken: Ct));
        var signedOut = await Assert.ThrowsAsync<HutongApiException>(() => app.NewClient().GetPaymentNoticesAsync(cancellationToken: Ct));
        Assert.Equal(
            [(400, ErrorCodes.ValidationFailed), (400, ErrorCodes.ValidationFailed), (401, ErrorCodes.Unauthorized)],
            new[] { badLimit, badCursor, signedOut }.Select(e => (e.Status, e.Code)));
    }

    [Theory, ProviderData]
    public async Task ANoticeThatCannotBeWritten_NeitherFailsNorUndoesThePaymentOrRefund_AndTheListStillHasIt(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(
            provider, services: s => s.Decorate<IEventLogStore>(inner => new RefusingPaymentNotices(inner)), cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await OrderTests.PayerAsync(app, 10_000);
        using var merchant = await V3Merchant.CreateAsync(app, owner);

        var paid = await PayNativeAsync(merchant, payer, "notice-fail1", 2_800);
        var refunded = await merchant.PostAsync("/v3/refund/domestic/refunds", RefundBody(paid.TransactionId, "notice-rf-4", 500));

        Assert.Equal(PaymentStates.Paid, paid.State);
        Assert.Equal("SUCCESS", refunded.Json["status"]!.GetValue<string>());
        Assert.Equal(10_000 - 2_800 + 500, (await payer.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(PaymentStates.PartlyRefunded, (await payer.Client.GetPaymentAsync(paid.TransactionId, Ct)).State);
        Assert.Empty((await payer.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<PaymentNoticeEvent>());
        Assert.Equal(
            [PaymentNoticeKinds.Refund, PaymentNoticeKinds.Payment],
            (await payer.Client.GetPaymentNoticesAsync(cancellationToken: Ct)).Notices.Select(Kind));
    }

    private static async Task<PaymentResult> PayNativeAsync(V3Merchant merchant, TestUser payer, string outTradeNo, long amount)
    {
        var codeUrl = (await merchant.PostAsync("/v3/pay/transactions/native", OrderTests.JsApiOrder(merchant, outTradeNo, amount, null))).Json["code_url"]!.GetValue<string>();
        return await payer.Client.PayNativeAsync(codeUrl, Pin, Ct);
    }

    private static JsonObject RefundBody(string transactionId, string outRefundNo, long amount) => new()
    {
        ["transaction_id"] = transactionId,
        ["out_refund_no"] = outRefundNo,
        ["amount"] = new JsonObject { ["refund"] = amount, ["total"] = 2_800, ["currency"] = "CNY" },
    };

    private static async Task<PaymentNotice> NextNoticeAsync(HutongGateway gateway, Func<PaymentNotice, bool> matches, string awaited) =>
        ((PaymentNoticeEvent)await Eventually.ReadAsync(HutongApp.Delivered(gateway), f => f is PaymentNoticeEvent e && matches(e.Notice), awaited)).Notice;

    private static string Kind(PaymentNotice notice) => notice switch
    {
        PaidNotice => PaymentNoticeKinds.Payment,
        RefundedNotice => PaymentNoticeKinds.Refund,
        _ => throw new ArgumentOutOfRangeException(nameof(notice)),
    };

    /// <summary>
    /// The same notice: a time read back from PostgreSQL keeps microseconds, where the live notice has the node's
    /// clock to the tick.
    /// </summary>
    private static void AssertSame(PaymentNotice expected, PaymentNotice actual)
    {
        Assert.Equal(expected with { At = default }, actual with { At = default });
        Assert.InRange((actual.At - expected.At).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
    }

    /// <summary>An event log whose writes of Pay notices fail, as a database gone away would make them; all else is written.</summary>
    private sealed class RefusingPaymentNotices(IEventLogStore inner) : IEventLogStore
    {
        public Task AppendAsync(IReadOnlyList<StoredEvent> entries, CancellationToken cancellationToken) =>
            entries.Any(e => e.Kind == UserEventKinds.PaymentNotice)
                ? throw new InvalidOperationException("The event log is unavailable.")
                : inner.AppendAsync(entries, cancellationToken);

        public Task<long> GetLastSeqAsync(Guid userId, CancellationToken cancellationToken) => inner.GetLastSeqAsync(userId, cancellationToken);

        public Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid userId, long afterSeq, int limit, CancellationToken cancellationToken) =>
            inner.ReadAsync(userId, afterSeq, limit, cancellationToken);
    }
}
