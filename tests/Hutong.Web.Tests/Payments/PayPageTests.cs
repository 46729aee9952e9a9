using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Payments;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Payments;

/// <summary>The page a scanned payment code opens: the cashier at once, and what came of it once it closes.</summary>
public sealed class PayPageTests : IAsyncDisposable
{
    private const string Code = "wx20260318120000a1b2c3d4e5f6a7b8c9d0";

    private static readonly PaymentStrings P = Strings.English.Payments;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public PayPageTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Post, "api/v1/payments/native/preview", () => RecordingHandler.Json(
            new PaymentPreview("Tea House", "Oolong, a pot", 2_800, "CNY", PaymentStates.Unpaid, "wx01", null, null), HutongJsonContext.Default.PaymentPreview));
        _server.Answer(HttpMethod.Post, "api/v1/payments/native", () => RecordingHandler.Json(
            new PaymentResult("4220260318123456789012345678", PaymentStates.Paid, "Tea House", "Oolong, a pot", 2_800, "CNY", Sample.Noon),
            HutongJsonContext.Default.PaymentResult));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<PayPage> Render()
    {
        var page = _context.Render<PayPage>(ps => ps.Add(p => p.Code, Code));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#pay-pin")));
        return page;
    }

    [Fact]
    public async Task Paid_ThePageSaysSo_WithTheWayToTheWallet()
    {
        var page = Render();

        await page.Find("#pay-pin").InputAsync(new ChangeEventArgs { Value = "314159" });
        await page.Find("form").SubmitAsync(new());
        await page.FindAll("button").Single(b => b.TextContent == P.Done).ClickAsync(new());

        Assert.Contains("""{"codeUrl":"hutong://pay/wx20260318120000a1b2c3d4e5f6a7b8c9d0","pin":"314159"}""", _server.Bodies.Select(b => b.Body));
        Assert.Empty(page.FindAll("[role=dialog]"));
        Assert.Equal("You paid Tea House.", page.Find(".pay-result .pay-what").TextContent);
        Assert.Equal("me/wallet", page.Find(".pay-result a").GetAttribute("href"));
    }

    [Fact]
    public async Task Cancelled_NothingIsPaid_AndPayOpensTheCashierAgain()
    {
        var page = Render();

        await page.FindAll("button").Single(b => b.TextContent == Strings.English.Cancel).ClickAsync(new());

        Assert.Empty(page.FindAll("[role=dialog]"));
        Assert.Equal(P.NothingPaid, page.Find(".pay-result p").TextContent);
        await page.Find("#pay-again").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#pay-pin")));
        Assert.Equal(2, _server.Requests.Count(r => r == "POST api/v1/payments/native/preview"));
        Assert.DoesNotContain("POST api/v1/payments/native", _server.Requests);
    }
}
