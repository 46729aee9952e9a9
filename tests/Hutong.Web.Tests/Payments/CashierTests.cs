using System.Net;
using System.Text.Json.Nodes;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Payments;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Payments;

/// <summary>
/// The cashier over a recording server: nothing to pay is shown before the preview says the merchant asked for it, the
/// PIN goes with the app's parameters, refusals say why, and closing it says how it ended.
/// </summary>
public sealed class CashierTests : IAsyncDisposable
{
    private const string Preview = "POST api/v1/payments/preview";
    private const string Pay = "POST api/v1/payments";

    private static readonly Strings S = Strings.English;

    private static readonly PayRequest Parameters = new("wx0123456789abcdef", "1767225600", "5K8264ILTKCH16CQ", "prepay_id=wx2026031812000012345678", "RSA", "c2lnbmVk");

    private static readonly PaymentPreview TeaHouse = new("Tea House", "Oolong, a pot", 2_800, "CNY", PaymentStates.Unpaid, "wx0123456789abcdef", "Counter", null);

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly List<CashierOutcome> _closed = [];

    public CashierTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, "api/v1/wallet", () => RecordingHandler.Json(
            new WalletInfo(10_000, "CNY", true, 10_000, WalletLimits.Defaults), HutongJsonContext.Default.WalletInfo));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private void AnswerPreview(PaymentPreview preview) =>
        _server.Answer(HttpMethod.Post, "api/v1/payments/preview", () => RecordingHandler.Json(preview, HutongJsonContext.Default.PaymentPreview));

    private void AnswerPay(Func<HttpResponseMessage> answer) => _server.Answer(HttpMethod.Post, "api/v1/payments", answer);

    private static HttpResponseMessage Paid() => RecordingHandler.Json(
        new PaymentResult("4220260318123456789012345678", PaymentStates.Paid, "Tea House", "Oolong, a pot", 2_800, "CNY", Sample.Noon),
        HutongJsonContext.Default.PaymentResult);

    private IRenderedComponent<Cashier> Render(PayRequest? request = null, string? codeUrl = null)
    {
        var cashier = _context.Render<Cashier>(ps => ps
            .Add(p => p.Request, codeUrl is null ? request ?? Parameters : null)
            .Add(p => p.CodeUrl, codeUrl)
            .Add(p => p.Closed, outcome => _closed.Add(outcome)));
        cashier.WaitForAssertion(() => Assert.DoesNotContain(cashier.FindAll("[role=status]"), s => s.TextContent == S.Payments.Checking));
        return cashier;
    }

    private static async Task TypePinAndPayAsync(IRenderedComponent<Cashier> cashier, string pin)
    {
        await cashier.Find("#pay-pin").InputAsync(new ChangeEventArgs { Value = pin });
        await cashier.Find("form").SubmitAsync(new());
    }

    private JsonObject Body(string request) => (JsonObject)JsonNode.Parse(_server.Bodies.Last(b => b.Request == request).Body)!;

    [Fact]
    public void Preview_ShowsTheMerchantWhatForAndHowMuch_InAModalDialogWithThePin()
    {
        AnswerPreview(TeaHouse);

        var cashier = Render();

        var dialog = cashier.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal(S.Payments.Payment, cashier.Find("#" + dialog.GetAttribute("aria-labelledby")).TextContent);
        Assert.Equal("Tea House", cashier.Find(".pay-merchant").TextContent);
        Assert.Equal("Oolong, a pot", cashier.Find(".pay-what").TextContent);
        Assert.Equal("¥28.00", cashier.Find(".pay-amount [aria-hidden]").TextContent);
        Assert.Equal("28.00 yuan", cashier.Find(".pay-amount .sr-only").TextContent);
        Assert.Equal("Paid from your wallet (¥100.00 available).", cashier.Find(".pay-from").TextContent);
        Assert.NotNull(cashier.Find("#pay-pin").GetAttribute("data-autofocus"));
        Assert.Equal("Pay ¥28.00", cashier.Find("button[type=submit]").TextContent);
        Assert.Equal(S.Cancel, cashier.Find("button[type=button].button:not(.primary)").TextContent);
        // The app's parameters went to the preview as they came, and no PIN with them.
        var sent = Body(Preview);
        Assert.Equal(("wx0123456789abcdef", "prepay_id=wx2026031812000012345678", "c2lnbmVk"),
            ((string?)sent["appId"], (string?)sent["package"], (string?)sent["paySign"]));
        Assert.Null(sent["pin"]);
        Assert.DoesNotContain(Pay, _server.Requests);
    }

    [Fact]
    public async Task Pay_SendsThePinWithTheParameters_ShowsPaid_AndDoneSaysPaid()
    {
        AnswerPreview(TeaHouse);
        AnswerPay(Paid);
        var cashier = Render();

        await TypePinAndPayAsync(cashier, "314159");

        var sent = Body(Pay);
        Assert.Equal(("314159", "5K8264ILTKCH16CQ", "1767225600"), ((string?)sent["pin"], (string?)sent["nonceStr"], (string?)sent["timeStamp"]));
        Assert.Equal("Paid", cashier.Find(".pay-done-title").TextContent);
        Assert.Equal("You paid Tea House.", cashier.Find(".pay-done .pay-what").TextContent);
        Assert.Empty(cashier.FindAll("#pay-pin"));
        await cashier.FindAll("button").Single(b => b.TextContent == S.Payments.Done).ClickAsync(new());

        var paid = Assert.IsType<CashierPaid>(Assert.Single(_closed));
        Assert.Equal(("4220260318123456789012345678", 2_800L), (paid.Receipt.TransactionId, paid.Receipt.Amount));
    }

    [Fact]
    public async Task Preview_BadPaySign_ShowsWhyAndNothingToPay_AndClosingSaysRefused()
    {
        _server.Answer(HttpMethod.Post, "api/v1/payments/preview",
            () => RecordingHandler.Problem(HttpStatusCode.BadRequest, ErrorCodes.BadPaySign, "The payment request is not signed by its merchant."));

        var cashier = Render();

        Assert.Equal("This payment request could not be verified, so nothing was paid.", cashier.Find("[role=alert]").TextContent);
        Assert.Empty(cashier.FindAll(".pay-amount"));
        Assert.Empty(cashier.FindAll(".pay-merchant"));
        Assert.Empty(cashier.FindAll("#pay-pin"));
        await cashier.FindAll("button").Single(b => b.TextContent == S.Close && b.ClassList.Contains("primary")).ClickAsync(new());

        var refused = Assert.IsType<CashierRefused>(Assert.Single(_closed));
        Assert.Equal(ErrorCodes.BadPaySign, refused.Code);
        Assert.DoesNotContain(Pay, _server.Requests);
    }

    [Theory]
    [InlineData(PaymentStates.Paid, ErrorCodes.OrderPaid, "This order has been paid.")]
    [InlineData(PaymentStates.Refunded, ErrorCodes.OrderPaid, "This order has been paid.")]
    [InlineData(PaymentStates.Closed, ErrorCodes.OrderClosed, "This order is closed or has expired.")]
    public async Task Preview_OfAnOrderNotToBePaid_SaysSoWithoutAPin(string state, string code, string expected)
    {
        AnswerPreview(TeaHouse with { State = state });

        var cashier = Render();

        Assert.Equal(expected, cashier.Find("[role=alert]").TextContent);
        Assert.Empty(cashier.FindAll("#pay-pin"));
        await cashier.Find("[role=dialog]").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });
        Assert.Equal(code, Assert.IsType<CashierRefused>(Assert.Single(_closed)).Code);
    }

    [Fact]
    public async Task Pay_WrongPin_SaysHowManyTriesAreLeft_AndTheNextTryPays()
    {
        AnswerPreview(TeaHouse);
        var tries = 0;
        AnswerPay(() => ++tries == 1
            ? RecordingHandler.Problem(new ProblemBody(null, "wrong", 403, "2 attempts left before spending locks.", ErrorCodes.WrongPin, null, AttemptsLeft: 2))
            : Paid());
        var cashier = Render();

        await TypePinAndPayAsync(cashier, "000000");

        Assert.Equal("Wrong payment PIN. 2 attempts left before payments lock.", cashier.Find("[role=alert]").TextContent.Trim());
        Assert.Equal("", cashier.Find("#pay-pin").GetAttribute("value"));
        Assert.Equal("Tea House", cashier.Find(".pay-merchant").TextContent);

        await TypePinAndPayAsync(cashier, "314159");

        Assert.Equal("Paid", cashier.Find(".pay-done-title").TextContent);
        Assert.Equal(["000000", "314159"], _server.Bodies.Where(b => b.Request == Pay).Select(b => (string?)JsonNode.Parse(b.Body)!["pin"]));
    }

    [Fact]
    public async Task Pay_NoPinSet_LeadsToSettingOneInTheWallet()
    {
        AnswerPreview(TeaHouse);
        AnswerPay(() => RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.PinNotSet));
        var cashier = Render();

        await TypePinAndPayAsync(cashier, "314159");

        var link = cashier.Find("[role=alert] a");
        Assert.Equal(("me/wallet", S.SetPinInWallet), (link.GetAttribute("href"), link.TextContent));
    }

    [Fact]
    public async Task Pay_OrderClosedMeanwhile_EndsWithTheReason()
    {
        AnswerPreview(TeaHouse);
        AnswerPay(() => RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.OrderClosed, "The order is closed or past its time."));
        var cashier = Render();

        await TypePinAndPayAsync(cashier, "314159");

        Assert.Equal("This order is closed or has expired.", cashier.Find("[role=alert]").TextContent);
        Assert.Empty(cashier.FindAll("#pay-pin"));
        await cashier.FindAll("button").Single(b => b.TextContent == S.Close && b.ClassList.Contains("primary")).ClickAsync(new());
        Assert.Equal(ErrorCodes.OrderClosed, Assert.IsType<CashierRefused>(Assert.Single(_closed)).Code);
    }

    [Fact]
    public async Task Cancel_OrEscape_BeforePaying_SaysCancelled_AndPaysNothing()
    {
        AnswerPreview(TeaHouse);
        var cashier = Render();

        await cashier.FindAll("button").Single(b => b.TextContent == S.Cancel).ClickAsync(new());
        await cashier.Find("[role=dialog]").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });

        Assert.All(_closed, outcome => Assert.IsType<CashierCancelled>(outcome));
        Assert.Equal(2, _closed.Count);
        Assert.DoesNotContain(Pay, _server.Requests);
    }

    [Fact]
    public async Task ANativeCode_IsPreviewedAndPaidByItsCodeUrl()
    {
        const string codeUrl = "hutong://pay/wx20260318120000a1b2c3d4e5f6a7b8c9d0";
        _server.Answer(HttpMethod.Post, "api/v1/payments/native/preview", () => RecordingHandler.Json(TeaHouse, HutongJsonContext.Default.PaymentPreview));
        _server.Answer(HttpMethod.Post, "api/v1/payments/native", Paid);
        var cashier = Render(codeUrl: codeUrl);

        await TypePinAndPayAsync(cashier, "314159");

        Assert.Equal(codeUrl, (string?)Body("POST api/v1/payments/native/preview")["codeUrl"]);
        Assert.Equal((codeUrl, "314159"), ((string?)Body("POST api/v1/payments/native")["codeUrl"], (string?)Body("POST api/v1/payments/native")["pin"]));
        Assert.Equal("Paid", cashier.Find(".pay-done-title").TextContent);
        Assert.DoesNotContain(Preview, _server.Requests);
    }

    [Fact]
    public async Task InChinese_TheCashierSpeaksChinese()
    {
        await _context.Services.GetRequiredService<Texts>().ChooseAsync("zh-Hans");
        AnswerPreview(TeaHouse);
        AnswerPay(Paid);
        var cashier = Render();

        Assert.Equal("付款", cashier.Find(".dialog-title").TextContent);
        Assert.Equal("支付 ¥28.00", cashier.Find("button[type=submit]").TextContent);
        Assert.Equal("使用钱包零钱支付（可用 ¥100.00）。", cashier.Find(".pay-from").TextContent);
        await TypePinAndPayAsync(cashier, "314159");
        Assert.Equal("已向 Tea House 付款。", cashier.Find(".pay-done .pay-what").TextContent);
    }
}
