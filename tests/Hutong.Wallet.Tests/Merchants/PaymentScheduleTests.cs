using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Core.Tests.Outbound;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants.Notifications;
using Hutong.Wallet.Merchants.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>
/// What happens with time, on a node with its own fake clock: the notification retry schedule, an order expiring,
/// settlement to the merchant, and sweepers racing over the same orders.
/// </summary>
public sealed class PaymentScheduleTests
{
    private const string Pin = "246810";

    private static readonly Dictionary<string, string?> Settings = new() { ["Hutong:Outbound:AllowPrivateAddresses"] = "true" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ANotificationNotAcknowledged_IsRetriedOnWeChatsSchedule_ThenLeftForTheMerchantToQuery(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, Settings, clock, cancellationToken: Ct);
        await using var notify = await LoopbackServer.AnsweringAsync(500);
        var (merchant, _) = await PayAsync(app, "sched-001", notify.At("/notify").ToString());
        using var _ = merchant;
        var outbox = app.Services.GetRequiredService<INotificationOutbox>();

        await notify.WhenReached(1).WaitAsync(Eventually.Patience, Ct);
        for (var attempt = 1; attempt <= NotificationDispatcher.Schedule.Count; attempt++)
        {
            // After each failed attempt the next is due exactly one step of the schedule later.
            var failedAt = clock.GetUtcNow();
            var row = await Eventually.ValueAsync(
                async token => (await outbox.ListAsync(merchant.Merchant.Id, 10, token)).Single(), n => n.Attempts == attempt, $"attempt {attempt} recorded");
            Assert.Equal(failedAt + NotificationDispatcher.Schedule[attempt - 1], row.NextAttemptAt);
            clock.Advance(NotificationDispatcher.Schedule[attempt - 1]);
            await notify.WhenReached(attempt + 1).WaitAsync(Eventually.Patience, Ct);
        }

        var last = await Eventually.ValueAsync(
            async token => (await outbox.ListAsync(merchant.Merchant.Id, 10, token)).Single(), n => n.Attempts == 16, "the last attempt recorded");
        Assert.Null(last.DeliveredAt);
        Assert.Equal(16, notify.Requests);
        var bodies = notify.Seen.Select(s => System.Text.Encoding.UTF8.GetString(s.Body)).Distinct().ToList();
        Assert.Single(bodies);

        // Nothing more is due: a second order's notification arrives and the first has not been sent again.
        clock.Advance(TimeSpan.FromHours(12));
        await PayAsync(app, "sched-002", notify.At("/notify").ToString(), merchant);
        await notify.WhenReached(17).WaitAsync(Eventually.Patience, Ct);
        Assert.Equal(17, notify.Requests);
    }

    [Theory, ProviderData]
    public async Task AMerchantThatFailsThenAnswers_IsNotifiedAgainOnce_ThenNoMore(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, Settings, clock, cancellationToken: Ct);
        await using var notify = await LoopbackServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = number == 1 ? 500 : 204;
            return Task.CompletedTask;
        });
        var (merchant, _) = await PayAsync(app, "retry-001", notify.At("/notify").ToString());
        using var _ = merchant;
        var outbox = app.Services.GetRequiredService<INotificationOutbox>();

        await notify.WhenReached(1).WaitAsync(Eventually.Patience, Ct);
        await Eventually.ValueAsync(async token => (await outbox.ListAsync(merchant.Merchant.Id, 10, token)).Single(), n => n.Attempts == 1, "the failure recorded");
        clock.Advance(TimeSpan.FromSeconds(15));
        await notify.WhenReached(2).WaitAsync(Eventually.Patience, Ct);
        var delivered = await Eventually.ValueAsync(
            async token => (await outbox.ListAsync(merchant.Merchant.Id, 10, token)).Single(), n => n.DeliveredAt is not null, "the delivery recorded");

        clock.Advance(TimeSpan.FromHours(1));
        await PayAsync(app, "retry-002", notify.At("/notify").ToString(), merchant);
        await notify.WhenReached(3).WaitAsync(Eventually.Patience, Ct);
        Assert.Equal(3, notify.Requests);
        Assert.Equal(2, delivered.Attempts);
    }

    [Theory, ProviderData]
    public async Task Settlement_MovesWhatWasNotRefunded_Once_WhileSweepersRace_AndLaterRefundsComeFromTheMerchant(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, Settings, clock, cancellationToken: Ct);
        var (merchant, payer) = await PayAsync(app, "settle-01", "https://merchant.example/notify");
        using var _ = merchant;
        var ledger = app.Services.GetRequiredService<ILedgerStore>();
        var orders = app.Services.GetRequiredService<OrderService>();
        await merchant.LoadCertificatesAsync();
        var early = await merchant.PostAsync("/v3/refund/domestic/refunds", RefundTests.Refund("rf-early", 300, 2_800, outTradeNo: "settle-01"));
        Assert.Equal(HttpStatusCode.OK, early.Status);

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => orders.SweepAsync(Ct), Ct)));
        await orders.SweepAsync(Ct);

        var settled = await ledger.FindAccountAsync(merchant.Merchant.Id, Ct);
        Assert.Equal(2_500, settled!.Balance);
        var order = await app.Services.GetRequiredService<IOrderStore>().FindByOutTradeNoAsync(merchant.Merchant.Id, "settle-01", Ct);
        Assert.NotNull(order!.SettledAt);
        Assert.Equal(0, (await ledger.FindAccountAsync(order.Id, Ct))!.Balance);

        var late = await merchant.PostAsync("/v3/refund/domestic/refunds", RefundTests.Refund("rf-late", 2_000, 2_800, outTradeNo: "settle-01"));
        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Equal(500, (await ledger.FindAccountAsync(merchant.Merchant.Id, Ct))!.Balance);

        // The merchant has paid its money out: the last refund finds nothing to come from, moves nothing, and the
        // same out_refund_no goes through once the merchant holds the money again.
        var writer = app.Services.GetRequiredService<LedgerWriter>();
        Assert.True((await writer.ApplyAsync(new TransferRequest("test-out", merchant.Merchant.Id, WalletAccounts.RailId, 500, TransferCode.MerchantPayout))).Succeeded);
        var short1 = await merchant.PostAsync("/v3/refund/domestic/refunds", RefundTests.Refund("rf-last", 500, 2_800, outTradeNo: "settle-01"));
        Assert.Equal((HttpStatusCode.Forbidden, "NOT_ENOUGH"), (short1.Status, short1.Code));
        Assert.True((await writer.ApplyAsync(new TransferRequest("test-in", WalletAccounts.RailId, merchant.Merchant.Id, 500, TransferCode.TopUp))).Succeeded);
        var retried = await merchant.PostAsync("/v3/refund/domestic/refunds", RefundTests.Refund("rf-last", 500, 2_800, outTradeNo: "settle-01"));
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Equal(0, (await ledger.FindAccountAsync(merchant.Merchant.Id, Ct))!.Balance);
        Assert.Equal(10_000, (await payer.Client.GetWalletAsync(Ct)).Balance);
        Assert.True((await ledger.TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task AnOrderPastItsTime_IsClosedByTheSweep_AndCannotBePaid(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, Settings, clock, cancellationToken: Ct);
        using var merchant = await V3Merchant.CreateAsync(app, await TestUser.CreateAsync(app, "owner"));
        var payer = await OrderTests.PayerAsync(app, 5_000);
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var prepayId = (await merchant.PostAsync("/v3/pay/transactions/jsapi", OrderTests.JsApiOrder(merchant, "expire-01", 1_000, openId))).Json["prepay_id"]!.GetValue<string>();

        clock.Advance(TimeSpan.FromHours(2));
        await app.Services.GetRequiredService<OrderService>().SweepAsync(Ct);
        var refused = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.PayAsync(merchant.PayParameters(prepayId, Pin), Ct));
        var queried = await merchant.GetAsync($"/v3/pay/transactions/out-trade-no/expire-01?mchid={merchant.MchId}");

        Assert.Equal(ErrorCodes.OrderClosed, refused.Code);
        Assert.Equal("CLOSED", queried.Json["trade_state"]!.GetValue<string>());
        Assert.Equal(5_000, (await payer.Client.GetWalletAsync(Ct)).Balance);
    }

    [Theory, ProviderData]
    public async Task APrepayId_StartsAPaymentForTwoHours_ThenTheSameOrderAgainAnswersANewOne(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, Settings, clock, cancellationToken: Ct);
        using var merchant = await V3Merchant.CreateAsync(app, await TestUser.CreateAsync(app, "owner"));
        var payer = await OrderTests.PayerAsync(app, 5_000);
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var order = OrderTests.JsApiOrder(merchant, "prepay-01", 1_000, openId);
        order["time_expire"] = (clock.GetUtcNow() + TimeSpan.FromHours(6)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var native = OrderTests.JsApiOrder(merchant, "prepay-02", 1_000, null);
        native["time_expire"] = order["time_expire"]!.DeepClone();
        async Task<string> CreateAsync(string kind, JsonObject body, string field) =>
            (await merchant.PostAsync($"/v3/pay/transactions/{kind}", body)).Json[field]!.GetValue<string>();

        var first = await CreateAsync("jsapi", order, "prepay_id");
        var code = await CreateAsync("native", native, "code_url");
        clock.Advance(TimeSpan.FromMinutes(119));
        var within = await CreateAsync("jsapi", order, "prepay_id");
        clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.PreviewPaymentAsync(merchant.PayParameters(first, Pin), Ct));
        var codeExpired = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.PayNativeAsync(code, Pin, Ct));
        var renewed = await CreateAsync("jsapi", order, "prepay_id");
        var renewedCode = await CreateAsync("native", native, "code_url");
        var paid = await payer.Client.PayAsync(merchant.PayParameters(renewed, Pin), Ct);
        var paidByCode = await payer.Client.PayNativeAsync(renewedCode, Pin, Ct);
        var old = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.PreviewPaymentAsync(merchant.PayParameters(first, Pin), Ct));

        Assert.Equal(first, within);
        Assert.Equal((409, ErrorCodes.PaymentExpired), (expired.Status, expired.Code));
        Assert.Equal((409, ErrorCodes.PaymentExpired), (codeExpired.Status, codeExpired.Code));
        Assert.NotEqual(first, renewed);
        Assert.NotEqual(code, renewedCode);
        Assert.Equal((PaymentStates.Paid, PaymentStates.Paid), (paid.State, paidByCode.State));
        Assert.Equal(ErrorCodes.OrderNotFound, old.Code);
        Assert.Equal(3_000, (await payer.Client.GetWalletAsync(Ct)).Balance);
    }

    /// <summary>A paid order of 2,800 (a new merchant unless one is given); the payer had 10,000.</summary>
    private static async Task<(V3Merchant Merchant, TestUser Payer)> PayAsync(HutongApp app, string outTradeNo, string notifyUrl, V3Merchant? merchant = null)
    {
        merchant ??= await V3Merchant.CreateAsync(app, await TestUser.CreateAsync(app, "owner"));
        var payer = await OrderTests.PayerAsync(app, 10_000);
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var created = await merchant.PostAsync("/v3/pay/transactions/jsapi", OrderTests.JsApiOrder(merchant, outTradeNo, 2_800, openId, notifyUrl));
        await payer.Client.PayAsync(merchant.PayParameters(created.Json["prepay_id"]!.GetValue<string>(), Pin), Ct);
        return (merchant, payer);
    }
}
