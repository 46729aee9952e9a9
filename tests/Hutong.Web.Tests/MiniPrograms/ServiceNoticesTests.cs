using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Contracts.Wallet;
using Hutong.Web.MiniPrograms;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.MiniPrograms;

/// <summary>
/// The service notices on Discover → Mini Programs: mini-programs' messages and Hutong Pay's notices of my payments and
/// refunds in one list, newest first; a Pay notice says whom, how much and what for, comes from Hutong Pay with the
/// wallet's icon, and opens the wallet.
/// </summary>
public sealed class ServiceNoticesTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public ServiceNoticesTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, "api/v1/mini-programs/recent", () => RecordingHandler.Json(new MiniProgramList([]), HutongJsonContext.Default.MiniProgramList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static ServiceNotice AppNotice(string title, DateTimeOffset at) =>
        new("n-" + title, "wx00000000000000b1", "Booking", null, title, [new ServiceNoticeField("Service", "Foot massage")], "pages/mine/mine", at);

    private static PaidNotice Paid(long amount, DateTimeOffset at) => new("Tea House", amount, "CNY", "Oolong, a pot", "4220260318" + amount, at);

    private static RefundedNotice Refunded(long amount, DateTimeOffset at) =>
        new("Tea House", amount, "CNY", "Oolong, a pot", "42202603182800", "5020260318" + amount, at);

    [Fact]
    public void PayNotices_AreListedAmongTheAppsNotices_NewestFirst_FromHutongPay_OpeningTheWallet()
    {
        _server.Answer(HttpMethod.Get, "api/v1/mini-programs/notices", () => RecordingHandler.Json(
            new ServiceNoticeList([AppNotice("Booking reminder", Sample.Noon.AddMinutes(30)), AppNotice("Booking confirmed", Sample.Noon.AddHours(-1))]),
            HutongJsonContext.Default.ServiceNoticeList));
        _server.Answer(HttpMethod.Get, "api/v1/wallet/notices?limit=50", () => RecordingHandler.Json(
            new PaymentNoticeList([Refunded(1_000, Sample.Noon.AddMinutes(45)), Paid(2_800, Sample.Noon.AddMinutes(-30))], null),
            HutongJsonContext.Default.PaymentNoticeList));

        var page = _context.Render<MiniProgramsPage>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[aria-labelledby=mp-notices] > li").Count), Patience);
        Assert.Equal(
            ["Refund from Tea House: ¥10.00", "Booking reminder", "Payment to Tea House: ¥28.00", "Booking confirmed"],
            page.FindAll("[aria-labelledby=mp-notices] .row-name").Select(n => n.TextContent));
        var pay = page.FindAll(".pay-notice");
        Assert.Equal(2, pay.Count);
        Assert.All(pay, row =>
        {
            Assert.Equal("me/wallet", row.GetAttribute("href"));
            Assert.StartsWith("Hutong Pay · ", row.QuerySelector(".row-sub")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Oolong, a pot", row.QuerySelectorAll(".row-sub")[1].TextContent);
            Assert.NotNull(row.QuerySelector(".avatar-icon svg.icon"));
        });
        var app = page.Find(".mp-notice");
        Assert.Equal("mp/wx00000000000000b1?path=pages%2Fmine%2Fmine", app.GetAttribute("href"));
        Assert.StartsWith("Booking · ", app.QuerySelector(".row-sub")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_LeavesOutWhatIsOlderThanTheLastPayNotice_WhenMorePayNoticesFollow()
    {
        var apps = new[] { AppNotice("new", Sample.Noon), AppNotice("old", Sample.Noon.AddDays(-3)) };
        var pay = new PaymentNoticeList([Paid(100, Sample.Noon.AddHours(-1)), Paid(200, Sample.Noon.AddDays(-1))], "next");

        var merged = ServiceNoticeItem.Merge(apps, pay);
        var complete = ServiceNoticeItem.Merge(apps, pay with { NextCursor = null });

        Assert.Equal([Sample.Noon, Sample.Noon.AddHours(-1), Sample.Noon.AddDays(-1)], merged.Select(i => i.At));
        Assert.Equal(4, complete.Count);
        Assert.Equal("old", Assert.IsType<AppNoticeItem>(complete[^1]).Notice.Title);
    }
}
