using System.Net;
using System.Text.Json.Nodes;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Receiving;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Receiving;

/// <summary>
/// The page a scanned receive code opens: whom it pays, before anything is typed; an amount (or the code's own) and a
/// note; the PIN; then done. Nothing goes to the node but the preview until the PIN is given.
/// </summary>
public sealed class PayPersonPageTests : IAsyncDisposable
{
    private const string Code = "Q2xpZW50U2lkZV8x";
    private const string Preview = "POST api/v1/wallet/receive-code/preview";
    private const string Pay = "POST api/v1/wallet/receive-code/payments";

    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public PayPersonPageTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, "api/v1/wallet", () => RecordingHandler.Json(
            new WalletInfo(10_000, "CNY", true, 10_000, WalletLimits.Defaults), HutongJsonContext.Default.WalletInfo));
        AnswerPreview(null);
        _server.Answer(HttpMethod.Post, "api/v1/wallet/receive-code/payments", () => RecordingHandler.Json(
            new ReceiveCodePayment("p-1", "t", "Mei", null, 1_234, "CNY", "dumplings", 8_766, Sample.Noon), HutongJsonContext.Default.ReceiveCodePayment, HttpStatusCode.Created));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private void AnswerPreview(long? amount) => _server.Answer(HttpMethod.Post, "api/v1/wallet/receive-code/preview", () => RecordingHandler.Json(
        new ReceiveCodePreview("Mei", null, amount, "CNY"), HutongJsonContext.Default.ReceiveCodePreview));

    private IRenderedComponent<PayPersonPage> Render(long? fixedAmount = null)
    {
        if (fixedAmount is { } amount)
        {
            // The amount is the page address's query, as Scan opens it.
            var navigation = _context.Services.GetRequiredService<NavigationManager>();
            navigation.NavigateTo(navigation.GetUriWithQueryParameter("amount", amount));
        }

        var page = _context.Render<PayPersonPage>(ps => ps.Add(p => p.Code, Code));
        page.WaitForAssertion(() => Assert.DoesNotContain(page.FindAll("[role=status]"), s => s.TextContent == S.Receive.Checking));
        return page;
    }

    private JsonObject Body(string request) => (JsonObject)JsonNode.Parse(_server.Bodies.Last(b => b.Request == request).Body)!;

    private static async Task PinAsync(IRenderedComponent<PayPersonPage> page, string pin)
    {
        await page.Find("#pay-pin").InputAsync(new ChangeEventArgs { Value = pin });
        await page.Find("form").SubmitAsync(new());
    }

    [Fact]
    public async Task APerson_IsPaidTheAmountAndNoteTyped_WithThePin_AndThePageSaysSo()
    {
        var page = Render();

        Assert.Equal("Mei", page.Find("[data-testid=payee-name]").TextContent);
        Assert.True(page.Find("button[type=submit]").HasAttribute("disabled"));
        await page.Find("#pay-person-amount").InputAsync(new ChangeEventArgs { Value = "12.34" });
        await page.Find("#pay-person-note").InputAsync(new ChangeEventArgs { Value = " dumplings " });
        await page.Find("form").SubmitAsync(new());

        Assert.Equal("Pay Mei", page.Find(".pay-what").TextContent);
        Assert.Contains("Note: dumplings", page.Markup, StringComparison.Ordinal);
        Assert.Equal(S.Pay("¥12.34"), page.Find("button[type=submit]").TextContent);
        Assert.DoesNotContain(Pay, _server.Requests);
        await PinAsync(page, "314159");

        var body = Body(Pay);
        Assert.Equal(("hutong://receive/" + Code, 1_234L, "dumplings", "314159"),
            ((string?)body["codeUrl"], (long)body["amount"]!, (string?)body["note"], (string?)body["pin"]));
        Assert.False(string.IsNullOrEmpty((string?)body["transferId"]));
        Assert.Equal(S.Payments.Paid, page.Find(".pay-done-title").TextContent);
        Assert.Equal(S.Payments.YouPaid("Mei"), page.Find(".pay-result .pay-what").TextContent);
        Assert.Equal("me/wallet", page.Find(".pay-result a").GetAttribute("href"));
        Assert.Equal([Preview, Pay], _server.Requests.Where(r => r.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ACodeWithAnAmount_AsksForThatAmount_AndSendsItsLinkAsScanned()
    {
        AnswerPreview(2_800);
        var page = Render(2_800);

        Assert.Empty(page.FindAll("#pay-person-amount"));
        Assert.Contains("¥28.00", page.Find(".pay-amount").TextContent, StringComparison.Ordinal);
        Assert.Equal(S.Receive.AmountFixed, page.Find(".pay-from").TextContent);
        await page.Find("form").SubmitAsync(new());
        await PinAsync(page, "314159");

        Assert.Equal("hutong://receive/" + Code + "?amount=2800", (string?)Body(Preview)["codeUrl"]);
        var body = Body(Pay);
        Assert.Equal(("hutong://receive/" + Code + "?amount=2800", 2_800L, null), ((string?)body["codeUrl"], (long)body["amount"]!, (string?)body["note"]));
    }

    [Theory]
    [InlineData("0", "Enter an amount")]
    [InlineData("100.01", "More than your wallet has")]
    public async Task AnAmountTheNodeWouldRefuse_SaysWhy_AndGoesNoFurther(string amount, string expected)
    {
        var page = Render();

        await page.Find("#pay-person-amount").InputAsync(new ChangeEventArgs { Value = amount });
        await page.Find("form").SubmitAsync(new());

        Assert.StartsWith(expected, page.Find(".field-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#pay-pin"));
    }

    [Fact]
    public async Task AWrongPin_SaysSo_AndTheNextTryIsANewPayment()
    {
        var wrong = true;
        _server.Answer(HttpMethod.Post, "api/v1/wallet/receive-code/payments", () => wrong
            ? RecordingHandler.Problem(HttpStatusCode.Forbidden, ErrorCodes.WrongPin)
            : RecordingHandler.Json(new ReceiveCodePayment("p-1", "t", "Mei", null, 500, "CNY", null, 9_500, Sample.Noon), HutongJsonContext.Default.ReceiveCodePayment, HttpStatusCode.Created));
        var page = Render();
        await page.Find("#pay-person-amount").InputAsync(new ChangeEventArgs { Value = "5" });
        await page.Find("form").SubmitAsync(new());

        await PinAsync(page, "000000");
        var first = (string?)Body(Pay)["transferId"];
        Assert.StartsWith(S.Error(ErrorCodes.WrongPin)!, page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        wrong = false;
        await PinAsync(page, "314159");

        Assert.NotEqual(first, (string?)Body(Pay)["transferId"]);
        Assert.Equal(S.Payments.Paid, page.Find(".pay-done-title").TextContent);
    }

    [Fact]
    public void ACodeThatNamesNobody_SaysSo_AndAsksForNothing()
    {
        _server.Answer(HttpMethod.Post, "api/v1/wallet/receive-code/preview", () => RecordingHandler.Problem(HttpStatusCode.NotFound, ErrorCodes.ReceiveCodeNotFound));

        var page = Render();

        Assert.Equal(S.Error(ErrorCodes.ReceiveCodeNotFound), page.Find("[data-testid=pay-person-refused]").TextContent);
        Assert.Empty(page.FindAll("input"));
    }
}
