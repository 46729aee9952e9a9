using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Merchants;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;
using static Hutong.Web.Tests.Merchants.MerchantSamples;

namespace Hutong.Web.Tests.Merchants;

/// <summary>The merchant's money: settled and unsettled, and a payout to the owner's wallet with the PIN.</summary>
public sealed class MerchantMoneyTests : IAsyncDisposable
{
    private const string Payouts = $"POST api/v1/merchants/{Id}/payouts";

    private static readonly MerchantStrings M = Strings.English.Merchants;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private long _settled = 9_000;

    public MerchantMoneyTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, $"api/v1/merchants/{Id}/balance", () =>
            RecordingHandler.Json(new MerchantBalance(_settled, 2_800, "CNY"), HutongJsonContext.Default.MerchantBalance));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<MerchantMoney> Render()
    {
        var tab = _context.Render<MerchantMoney>(ps => ps.Add(p => p.Merchant, Merchant()));
        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("[data-testid=settled]")));
        return tab;
    }

    private static async Task AskAsync(IRenderedComponent<MerchantMoney> tab, string amount)
    {
        await tab.Find("#payout-amount").InputAsync(new ChangeEventArgs { Value = amount });
        await tab.Find("#payout-amount").Closest("form")!.SubmitAsync(new());
    }

    private static async Task PinAsync(IRenderedComponent<MerchantMoney> tab)
    {
        await tab.Find("#pay-pin").InputAsync(new ChangeEventArgs { Value = "314159" });
        await tab.Find("#pay-pin").Closest("form")!.SubmitAsync(new());
    }

    private IReadOnlyList<JsonElement> Sent() => [.. _server.Bodies.Where(b => b.Request == Payouts).Select(b => JsonDocument.Parse(b.Body).RootElement)];

    [Fact]
    public void ShowsWhatIsSettled_AndWhatIsStillToSettle()
    {
        var tab = Render();

        Assert.Equal("¥90.00", tab.Find("[data-testid=settled]").TextContent);
        Assert.Equal(M.UnsettledAmount("¥28.00"), tab.Find("[data-testid=unsettled]").TextContent);
        Assert.Equal(M.PayOutHint("¥90.00"), tab.Find("#payout-amount-hint").TextContent);
    }

    [Fact]
    public async Task PayOut_MoreThanIsSettled_IsRefusedBeforeThePin()
    {
        var tab = Render();

        await AskAsync(tab, "90.01");

        Assert.Equal(M.OverSettled("¥90.00"), tab.Find("#payout-amount-hint[role=alert]").TextContent);
        Assert.Empty(tab.FindAll("#pay-pin"));
    }

    [Fact]
    public async Task PayOut_AsksForThePin_ThenMovesTheMoney_AndAWrongPinIsTriedAgainUnderTheSameId()
    {
        var wrong = true;
        _server.Answer(HttpMethod.Post, $"api/v1/merchants/{Id}/payouts", () =>
        {
            if (wrong)
            {
                return RecordingHandler.Problem(new ProblemBody(null, "wrong", 403, null, ErrorCodes.WrongPin, null, AttemptsLeft: 4));
            }

            _settled = 4_000;
            return RecordingHandler.Json(new MerchantPayoutReceipt("x", 5_000, 4_000, 15_000, Sample.Noon), HutongJsonContext.Default.MerchantPayoutReceipt, HttpStatusCode.Created);
        });
        var tab = Render();

        await AskAsync(tab, "50");
        Assert.Contains(M.PayOutToWallet, tab.Find("[role=dialog]").TextContent, StringComparison.Ordinal);
        await PinAsync(tab);
        Assert.Equal("Wrong payment PIN. 4 attempts left before payments lock.", tab.Find("#pin-error").TextContent.Trim());
        wrong = false;
        await PinAsync(tab);

        var sent = Sent();
        Assert.Equal(2, sent.Count);
        Assert.Equal((5_000, "314159"), (sent[1].GetProperty("amount").GetInt64(), sent[1].GetProperty("pin").GetString()));
        // A wrong PIN moved nothing: the next try is a payout of its own.
        Assert.NotEqual(sent[0].GetProperty("transferId").GetString(), sent[1].GetProperty("transferId").GetString());
        Assert.Empty(tab.FindAll("[role=dialog]"));
        Assert.Equal(M.PaidOut("¥50.00", "¥150.00"), tab.Find("[role=status]").TextContent);
        tab.WaitForAssertion(() => Assert.Equal("¥40.00", tab.Find("[data-testid=settled]").TextContent));
    }

    [Fact]
    public async Task PayOut_NoAnswer_TheRetryKeepsItsId_SoTheMoneyMovesOnce()
    {
        var offline = true;
        _server.Answer(HttpMethod.Post, $"api/v1/merchants/{Id}/payouts", () => offline
            ? throw new HttpRequestException("offline")
            : RecordingHandler.Json(new MerchantPayoutReceipt("x", 5_000, 4_000, 15_000, Sample.Noon), HutongJsonContext.Default.MerchantPayoutReceipt, HttpStatusCode.Created));
        var tab = Render();

        await AskAsync(tab, "50");
        await PinAsync(tab);
        Assert.Equal(Strings.English.NoConnection, tab.Find("#pin-error").TextContent.Trim());
        offline = false;
        await tab.Find("#pay-pin").Closest("form")!.SubmitAsync(new());

        var ids = Sent().Select(s => s.GetProperty("transferId").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task PayOut_SettledMoneyGoneMeanwhile_ClosesThePinAndSaysWhatIsLeft()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/merchants/{Id}/payouts", () =>
        {
            _settled = 1_000;
            return RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.InsufficientFunds);
        });
        var tab = Render();

        await AskAsync(tab, "50");
        await PinAsync(tab);

        Assert.Empty(tab.FindAll("[role=dialog]"));
        Assert.Equal(M.OverSettled("¥10.00"), tab.Find("p.form-error[role=alert]").TextContent);
    }
}
