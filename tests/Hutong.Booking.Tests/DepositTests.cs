extern alias BookingSample;

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Core.Tests.Outbound;
using Hutong.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Hutong.Booking.Tests;

/// <summary>
/// The booking sample's deposit against a real node and the real backend. The studio's merchant is set up through the
/// node's API as the README does it; the backend orders the deposit when a person books and hands the app what
/// <c>wx.requestPayment</c> needs; the person pays it over the node's API with exactly those parameters; the backend
/// counts it paid only on the platform's word (a notification whose signature verifies over the body as sent, or the
/// answer to its own query), once however often that comes; forged and tampered notifications change nothing; and
/// cancelling refunds a paid deposit or closes an unpaid one's order.
/// </summary>
public sealed class DepositTests(BookingNode node) : IClassFixture<BookingNode>
{
    private const string Pin = "246810";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDeposit_PaidWithTheAppsParameters_IsMarkedPaidByTheNotification_AndCancellingRefundsIt()
    {
        await using var studio = await StudioAsync();
        var mei = await PayerAsync(studio.App);
        using var http = await studio.Backend.SignInAsync(mei);

        Assert.Equal("¥20", (string)(await GetAsync(http, "/api/services"))["services"]![0]!["depositText"]!);
        var booked = await BookAsync(http);
        Assert.Equal((2000, "¥20", "unpaid"), Deposit(booked));
        var payment = booked["payment"]!.AsObject();
        Assert.Equal(["timeStamp", "nonceStr", "package", "signType", "paySign"], payment.Select(p => p.Key));
        Assert.Equal("RSA", (string)payment["signType"]!);
        Assert.StartsWith("prepay_id=", (string)payment["package"]!, StringComparison.Ordinal);

        // What the cashier does with the app's parameters and Mei's PIN.
        var paid = await mei.Client.PayAsync(PayRequestOf(studio.AppId, payment, Pin), Ct);
        Assert.Equal((PaymentStates.Paid, "Lotus Massage", 2000L), (paid.State, paid.MerchantName, paid.Amount));
        Assert.Equal("Deposit: Foot massage, " + (string)booked["day"]! + " 10:00", paid.Description);

        // The list never asks the platform: only the notification can have made it paid.
        var id = (long)booked["id"]!;
        await Eventually.ValueAsync(
            async _ => Deposit(Assert.Single((await GetAsync(http, "/api/bookings"))["bookings"]!.AsArray())!.AsObject()).State,
            state => state == "paid", "the backend told of the payment by the node's notification");
        Assert.Equal(8_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
        using var payAgain = await http.PostAsync($"/api/bookings/{id}/deposit", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, payAgain.StatusCode);

        using var cancelled = await http.DeleteAsync($"/api/bookings/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Empty((await GetAsync(http, "/api/bookings"))["bookings"]!.AsArray());
        Assert.Equal(10_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
        var refund = (await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries[0];
        Assert.Equal((WalletEntryKinds.Refund, 2000L, "Lotus Massage"), (refund.Kind, refund.Amount, refund.Title));
        Assert.Equal(PaymentStates.Refunded, (await mei.Client.GetPaymentAsync(paid.TransactionId, Ct)).State);
    }

    [Fact]
    public async Task ANotification_CountsOnlyWithThePlatformsSignatureOverItsBody_AndOnceHoweverOftenItComes()
    {
        // The node's notifications go to a stand-in that keeps them, so the test decides what reaches the backend.
        await using var keeper = await LoopbackServer.AnsweringAsync(204);
        await using var studio = await StudioAsync(keeper.At("/kept"));
        var mei = await PayerAsync(studio.App);
        using var http = await studio.Backend.SignInAsync(mei);
        var booked = await BookAsync(http);
        await mei.Client.PayAsync(PayRequestOf(studio.AppId, booked["payment"]!.AsObject(), Pin), Ct);

        await keeper.WhenReached(1).WaitAsync(Eventually.Patience, Ct);
        var genuine = keeper.Seen.Single();
        var body = Encoding.UTF8.GetString(genuine.Body);
        var signature = genuine.Headers.Where(h => h.Key.StartsWith("Wechatpay-", StringComparison.OrdinalIgnoreCase)).ToDictionary();
        var transaction = studio.Merchant.Decrypt(body);
        Assert.Equal(("SUCCESS", 2000), ((string)transaction["trade_state"]!, (int)transaction["amount"]!["total"]!));
        using var platform = studio.Backend.CreateClient();

        // The genuine signature over a body changed by one field; a body made with the API v3 key (as someone who
        // learnt it could) and signed with a key that is not the platform's; the same body with no signature at all.
        var tampered = JsonNode.Parse(body)!.AsObject();
        tampered["create_time"] = "2026-12-05T10:00:01+08:00";
        var forged = studio.Merchant.Encrypt(transaction, "forged-notification");
        using var forger = RSA.Create(2048);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var forgedSignature = new Dictionary<string, string>(signature, StringComparer.OrdinalIgnoreCase)
        {
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = "forgednonce",
            ["Wechatpay-Signature"] = Convert.ToBase64String(forger.SignData(
                Encoding.UTF8.GetBytes($"{timestamp}\nforgednonce\n{forged}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
        };
        foreach (var (what, attempt) in new[]
        {
            ("tampered", (Body: tampered.ToJsonString(), Headers: signature)),
            ("forged", (Body: forged, Headers: forgedSignature)),
            ("unsigned", (Body: forged, Headers: new Dictionary<string, string>())),
        })
        {
            using var refused = await NotifyAsync(platform, attempt.Body, attempt.Headers);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"the {what} notification: {(int)refused.StatusCode}");
            Assert.Equal("FAIL", (string)JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!["code"]!);
            Assert.Equal("unpaid", Deposit(await OnlyBookingAsync(http)).State);
        }

        using var delivered = await NotifyAsync(platform, body, signature);
        Assert.Equal(HttpStatusCode.NoContent, delivered.StatusCode);
        Assert.Equal("paid", Deposit(await OnlyBookingAsync(http)).State);
        using var redelivered = await NotifyAsync(platform, body, signature);
        Assert.Equal(HttpStatusCode.NoContent, redelivered.StatusCode);
        Assert.Equal("paid", Deposit(await OnlyBookingAsync(http)).State);
    }

    [Fact]
    public async Task WhenNoNotificationHasCome_AskingForTheDeposit_LooksTheOrderUp()
    {
        // A notify URL that refuses everything: the node will try again later; the app asks now.
        await using var failing = await LoopbackServer.AnsweringAsync(500);
        await using var studio = await StudioAsync(failing.At("/failing"));
        var mei = await PayerAsync(studio.App);
        using var http = await studio.Backend.SignInAsync(mei);
        var booked = await BookAsync(http);
        var id = (long)booked["id"]!;
        Assert.Equal("unpaid", (string)(await GetAsync(http, $"/api/bookings/{id}/deposit"))["state"]!);

        await mei.Client.PayAsync(PayRequestOf(studio.AppId, booked["payment"]!.AsObject(), Pin), Ct);
        await failing.WhenReached(1).WaitAsync(Eventually.Patience, Ct);
        Assert.Equal("unpaid", Deposit(await OnlyBookingAsync(http)).State);

        Assert.Equal("paid", (string)(await GetAsync(http, $"/api/bookings/{id}/deposit"))["state"]!);
        Assert.Equal("paid", Deposit(await OnlyBookingAsync(http)).State);
    }

    [Fact]
    public async Task AfterThePlatformRotatesItsKey_AnAnswerSignedWithTheNewOne_FetchesItsCertificate()
    {
        await using var studio = await StudioAsync();
        var mei = await PayerAsync(studio.App);
        using var http = await studio.Backend.SignInAsync(mei);
        // Booking orders the deposit: the backend has fetched the certificates and verified an answer with them.
        var booked = await BookAsync(http);

        await node.Operator.RotatePlatformKeyAsync(Ct);
        await mei.Client.PayAsync(PayRequestOf(studio.AppId, booked["payment"]!.AsObject(), Pin), Ct);

        // The query's answer is signed with the new key, whose certificate the backend fetches before believing it.
        Assert.Equal("paid", (string)(await GetAsync(http, $"/api/bookings/{(long)booked["id"]!}/deposit"))["state"]!);
    }

    [Fact]
    public async Task CancellingABookingBeforeItsDepositIsPaid_ClosesTheOrder_SoItCanNoLongerBePaid()
    {
        await using var studio = await StudioAsync();
        var mei = await PayerAsync(studio.App);
        using var http = await studio.Backend.SignInAsync(mei);
        var booked = await BookAsync(http);
        // Paying later, from My bookings, asks for the parameters again: the same order.
        using var later = await http.PostAsync($"/api/bookings/{(long)booked["id"]!}/deposit", null, Ct);
        var again = JsonNode.Parse(await later.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal((string)booked["payment"]!["package"]!, (string)again["package"]!);

        using var cancelled = await http.DeleteAsync($"/api/bookings/{(long)booked["id"]!}", Ct);
        var refused = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayAsync(PayRequestOf(studio.AppId, booked["payment"]!.AsObject(), Pin), Ct));

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(ErrorCodes.OrderClosed, refused.Code);
        Assert.Equal(10_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
    }

    /// <remarks>
    /// Composed here with the backend's own <c>AddBooking</c>: a failing start inside <c>WebApplicationFactory</c> races
    /// the factory, which may then report a disposed service provider instead of the failure.
    /// </remarks>
    [Fact]
    public async Task AMerchantWithoutItsKeys_StopsTheBackendAtStart_NamingEachSetting()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hutong:Server"] = "http://127.0.0.1:9/",
            ["Hutong:AppId"] = "wx0123456789abcdef",
            ["Hutong:AppSecret"] = "secret",
            ["WeChatPay:MchId"] = "1900000001",
        });
        BookingSample::Booking.BookingExtensions.AddBooking(builder);
        await using var backend = builder.Build();

        var failed = await Assert.ThrowsAsync<OptionsValidationException>(() => backend.StartAsync(Ct));

        foreach (var setting in new[] { "WeChatPay:SerialNo", "WeChatPay:PrivateKeyPath", "WeChatPay:ApiV3Key", "WeChatPay:NotifyUrl" })
        {
            Assert.Contains(setting, failed.Message, StringComparison.Ordinal);
        }
    }

    private async Task<Studio> StudioAsync(Uri? notifyUrl = null)
    {
        var app = await node.StartAsync();
        var sample = await node.ReleaseSampleAsync();
        var merchant = await SampleMerchant.CreateAsync(sample.Developer.Client, node.Operator, sample.AppId);
        return new Studio(app, sample.AppId, merchant, BookingBackend.WithDeposits(app, sample.AppId, sample.Secret, merchant, notifyUrl));
    }

    /// <summary>A person with a payment PIN and ¥100.00 in their wallet.</summary>
    private static async Task<TestUser> PayerAsync(HutongApp app)
    {
        var person = await TestUser.CreateAsync(app, "mei");
        await person.Client.SetPinAsync(Pin, cancellationToken: Ct);
        await person.Client.TopUpAsync("seed", 10_000, Ct);
        return person;
    }

    /// <summary>Foot massage at 10:00 tomorrow, as the app books it.</summary>
    private static async Task<JsonObject> BookAsync(HttpClient http)
    {
        var tomorrow = (string)(await GetAsync(http, "/api/slots?service=1"))["days"]![1]!;
        using var response = await http.PostAsJsonAsync(
            "/api/bookings", new JsonObject { ["service"] = 1, ["day"] = tomorrow, ["time"] = "10:00", ["name"] = "Mei", ["remind"] = false }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static PayRequest PayRequestOf(string appId, JsonObject payment, string pin) => new(
        appId, (string)payment["timeStamp"]!, (string)payment["nonceStr"]!, (string)payment["package"]!, (string)payment["signType"]!,
        (string)payment["paySign"]!, pin);

    private static (int Amount, string AmountText, string State) Deposit(JsonObject booking)
    {
        var deposit = booking["deposit"]!;
        return ((int)deposit["amount"]!, (string)deposit["amountText"]!, (string)deposit["state"]!);
    }

    private static async Task<JsonObject> OnlyBookingAsync(HttpClient http) =>
        Assert.Single((await GetAsync(http, "/api/bookings"))["bookings"]!.AsArray())!.AsObject();

    /// <summary>Posts to the backend's notify URL what the platform (or someone else) would.</summary>
    private static async Task<HttpResponseMessage> NotifyAsync(HttpClient http, string body, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/wechatpay/notify") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request, Ct);
    }

    private static async Task<JsonObject> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private sealed record Studio(HutongApp App, string AppId, SampleMerchant Merchant, BookingBackend Backend) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Backend.DisposeAsync();
            Merchant.Dispose();
        }
    }
}
