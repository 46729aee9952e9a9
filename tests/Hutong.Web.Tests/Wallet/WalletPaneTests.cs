using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Hutong.Web.Wallet;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Wallet;

/// <summary>The wallet page: money in and out within the node's limits, and the payment PIN.</summary>
public sealed class WalletPaneTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public WalletPaneTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        var limits = WalletLimits.Defaults with { MaxRail = 50_000 };
        _server.Answer(HttpMethod.Get, "api/v1/wallet", () => RecordingHandler.Json(new WalletInfo(1_000, "CNY", true, 1_000, limits), HutongJsonContext.Default.WalletInfo));
        _server.Answer(HttpMethod.Get, "api/v1/wallet/transactions?limit=50", () => RecordingHandler.Json(new WalletEntryList([], null), HutongJsonContext.Default.WalletEntryList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Theory]
    [InlineData("Top up", "500.01", "At most ¥500.00 at a time.")]
    [InlineData("Withdraw", "500.01", "At most ¥500.00 at a time.")]
    [InlineData("Withdraw", "10.01", "More than your wallet has: ¥10.00 available.")]
    public async Task Move_OverTheNodesLimitOrWhatIsAvailable_SaysWhichAndAsksNothingOfTheServer(string action, string amount, string expected)
    {
        var pane = _context.Render<WalletPane>();
        await pane.FindAll("button").Single(b => b.TextContent == action).ClickAsync(new());

        await pane.Find("#amount").ChangeAsync(new ChangeEventArgs { Value = amount });
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal(expected, pane.Find("[role=alert]").TextContent);
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public void History_NamesTheOtherPersonOfAPaymentByCode_AndTheWayToMyCodeIsThere()
    {
        _server.Answer(HttpMethod.Get, "api/v1/wallet/transactions?limit=50", () => RecordingHandler.Json(new WalletEntryList(
        [
            new WalletEntry(WalletEntryKinds.ReceivedByCode, 500, "p-2", Sample.Noon, "Lin"),
            new WalletEntry(WalletEntryKinds.PaidByCode, -1_234, "p-1", Sample.Noon, "Mei"),
        ], null), HutongJsonContext.Default.WalletEntryList));

        var pane = _context.Render<WalletPane>();

        pane.WaitForAssertion(() => Assert.Equal(
            ["Received from Lin by code", "Paid Mei by code"], pane.FindAll(".entry-kind").Select(e => e.TextContent)));
        Assert.Equal("me/receive", pane.FindAll("a.button").Single(a => a.TextContent.Trim() == S.Receive.ReceiveMoney).GetAttribute("href"));
    }

    private const string SetPin = "PUT api/v1/wallet/pin";

    /// <summary>The wallet page with the PIN form open: "Set payment PIN" when none is set, else "Change payment PIN".</summary>
    private async Task<IRenderedComponent<WalletPane>> OpenPinFormAsync(bool pinSet)
    {
        var limits = WalletLimits.Defaults;
        _server.Answer(HttpMethod.Get, "api/v1/wallet", () => RecordingHandler.Json(new WalletInfo(1_000, "CNY", pinSet, 1_000, limits), HutongJsonContext.Default.WalletInfo));
        var pane = _context.Render<WalletPane>();
        await pane.FindAll("button").Single(b => b.TextContent == (pinSet ? S.ChangePin : S.SetPin)).ClickAsync(new());
        return pane;
    }

    private static async Task TypeAsync(IRenderedComponent<WalletPane> pane, string field, string value) =>
        await pane.Find(field).InputAsync(new ChangeEventArgs { Value = value });

    [Fact]
    public async Task SetPin_AsksForItTwice_AndTwoThatDifferAreRefusedBeforeTheServer()
    {
        var pane = await OpenPinFormAsync(pinSet: false);

        await TypeAsync(pane, "#new-pin", "314159");
        await TypeAsync(pane, "#confirm-pin", "31415");
        Assert.Empty(pane.FindAll("#confirm-pin-error"));
        await TypeAsync(pane, "#confirm-pin", "314158");
        Assert.Equal(S.PinsDiffer, pane.Find("#confirm-pin-error").TextContent);
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal(S.ConfirmPin, pane.Find("label[for=confirm-pin]").TextContent);
        Assert.Equal("true", pane.Find("#confirm-pin").GetAttribute("aria-invalid"));
        Assert.Empty(pane.FindAll("#current-pin"));
        Assert.DoesNotContain(SetPin, _server.Requests);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("000000")]
    [InlineData("112233")]
    [InlineData("909090")]
    public async Task SetPin_EasyToGuess_SaysSoAsItIsTypedAndSendsNothing(string pin)
    {
        var pane = await OpenPinFormAsync(pinSet: false);

        await TypeAsync(pane, "#new-pin", pin);
        Assert.Equal(S.PinTooEasy, pane.Find("#pin-help").TextContent);
        await TypeAsync(pane, "#confirm-pin", pin);
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal("true", pane.Find("#new-pin").GetAttribute("aria-invalid"));
        Assert.DoesNotContain(SetPin, _server.Requests);
    }

    [Fact]
    public async Task SetPin_NotSixDigits_SaysSo()
    {
        var pane = await OpenPinFormAsync(pinSet: false);

        await TypeAsync(pane, "#new-pin", "31a");
        var asTyped = pane.Find("#pin-help").TextContent;
        await TypeAsync(pane, "#new-pin", "3141");
        await TypeAsync(pane, "#confirm-pin", "3141");
        var unfinished = pane.Find("#pin-help").TextContent;
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal((S.PinDigits, S.PinHint, S.PinDigits), (asTyped, unfinished, pane.Find("#pin-help").TextContent));
        Assert.DoesNotContain(SetPin, _server.Requests);
    }

    [Fact]
    public async Task SetPin_TheSameGoodPinTwice_IsSentAndSaved()
    {
        _server.Answer(HttpMethod.Put, "api/v1/wallet/pin", () => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        var pane = await OpenPinFormAsync(pinSet: false);

        await TypeAsync(pane, "#new-pin", "314159");
        await TypeAsync(pane, "#confirm-pin", "314159");
        await pane.Find("form").SubmitAsync(new());

        var body = System.Text.Json.JsonDocument.Parse(_server.Bodies.Single(b => b.Request == SetPin).Body).RootElement;
        Assert.Equal(("314159", System.Text.Json.JsonValueKind.Null), (body.GetProperty("pin").GetString(), body.GetProperty("currentPin").ValueKind));
        Assert.Equal(S.PinSaved, pane.Find("[role=status]").TextContent);
    }

    [Fact]
    public async Task ChangePin_AsksForTheCurrentOne_AndSendsIt()
    {
        _server.Answer(HttpMethod.Put, "api/v1/wallet/pin", () => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        var pane = await OpenPinFormAsync(pinSet: true);

        await TypeAsync(pane, "#new-pin", "161803");
        await TypeAsync(pane, "#confirm-pin", "161803");
        await pane.Find("form").SubmitAsync(new());
        var withoutCurrent = pane.Find("#current-pin-error").TextContent;
        var sentWithoutCurrent = _server.Requests.Contains(SetPin);
        await TypeAsync(pane, "#current-pin", "271828");
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal((S.EnterCurrentPin, false), (withoutCurrent, sentWithoutCurrent));
        var body = System.Text.Json.JsonDocument.Parse(_server.Bodies.Single(b => b.Request == SetPin).Body).RootElement;
        Assert.Equal(("161803", "271828"), (body.GetProperty("pin").GetString(), body.GetProperty("currentPin").GetString()));
        Assert.Equal(S.PinSaved, pane.Find("[role=status]").TextContent);
    }

    [Fact]
    public async Task ChangePin_WrongCurrentPin_SaysHowManyTriesAreLeftAndClearsIt()
    {
        _server.Answer(HttpMethod.Put, "api/v1/wallet/pin", () => RecordingHandler.Problem(
            new ProblemBody(null, "wrong", 403, null, ErrorCodes.WrongPin, null, AttemptsLeft: 4)));
        var pane = await OpenPinFormAsync(pinSet: true);

        await TypeAsync(pane, "#current-pin", "271829");
        await TypeAsync(pane, "#new-pin", "161803");
        await TypeAsync(pane, "#confirm-pin", "161803");
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal("Wrong payment PIN. 4 attempts left before payments lock.", pane.Find("p[role=alert]").TextContent);
        Assert.Equal("", pane.Find("#current-pin").GetAttribute("value"));
    }

    [Fact]
    public async Task SetPin_RefusedByTheServerOnAField_SaysWhatTheServerSaid()
    {
        _server.Answer(HttpMethod.Put, "api/v1/wallet/pin", () => RecordingHandler.Problem(new ProblemBody(
            null, "invalid", 400, null, ErrorCodes.ValidationFailed, new Dictionary<string, string[]> { ["pin"] = ["That PIN is too easy to guess."] })));
        var pane = await OpenPinFormAsync(pinSet: false);

        await TypeAsync(pane, "#new-pin", "314159");
        await TypeAsync(pane, "#confirm-pin", "314159");
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal("That PIN is too easy to guess.", pane.Find("p.form-error").TextContent);
    }

    [Theory]
    [InlineData("en", "Payment to Tea House", "Refund from Tea House", "Payout from Tea House", "Payment")]
    [InlineData("zh-Hans", "付款给 Tea House", "Tea House 退款", "Tea House 结算到账", "付款")]
    public async Task History_NamesTheMerchantOfAPaymentARefundAndAPayout(string language, string payment, string refund, string payout, string untitled)
    {
        await _context.Services.GetRequiredService<Texts>().ChooseAsync(language);
        _server.Answer(HttpMethod.Get, "api/v1/wallet/transactions?limit=50", () => RecordingHandler.Json(new WalletEntryList(
            [
                new WalletEntry(WalletEntryKinds.MerchantPayout, 9_000, "payout-1", Sample.Noon, "Tea House"),
                new WalletEntry(WalletEntryKinds.Refund, 500, "50202603181234567890123456789", Sample.Noon, "Tea House"),
                new WalletEntry(WalletEntryKinds.Payment, -2_800, "4220260318123456789012345678", Sample.Noon, "Tea House"),
                new WalletEntry(WalletEntryKinds.Payment, -100, "4220260318000000000000000000", Sample.Noon),
            ], null), HutongJsonContext.Default.WalletEntryList));

        var pane = _context.Render<WalletPane>();

        pane.WaitForAssertion(() => Assert.Equal(4, pane.FindAll(".entry").Count));
        Assert.Equal([payout, refund, payment, untitled], pane.FindAll(".entry-kind").Select(e => e.TextContent));
        Assert.Equal(["+¥90.00", "+¥5.00", "-¥28.00", "-¥1.00"], pane.FindAll(".entry-amount").Select(e => e.TextContent));
    }
}
