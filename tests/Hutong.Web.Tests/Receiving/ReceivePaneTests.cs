using System.Net;
using Bunit;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Receiving;
using Hutong.Web.Session;
using Hutong.Web.Tests.Testing;
using Hutong.Web.Wallet;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Receiving;

/// <summary>
/// Me → Wallet → Receive money: my code drawn by the node (with an amount set, or not), saved as an image, reset only
/// after asking; and money paid to it, shown on the page and in a notice wherever I am.
/// </summary>
public sealed class ReceivePaneTests : IAsyncDisposable
{
    private const string Code = "GET api/v1/wallet/receive-code?format=svg";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly PushGateway _push = new();
    private HutongGateway? _gateway;

    public ReceivePaneTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _context.Services.GetRequiredService<AppSession>().Update(new MeResponse("u-mei", "mei", "Mei", null));
        _server.Answer(HttpMethod.Get, "api/v1/wallet", () => RecordingHandler.Json(
            new WalletInfo(0, "CNY", true, 0, WalletLimits.Defaults with { MaxTransfer = 100_000 }), HutongJsonContext.Default.WalletInfo));
        _server.Answer(HttpMethod.Get, "api/v1/wallet/receive-code?format=svg", Svg);
        _server.Answer(HttpMethod.Get, "api/v1/wallet/receive-code?format=svg&amount=2800", Svg);
        _server.Answer(HttpMethod.Get, "api/v1/users/u-lin", () => RecordingHandler.Json(new PublicProfile("u-lin", "lin", "Lin", null), HutongJsonContext.Default.PublicProfile));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static HttpResponseMessage Svg() => new(HttpStatusCode.OK) { Content = new StringContent("<svg/>", System.Text.Encoding.UTF8, "image/svg+xml") };

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        _push.Dispose();
        await _context.DisposeAsync();
    }

    private IRenderedComponent<ReceivePane> Render()
    {
        var pane = _context.Render<ReceivePane>();
        pane.WaitForAssertion(() => Assert.Contains(Code, _server.Requests));
        return pane;
    }

    [Fact]
    public async Task MyCode_IsDrawnByTheNode_AndASetAmountDrawsOneThatAsksForIt()
    {
        var pane = Render();
        Assert.Equal(S.Receive.QrAlt("Mei"), pane.Find(".qr").GetAttribute("aria-label"));

        await pane.Find("#set-amount").ClickAsync(new());
        await pane.Find("#receive-amount").InputAsync(new ChangeEventArgs { Value = "abc" });
        await pane.Find("form").SubmitAsync(new());
        Assert.Equal(S.AmountInvalid, pane.Find("#receive-amount-error").TextContent);
        await pane.Find("#receive-amount").InputAsync(new ChangeEventArgs { Value = "28" });
        await pane.Find("form").SubmitAsync(new());

        pane.WaitForAssertion(() => Assert.Contains("GET api/v1/wallet/receive-code?format=svg&amount=2800", _server.Requests));
        Assert.Contains("¥28.00", pane.Find("[data-testid=receive-amount]").TextContent, StringComparison.Ordinal);
        await pane.FindAll("button").Single(b => b.TextContent == S.Receive.ClearAmount).ClickAsync(new());
        pane.WaitForAssertion(() => Assert.Equal(2, _server.Requests.Count(r => r == Code)));
        Assert.Empty(pane.FindAll("[data-testid=receive-amount]"));
    }

    [Fact]
    public async Task Reset_AsksFirst_ThenDrawsTheNewCode()
    {
        _server.Answer(HttpMethod.Post, "api/v1/wallet/receive-code/reset", () => RecordingHandler.Json(
            new ReceiveCodeInfo("hutong://receive/new", null), HutongJsonContext.Default.ReceiveCodeInfo));
        var pane = Render();

        await pane.Find("#reset-receive-code").ClickAsync(new());
        Assert.Equal(S.Receive.ResetConfirm, pane.Find("[role=dialog] p").TextContent);
        await pane.Find("[role=dialog]").QuerySelectorAll("button").Single(b => b.TextContent == S.Cancel).ClickAsync(new());
        Assert.Empty(pane.FindAll("[role=dialog]"));
        Assert.DoesNotContain("POST api/v1/wallet/receive-code/reset", _server.Requests);

        await pane.Find("#reset-receive-code").ClickAsync(new());
        await pane.Find("[role=dialog]").QuerySelectorAll("button.danger").Single().ClickAsync(new());

        Assert.Contains("POST api/v1/wallet/receive-code/reset", _server.Requests);
        Assert.Empty(pane.FindAll("[role=dialog]"));
        Assert.Equal(S.Receive.CodeReset, pane.Find("[role=status]").TextContent);
        pane.WaitForAssertion(() => Assert.Equal(2, _server.Requests.Count(r => r == Code)));
    }

    [Fact]
    public async Task SaveImage_DownloadsTheCodeAsAPng()
    {
        _server.Answer(HttpMethod.Get, "api/v1/wallet/receive-code?format=png", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0x89, 0x50]) });
        var pane = Render();

        await pane.FindAll("button").Single(b => b.TextContent == S.Receive.SaveImage).ClickAsync(new());

        Assert.Contains("GET api/v1/wallet/receive-code?format=png", _server.Requests);
        Assert.Equal("hutong-receive-code.png", _context.JSInterop.VerifyInvoke("hutong.download").Arguments[1]);
    }

    [Fact]
    public async Task MoneyPaidToMyCode_ShowsOnThePage_AndInANoticeThatStaysUntilClosed()
    {
        var pane = Render();
        var notices = _context.Render<MoneyNotices>();
        await FollowAsync();

        await _push.PushAsync(new EventFrame(new ReceiveCodePaymentEvent("p-1", "u-lin", 1_234, "CNY", "dumplings") { Seq = 1, At = Sample.Noon }));
        // The same payment told again is shown once.
        await _push.PushAsync(new EventFrame(new ReceiveCodePaymentEvent("p-1", "u-lin", 1_234, "CNY", "dumplings") { Seq = 2, At = Sample.Noon }));

        notices.WaitForAssertion(() => Assert.Equal("Lin paid you ¥12.34", notices.Find(".money-notice-title").TextContent), Patience);
        Assert.Equal("Note: dumplings", notices.Find(".money-notice-note").TextContent);
        Assert.Equal("polite", notices.Find(".money-notices").GetAttribute("aria-live"));
        pane.WaitForAssertion(() => Assert.StartsWith("Lin paid you ¥12.34", pane.Find(".received-entry .entry-kind").TextContent.Trim(), StringComparison.Ordinal), Patience);
        Assert.Single(pane.FindAll(".received-entry"));

        await notices.Find(".money-notice button").ClickAsync(new());
        Assert.Empty(notices.FindAll(".money-notice"));
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
