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
}
