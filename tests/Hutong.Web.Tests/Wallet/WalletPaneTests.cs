using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Tests.Testing;
using Hutong.Web.Wallet;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Wallet;

/// <summary>The wallet page: money in and out within the node's limits.</summary>
public sealed class WalletPaneTests : IAsyncDisposable
{
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
    [InlineData("Top up")]
    [InlineData("Withdraw")]
    public async Task Move_OverTheNodesLimit_SaysTheLimitAndAsksNothingOfTheServer(string action)
    {
        var pane = _context.Render<WalletPane>();
        await pane.FindAll("button").Single(b => b.TextContent == action).ClickAsync(new());

        await pane.Find("#amount").ChangeAsync(new ChangeEventArgs { Value = "500.01" });
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal("At most ¥500.00 at a time.", pane.Find("[role=alert]").TextContent);
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdraw_MoreThanTheWalletHas_SaysWhatIsAvailableAndAsksNothingOfTheServer()
    {
        var pane = _context.Render<WalletPane>();
        await pane.FindAll("button").Single(b => b.TextContent == "Withdraw").ClickAsync(new());

        await pane.Find("#amount").ChangeAsync(new ChangeEventArgs { Value = "10.01" });
        await pane.Find("form").SubmitAsync(new());

        Assert.Equal("More than your wallet has: ¥10.00 available.", pane.Find("[role=alert]").TextContent);
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }
}
