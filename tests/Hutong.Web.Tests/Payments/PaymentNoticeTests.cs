using Bunit;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Payments;
using Hutong.Web.Receiving;
using Hutong.Web.Tests.Testing;
using Hutong.Web.Wallet;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Payments;

/// <summary>
/// Pay notices said live wherever I am: a payment to a merchant made on another device, and a merchant's refund, each
/// once, with the way to the wallet; but not the payment this tab's cashier has just shown as paid, whether its notice
/// comes before the payment's answer or after it.
/// </summary>
public sealed class PaymentNoticeTests : IAsyncDisposable
{
    private const string Pay = "POST api/v1/payments";
    private const string ThisPayment = "4220260318123456789012345678";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly Strings S = Strings.English;

    private static readonly PayRequest Parameters = new("wx0123456789abcdef", "1767225600", "5K8264ILTKCH16CQ", "prepay_id=wx2026031812000012345678", "RSA", "c2lnbmVk");

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly PushGateway _push = new();
    private HutongGateway? _gateway;
    private long _seq;

    public PaymentNoticeTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, "api/v1/wallet", WalletAnswer);
        _server.Answer(HttpMethod.Post, "api/v1/payments/preview", () => RecordingHandler.Json(
            new PaymentPreview("Tea House", "Oolong, a pot", 2_800, "CNY", PaymentStates.Unpaid, "wx0123456789abcdef", "Counter", null),
            HutongJsonContext.Default.PaymentPreview));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        _push.Dispose();
        await _context.DisposeAsync();
    }

    private static PaidNotice Paid(string transactionId, long amount = 2_800, string description = "Oolong, a pot") =>
        new("Tea House", amount, "CNY", description, transactionId, Sample.Noon);

    private static RefundedNotice Refunded(string refundId, long amount) =>
        new("Tea House", amount, "CNY", "Oolong, a pot", ThisPayment, refundId, Sample.Noon.AddMinutes(5));

    private static HttpResponseMessage WalletAnswer() => RecordingHandler.Json(
        new WalletInfo(10_000, "CNY", true, 10_000, WalletLimits.Defaults), HutongJsonContext.Default.WalletInfo);

    private static HttpResponseMessage Receipt() => RecordingHandler.Json(
        new PaymentResult(ThisPayment, PaymentStates.Paid, "Tea House", "Oolong, a pot", 2_800, "CNY", Sample.Noon), HutongJsonContext.Default.PaymentResult);

    private Task TellAsync(PaymentNotice notice) =>
        _push.PushAsync(new EventFrame(new PaymentNoticeEvent(notice) { Seq = ++_seq, At = notice.At }));

    private static IReadOnlyList<string> Titles(IRenderedComponent<MoneyNotices> notices) =>
        [.. notices.FindAll(".money-notice-title").Select(t => t.TextContent)];

    [Fact]
    public async Task APaymentFromAnotherDevice_AndARefund_AreEachSaidOnce_NewestFirst_WithTheWayToTheWallet()
    {
        var notices = _context.Render<MoneyNotices>();
        await FollowAsync();

        await TellAsync(Paid("4220260318000000000000000001", 1_200, "Jasmine, a cup"));
        await TellAsync(Refunded("50202603180000000000000000001", 1_000));
        // The same refund told again (a resume) is said once.
        await TellAsync(Refunded("50202603180000000000000000001", 1_000));

        notices.WaitForAssertion(() => Assert.Equal(["Refund from Tea House: ¥10.00", "Payment to Tea House: ¥12.00"], Titles(notices)), Patience);
        Assert.Equal(["Oolong, a pot", "Jasmine, a cup"], notices.FindAll(".money-notice-note").Select(n => n.TextContent));
        Assert.All(notices.FindAll(".money-notice a"), link => Assert.Equal("me/wallet", link.GetAttribute("href")));
        Assert.Equal("polite", notices.Find(".money-notices").GetAttribute("aria-live"));
        Assert.Null(notices.Find(".money-notices").GetAttribute("role"));

        await notices.Find(".money-notice button").ClickAsync(new());
        Assert.Equal(["Payment to Tea House: ¥12.00"], Titles(notices));
    }

    [Fact]
    public async Task ThePaymentThisTabPaid_IsNotSaidAgain_WhenItsNoticeComesBeforeTheAnswer_ButAnotherDevicesIs()
    {
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.AnswerLater(HttpMethod.Post, "api/v1/payments", () => answer.Task);
        var notices = _context.Render<MoneyNotices>();
        var cashier = RenderCashier();
        await FollowAsync();

        // The PIN goes; while the answer is on its way, this payment's notice arrives, and one made on another device.
        var paying = TypePinAndPayAsync(cashier);
        cashier.WaitForAssertion(() => Assert.Contains(Pay, _server.Requests), Patience);
        using var walletRead = new SemaphoreSlim(0);
        _server.AnswerLater(HttpMethod.Get, "api/v1/wallet", () =>
        {
            walletRead.Release();
            return Task.FromResult(WalletAnswer());
        });
        await TellAsync(Paid(ThisPayment));
        await TellAsync(Paid("4220260318000000000000000002", 900, "Jasmine, a cup"));
        // Each notice has been taken in once it asked for the wallet again; neither is said while the payment is open.
        Assert.True(await walletRead.WaitAsync(Patience, Ct), "the first notice was taken in");
        Assert.True(await walletRead.WaitAsync(Patience, Ct), "the second notice was taken in");
        Assert.Empty(Titles(notices));

        answer.SetResult(Receipt());
        await paying.WaitAsync(Patience, Ct);
        cashier.WaitForAssertion(() => Assert.Equal(S.Payments.Paid, cashier.Find(".pay-done-title").TextContent), Patience);

        // A later refund is said after the other device's payment; this tab's payment never is.
        await TellAsync(Refunded("50202603180000000000000000002", 500));
        notices.WaitForAssertion(() => Assert.Equal(["Refund from Tea House: ¥5.00", "Payment to Tea House: ¥9.00"], Titles(notices)), Patience);
    }

    [Fact]
    public async Task ThePaymentThisTabPaid_IsNotSaidAgain_WhenItsNoticeComesAfterTheAnswer()
    {
        _server.Answer(HttpMethod.Post, "api/v1/payments", Receipt);
        var notices = _context.Render<MoneyNotices>();
        var cashier = RenderCashier();
        await FollowAsync();

        await TypePinAndPayAsync(cashier);
        cashier.WaitForAssertion(() => Assert.Equal(S.Payments.Paid, cashier.Find(".pay-done-title").TextContent), Patience);
        await TellAsync(Paid(ThisPayment));
        await TellAsync(Refunded("50202603180000000000000000003", 2_800));

        notices.WaitForAssertion(() => Assert.Equal(["Refund from Tea House: ¥28.00"], Titles(notices)), Patience);
    }

    private IRenderedComponent<Cashier> RenderCashier()
    {
        var cashier = _context.Render<Cashier>(ps => ps.Add(p => p.Request, Parameters));
        cashier.WaitForAssertion(() => Assert.NotEmpty(cashier.FindAll("#pay-pin")), Patience);
        return cashier;
    }

    private static async Task TypePinAndPayAsync(IRenderedComponent<Cashier> cashier)
    {
        await cashier.Find("#pay-pin").InputAsync(new ChangeEventArgs { Value = "314159" });
        await cashier.Find("form").SubmitAsync(new());
    }

    /// <summary>Connects a gateway the money store follows, as the chat store does.</summary>
    private async Task FollowAsync()
    {
        var store = _context.Services.GetRequiredService<MoneyStore>();
        var gateway = _gateway = new HutongGateway(_context.Services.GetRequiredService<HutongClient>(), _push.ConnectAsync);
        await _context.Renderer.Dispatcher.InvokeAsync(() => store.Follow(gateway, Ct));
        var connecting = gateway.ConnectAsync(cancellationToken: Ct);
        await _push.WelcomeAsync();
        await connecting.WaitAsync(Patience, Ct);
    }
}
