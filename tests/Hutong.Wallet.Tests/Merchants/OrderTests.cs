using System.Net;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Core.Tests.Outbound;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>
/// Orders through WeChat Pay's v3 API as merchant code calls it, and their payment by a person through the public API,
/// on both providers: signatures both ways, idempotent creation, payment with the PIN, the signed notification, close.
/// </summary>
public sealed class OrderTests(PaymentServers servers) : IClassFixture<PaymentServers>
{
    private const string Pin = "246810";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AnOrder_RepeatedWithTheSameParameters_AnswersTheSamePrepayId_AndDifferentOnesAreRefused(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await TestUser.CreateAsync(app, "payer");
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        await merchant.LoadCertificatesAsync();
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);

        var first = await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-0001", 2_800, openId));
        var again = await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-0001", 2_800, openId));
        var changed = await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-0001", 2_900, openId));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(first.SignatureVerified, "the answer is signed with a platform certificate");
        Assert.Equal("application/json", first.ContentType);
        var prepayId = first.Json["prepay_id"]!.GetValue<string>();
        Assert.StartsWith("wx", prepayId, StringComparison.Ordinal);
        Assert.Equal(prepayId, again.Json["prepay_id"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.Forbidden, "OUT_TRADE_NO_USED"), (changed.Status, changed.Code));
        Assert.True(changed.SignatureVerified, "errors are signed too");
    }

    [Theory, ProviderData]
    public async Task ABadOrStaleSignature_Gets401_AndTheSerialIsComparedAsANumber(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        await merchant.LoadCertificatesAsync();
        var body = JsApiOrder(merchant, "order-sig1", 100, "o-someone").ToJsonString();

        var tampered = await merchant.SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", body,
            request => request.Content = new StringContent(body.Replace("100", "1", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        var realNow = merchant.Now;
        merchant.Now = () => realNow() - TimeSpan.FromMinutes(6);
        var stale = await merchant.SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", body);
        merchant.Now = realNow;
        var unsigned = await merchant.SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", body, request => request.Headers.Remove("Authorization"));
        var query = await merchant.GetAsync($"/v3/pay/transactions/out-trade-no/nosuchorder?mchid={merchant.MchId}");

        // The signature covers the path as sent: percent-encoded here ('|' is allowed in out_trade_no), lowercase
        // serial digits and leading zeros read as the same number.
        var created = await merchant.PostAsync("/v3/pay/transactions/native", JsApiOrder(merchant, "tbl|0001*", 100, null));
        var encoded = await merchant.GetAsync($"/v3/pay/transactions/out-trade-no/tbl%7C0001*?mchid={merchant.MchId}");
        using var spelledOtherwise = merchant.WithSerial("00" + merchant.Serial.ToLowerInvariant());
        var byOtherSpelling = await spelledOtherwise.GetAsync($"/v3/pay/transactions/out-trade-no/tbl%7C0001*?mchid={merchant.MchId}");
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("tbl|0001*", encoded.Json["out_trade_no"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, byOtherSpelling.Status);

        Assert.Equal((HttpStatusCode.Unauthorized, "SIGN_ERROR"), (tampered.Status, tampered.Code));
        Assert.Equal((HttpStatusCode.Unauthorized, "SIGN_ERROR"), (stale.Status, stale.Code));
        Assert.Equal((HttpStatusCode.Unauthorized, "SIGN_ERROR"), (unsigned.Status, unsigned.Code));
        Assert.Equal((HttpStatusCode.NotFound, "ORDER_NOT_EXIST"), (query.Status, query.Code));
        Assert.True(query.SignatureVerified);
    }

    [Theory, ProviderData]
    public async Task APayment_WithThePin_MovesTheMoney_AndTheMerchantIsNotifiedSigned_AndCanQuery(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await PayerAsync(app, 10_000);
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        await merchant.LoadCertificatesAsync();
        await using var notify = await LoopbackServer.AnsweringAsync(200);
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var order = JsApiOrder(merchant, "order-pay1", 2_800, openId, notify.At("/pay/notify").ToString());
        order["attach"] = "table 7";
        var prepayId = (await merchant.PostAsync("/v3/pay/transactions/jsapi", order)).Json["prepay_id"]!.GetValue<string>();

        var preview = await payer.Client.PreviewPaymentAsync(merchant.PayParameters(prepayId), Ct);
        var paid = await payer.Client.PayAsync(merchant.PayParameters(prepayId, Pin), Ct);
        var again = await payer.Client.PayAsync(merchant.PayParameters(prepayId, Pin), Ct);

        Assert.Equal(("Tea House", 2_800L, PaymentStates.Unpaid), (preview.MerchantName, preview.Amount, preview.State));
        Assert.Equal(PaymentStates.Paid, paid.State);
        Assert.Equal(paid.TransactionId, again.TransactionId);
        Assert.Equal(10_000 - 2_800, (await payer.Client.GetWalletAsync(Ct)).Balance);

        await notify.WhenReached(1).WaitAsync(Eventually.Patience, Ct);
        var seen = notify.Seen.Single();
        var text = System.Text.Encoding.UTF8.GetString(seen.Body);
        Assert.True(merchant.Verify(seen.Headers, text), "the notification is signed like an answer");
        var envelope = JsonNode.Parse(text)!;
        Assert.Equal("TRANSACTION.SUCCESS", envelope["event_type"]!.GetValue<string>());
        // Compact, with UTF-8 as is: re-serialised without escaping, the body is the same bytes the signature covers.
        Assert.Equal(envelope.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), text);
        Assert.Contains("支付成功", text, StringComparison.Ordinal);
        var resource = merchant.Resource(text);
        Assert.Equal(("order-pay1", "SUCCESS", 2_800L, openId, "table 7"), (
            resource["out_trade_no"]!.GetValue<string>(), resource["trade_state"]!.GetValue<string>(), resource["amount"]!["total"]!.GetValue<long>(),
            resource["payer"]!["openid"]!.GetValue<string>(), resource["attach"]!.GetValue<string>()));

        var queried = await merchant.GetAsync($"/v3/pay/transactions/id/{paid.TransactionId}?mchid={merchant.MchId}");
        Assert.Equal("SUCCESS", queried.Json["trade_state"]!.GetValue<string>());
        Assert.True(queried.SignatureVerified);
        Assert.Equal(1, notify.Requests);
    }

    [Theory, ProviderData]
    public async Task TwoDevicesPayingOneOrderAtOnce_PayOnce(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await PayerAsync(app, 10_000);
        var tablet = await payer.NewDeviceAsync(app, "tablet");
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var prepayId = (await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-race", 3_000, openId))).Json["prepay_id"]!.GetValue<string>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? payer.Client : tablet).PayAsync(merchant.PayParameters(prepayId, Pin), Ct)));

        Assert.Single(results.Select(r => r.TransactionId).Distinct());
        Assert.Equal(7_000, (await payer.Client.GetWalletAsync(Ct)).Balance);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task SomeoneElse_OrAForgedPaySign_CannotPay(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await PayerAsync(app, 5_000);
        var stranger = await PayerAsync(app, 5_000);
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var prepayId = (await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-mine", 1_000, openId))).Json["prepay_id"]!.GetValue<string>();

        var notYours = await Assert.ThrowsAsync<HutongApiException>(() => stranger.Client.PayAsync(merchant.PayParameters(prepayId, Pin), Ct));
        var forged = merchant.PayParameters(prepayId, Pin) with { PaySign = merchant.PayParameters("wx" + prepayId[2..^1] + "0", Pin).PaySign };
        var badSign = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.PayAsync(forged, Ct));
        var wrongPin = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.PayAsync(merchant.PayParameters(prepayId, "135790"), Ct));

        Assert.Equal((403, ErrorCodes.NotYourOrder), (notYours.Status, notYours.Code));
        Assert.Equal((400, ErrorCodes.BadPaySign), (badSign.Status, badSign.Code));
        Assert.Equal((403, ErrorCodes.WrongPin), (wrongPin.Status, wrongPin.Code));
        Assert.Equal(5_000, (await payer.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(5_000, (await stranger.Client.GetWalletAsync(Ct)).Balance);
    }

    [Theory, ProviderData]
    public async Task AClosedOrder_CannotBePaid_AndAPaidOneCannotBeClosed(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await PayerAsync(app, 5_000);
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        await merchant.LoadCertificatesAsync();
        var openId = await V3Merchant.OpenIdAsync(app, merchant.AppId, payer);
        var closing = (await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-close", 1_000, openId))).Json["prepay_id"]!.GetValue<string>();
        var paying = (await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-keep", 1_000, openId))).Json["prepay_id"]!.GetValue<string>();

        var closed = await merchant.PostAsync("/v3/pay/transactions/out-trade-no/order-close/close", new JsonObject { ["mchid"] = merchant.MchId });
        var payClosed = await Assert.ThrowsAsync<HutongApiException>(() => payer.Client.PayAsync(merchant.PayParameters(closing, Pin), Ct));
        await payer.Client.PayAsync(merchant.PayParameters(paying, Pin), Ct);
        var closePaid = await merchant.PostAsync("/v3/pay/transactions/out-trade-no/order-keep/close", new JsonObject { ["mchid"] = merchant.MchId });
        var reopen = await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-close", 1_000, openId));

        Assert.Equal(HttpStatusCode.NoContent, closed.Status);
        Assert.Equal(string.Empty, closed.Body);
        Assert.True(closed.SignatureVerified);
        Assert.Equal((409, ErrorCodes.OrderClosed), (payClosed.Status, payClosed.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "ORDERPAID"), (closePaid.Status, closePaid.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "ORDER_CLOSED"), (reopen.Status, reopen.Code));
        Assert.Equal(4_000, (await payer.Client.GetWalletAsync(Ct)).Balance);
    }

    [Theory, ProviderData]
    public async Task ANativeCode_IsPaidByWhoeverScansIt(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var payer = await PayerAsync(app, 5_000);
        using var merchant = await V3Merchant.CreateAsync(app, owner);
        var order = JsApiOrder(merchant, "order-qr01", 1_500, null);

        var created = await merchant.PostAsync("/v3/pay/transactions/native", order);
        var codeUrl = created.Json["code_url"]!.GetValue<string>();
        var preview = await payer.Client.PreviewNativePaymentAsync(codeUrl, Ct);
        var paid = await payer.Client.PayNativeAsync(codeUrl, Pin, Ct);
        var queried = await merchant.GetAsync($"/v3/pay/transactions/out-trade-no/order-qr01?mchid={merchant.MchId}");

        Assert.StartsWith("hutong://pay/", codeUrl, StringComparison.Ordinal);
        Assert.Equal(("Tea House", 1_500L), (preview.MerchantName, preview.Amount));
        Assert.Equal(PaymentStates.Paid, paid.State);
        Assert.Equal(("SUCCESS", "NATIVE", await V3Merchant.OpenIdAsync(app, merchant.AppId, payer)), (
            queried.Json["trade_state"]!.GetValue<string>(), queried.Json["trade_type"]!.GetValue<string>(), queried.Json["payer"]!["openid"]!.GetValue<string>()));
        Assert.Equal(paid, await payer.Client.GetPaymentAsync(paid.TransactionId, Ct));
    }

    [Theory, ProviderData]
    public async Task BadOrderFields_AreParamErrors_AndNothingIsStored(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        using var merchant = await V3Merchant.CreateAsync(app, owner);

        var shortNumber = await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "abc", 100, "o-x"));
        var noPayer = JsApiOrder(merchant, "order-nopayer", 100, "o-x");
        noPayer.Remove("payer");
        var missingPayer = await merchant.PostAsync("/v3/pay/transactions/jsapi", noPayer);
        var zero = await merchant.PostAsync("/v3/pay/transactions/jsapi", JsApiOrder(merchant, "order-zero", 0, "o-x"));
        var unbound = JsApiOrder(merchant, "order-unbound", 100, "o-x");
        unbound["appid"] = "wx0000000000000000";
        var notBound = await merchant.PostAsync("/v3/pay/transactions/jsapi", unbound);
        var notJson = await merchant.SendAsync(HttpMethod.Post, "/v3/pay/transactions/jsapi", "{not json");

        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR"), (shortNumber.Status, shortNumber.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR"), (missingPayer.Status, missingPayer.Code));
        Assert.Contains("payer", missingPayer.Json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR"), (zero.Status, zero.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "APPID_MCHID_NOT_MATCH"), (notBound.Status, notBound.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR"), (notJson.Status, notJson.Code));
        var none = await merchant.GetAsync($"/v3/pay/transactions/out-trade-no/order-unbound?mchid={merchant.MchId}");
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
    }

    internal static JsonObject JsApiOrder(V3Merchant merchant, string outTradeNo, long total, string? openId, string notifyUrl = "https://merchant.example/notify")
    {
        var order = new JsonObject
        {
            ["appid"] = merchant.AppId,
            ["mchid"] = merchant.MchId,
            ["description"] = "Oolong, a pot",
            ["out_trade_no"] = outTradeNo,
            ["notify_url"] = notifyUrl,
            ["amount"] = new JsonObject { ["total"] = total, ["currency"] = "CNY" },
        };
        if (openId is not null)
        {
            order["payer"] = new JsonObject { ["openid"] = openId };
        }

        return order;
    }

    internal static async Task<TestUser> PayerAsync(HutongApp app, long balance)
    {
        var payer = await TestUser.CreateAsync(app, "payer");
        await payer.Client.SetPinAsync(Pin, cancellationToken: Ct);
        await payer.Client.TopUpAsync("seed", balance, Ct);
        return payer;
    }
}
