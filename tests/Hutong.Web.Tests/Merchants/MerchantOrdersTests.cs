using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Merchants;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Hutong.Web.Tests.Merchants.MerchantSamples;

namespace Hutong.Web.Tests.Merchants;

/// <summary>A merchant's orders a page at a time, one order with its refunds, and the refund form.</summary>
public sealed class MerchantOrdersTests : IAsyncDisposable
{
    private const string Orders = $"api/v1/merchants/{Id}/orders";
    private const string Tx = "4220260318123456789012345678";
    private const string RefundRequest = $"POST {Orders}/{Tx}/refunds";

    private static readonly MerchantStrings M = Strings.English.Merchants;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private MerchantOrderInfo _order = Order(Tx);

    public MerchantOrdersTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, $"{Orders}/{Tx}", () => RecordingHandler.Json(_order, HutongJsonContext.Default.MerchantOrderInfo));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private void Page(string? cursor, string? next, params MerchantOrderInfo[] orders) =>
        _server.Answer(HttpMethod.Get, $"{Orders}?limit={MerchantOrders.PageSize}{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}",
            () => RecordingHandler.Json(new MerchantOrderList(orders, next), HutongJsonContext.Default.MerchantOrderList));

    [Theory]
    [InlineData("en", "Unpaid", "Paid", "Partly refunded", "Refunded", "Closed")]
    [InlineData("zh-Hans", "未支付", "已支付", "部分退款", "已退款", "已关闭")]
    public async Task List_NewestFirst_SaysEachOrdersStateInWords_AndLoadMoreAsksWithTheCursor(
        string language, string unpaid, string paid, string partly, string refunded, string closed)
    {
        await _context.Services.GetRequiredService<Texts>().ChooseAsync(language);
        Page(null, "c/2+", Order("t5", MerchantText.Unpaid), Order("t4"), Order("t3", MerchantText.Refunded, refunded: 500));
        Page("c/2+", null, Order("t2", MerchantText.Refunded, refunded: 2_800), Order("t1", MerchantText.Closed));

        var tab = _context.Render<MerchantOrders>(ps => ps.Add(p => p.Merchant, Merchant()));
        tab.WaitForAssertion(() => Assert.Equal(3, tab.FindAll(".order-row").Count));
        await tab.Find("#load-more-orders").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Equal(5, tab.FindAll(".order-row").Count));
        Assert.Equal([unpaid, paid, partly, refunded, closed], tab.FindAll(".order-state").Select(s => s.TextContent));
        Assert.Equal($"merchants/{Id}/orders/t5", tab.Find(".order-row").GetAttribute("href"));
        Assert.Contains("¥28.00", tab.Find(".order-row .order-amount").TextContent, StringComparison.Ordinal);
        Assert.Equal([$"GET {Orders}?limit=20", $"GET {Orders}?limit=20&cursor=c%2F2%2B"], _server.Requests);
        Assert.Empty(tab.FindAll("#load-more-orders"));
        Assert.Contains(_context.JSInterop.Invocations, i => i.Identifier == "hutong.focus" && Equals(i.Arguments[0], "#order-t2"));
    }

    [Fact]
    public async Task List_ALastPageWithNothing_EndsTheList()
    {
        Page(null, "c2", Order("t1"));
        Page("c2", null);

        var tab = _context.Render<MerchantOrders>(ps => ps.Add(p => p.Merchant, Merchant()));
        tab.WaitForAssertion(() => Assert.Single(tab.FindAll(".order-row")));
        await tab.Find("#load-more-orders").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("#load-more-orders")));
        Assert.Single(tab.FindAll(".order-row"));
    }

    [Fact]
    public void List_NoOrders_SaysWhereTheyComeFrom()
    {
        Page(null, null);

        var tab = _context.Render<MerchantOrders>(ps => ps.Add(p => p.Merchant, Merchant()));

        tab.WaitForAssertion(() => Assert.Equal(M.NoOrders, tab.Find(".list-note").TextContent));
    }

    private IRenderedComponent<OrderDetails> Open()
    {
        var details = _context.Render<OrderDetails>(ps => ps.Add(p => p.Merchant, Merchant()).Add(p => p.TransactionId, Tx));
        details.WaitForAssertion(() => Assert.Single(details.FindAll("#order-title")));
        return details;
    }

    private static async Task RefundAsync(IRenderedComponent<OrderDetails> details, string amount, string? reason = null)
    {
        await details.Find("#refund-amount").InputAsync(new ChangeEventArgs { Value = amount });
        if (reason is not null)
        {
            await details.Find("#refund-reason").ChangeAsync(new ChangeEventArgs { Value = reason });
        }

        await details.Find("#refund-amount").Closest("form")!.SubmitAsync(new());
    }

    private IReadOnlyList<JsonElement> Refunds() =>
        [.. _server.Bodies.Where(b => b.Request == RefundRequest).Select(b => JsonDocument.Parse(b.Body).RootElement)];

    [Fact]
    public async Task Details_ShowTheOrderAndItsRefunds_AndTheFormOffersWhatIsLeft()
    {
        _order = Order(Tx, MerchantText.Refunded, refunded: 500,
            refunds: [new MerchantRefundInfo("50202603181234567890123456789", "R1", 500, "Cold tea", "SUCCESS", Sample.Noon, Sample.Noon)]);

        var details = Open();

        Assert.Equal("Oolong, a pot", details.Find("#order-title").TextContent);
        Assert.Equal(M.OrderPartlyRefunded, details.Find("[data-testid=order-state]").TextContent);
        Assert.Contains("Cold tea", details.Find(".merchant-refunds").TextContent, StringComparison.Ordinal);
        Assert.Equal(M.RefundUpTo("¥23.00"), details.Find("#refund-amount-hint").TextContent);
        Assert.Equal($"merchants/{Id}/orders", details.Find(".back-link").GetAttribute("href"));
    }

    [Theory]
    [InlineData(MerchantText.Unpaid)]
    [InlineData(MerchantText.Closed)]
    public void Details_AnOrderNotPaid_HasNoRefundForm(string state)
    {
        _order = Order(Tx, state);

        var details = Open();

        Assert.Empty(details.FindAll("#refund-amount"));
    }

    [Theory]
    [InlineData("28.01", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public async Task Refund_MoreThanIsLeftOrNoAmount_IsRefusedBeforeTheServer(string amount, bool over)
    {
        var details = Open();

        await RefundAsync(details, amount);

        Assert.Equal(over ? "More than is left to refund: ¥28.00." : Strings.English.AmountInvalid, details.Find("#refund-amount-hint[role=alert]").TextContent);
        Assert.Empty(Refunds());
    }

    [Fact]
    public async Task Refund_SendsTheAmountAndReasonUnderANewNumber_ThenShowsTheRefund()
    {
        _server.Answer(HttpMethod.Post, $"{Orders}/{Tx}/refunds", () =>
        {
            var refund = new MerchantRefundInfo("50202603181234567890123456789", Refunds()[^1].GetProperty("outRefundNo").GetString()!, 1_000, "Cold tea", "SUCCESS", Sample.Noon, Sample.Noon);
            _order = _order with { State = MerchantText.Refunded, RefundedAmount = 1_000, Refunds = [refund] };
            return RecordingHandler.Json(refund, HutongJsonContext.Default.MerchantRefundInfo);
        });
        var details = Open();

        await RefundAsync(details, "10", " Cold tea ");

        var sent = Assert.Single(Refunds());
        Assert.Equal((1_000, "Cold tea"), (sent.GetProperty("amount").GetInt64(), sent.GetProperty("reason").GetString()));
        Assert.Matches("^[A-Za-z0-9_|*-]{6,64}$", sent.GetProperty("outRefundNo").GetString());
        Assert.Equal(M.Refunded("¥10.00"), details.Find("[role=status]").TextContent);
        Assert.Equal(M.OrderPartlyRefunded, details.Find("[data-testid=order-state]").TextContent);
        Assert.Equal(M.RefundUpTo("¥18.00"), details.Find("#refund-amount-hint").TextContent);
        Assert.Single(details.FindAll(".merchant-refunds .refund"));
    }

    [Fact]
    public async Task Refund_Refused_SaysWhyWithTheServersDetail_AndTheNextTryIsANewRefund()
    {
        _server.Answer(HttpMethod.Post, $"{Orders}/{Tx}/refunds", () => RecordingHandler.Problem(
            HttpStatusCode.Conflict, ErrorCodes.RefundRefused, "订单已超过退款期限: orders can be refunded within a year of payment."));
        var details = Open();

        await RefundAsync(details, "5");
        await RefundAsync(details, "5");

        Assert.Equal("This order cannot be refunded that way. 订单已超过退款期限: orders can be refunded within a year of payment.",
            details.Find("p.form-error[role=alert]").TextContent);
        var numbers = Refunds().Select(r => r.GetProperty("outRefundNo").GetString()).ToList();
        Assert.Equal(2, numbers.Count);
        Assert.NotEqual(numbers[0], numbers[1]);
    }

    [Fact]
    public async Task Refund_MoreThanTheMerchantHoldsAfterSettlement_SaysSoInTheMerchantsWords()
    {
        _server.Answer(HttpMethod.Post, $"{Orders}/{Tx}/refunds", () => RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.InsufficientFunds));
        var details = Open();

        await RefundAsync(details, "5");

        Assert.Equal(M.RefundNotEnough, details.Find("p.form-error[role=alert]").TextContent);
    }

    [Fact]
    public async Task Refund_NoAnswer_TheRetryKeepsItsNumber_SoTheMoneyGoesBackOnce()
    {
        var offline = true;
        _server.Answer(HttpMethod.Post, $"{Orders}/{Tx}/refunds", () => offline
            ? throw new HttpRequestException("offline")
            : RecordingHandler.Json(new MerchantRefundInfo("50202603181234567890123456789", "R", 500, null, "SUCCESS", Sample.Noon, Sample.Noon),
                HutongJsonContext.Default.MerchantRefundInfo));
        var details = Open();

        await RefundAsync(details, "5");
        Assert.Equal(Strings.English.NoConnection, details.Find("p.form-error[role=alert]").TextContent);
        offline = false;
        await details.Find("#refund-amount").Closest("form")!.SubmitAsync(new());

        var numbers = Refunds().Select(r => r.GetProperty("outRefundNo").GetString()).ToList();
        Assert.Equal(2, numbers.Count);
        Assert.Equal(numbers[0], numbers[1]);
        Assert.Equal(M.Refunded("¥5.00"), details.Find("[role=status]").TextContent);
    }
}
