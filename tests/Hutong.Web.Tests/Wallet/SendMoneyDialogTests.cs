using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Hutong.Web.Wallet;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Wallet;

/// <summary>Sending from the composer: the red packet form's live checks, and ids that make a retry safe.</summary>
public sealed class SendMoneyDialogTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public SendMoneyDialogTests() =>
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon), Sample.People(("u-me", "Andrea"), ("u-lin", "Lin")));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static TransferInfo Sent(string id) => new(id, "mine-" + id, "u-me", "u-lin", 1_250, null, TransferStates.Pending, Sample.Noon, Sample.Noon.AddDays(1));

    private static RedPacketInfo Packet() =>
        new("p-9", "x", "u-me", "c-1", RedPacketKinds.Equal, 2, null, RedPacketStates.Active, 2, 2_000, null, Sample.Noon, Sample.Noon.AddDays(1), []);

    private IRenderedComponent<SendRedPacketDialog> RenderPacket(bool group, int members, Action<RedPacketInfo>? sent = null) =>
        _context.Render<SendRedPacketDialog>(ps => ps
            .Add(p => p.ConversationId, "c-1")
            .Add(p => p.Group, group)
            .Add(p => p.MemberCount, members)
            .Add(p => p.Sent, sent ?? (_ => { })));

    private void AnswerWallet(WalletLimits limits, long available = 10_000_000) =>
        _server.Answer(HttpMethod.Get, "api/v1/wallet", () =>
            RecordingHandler.Json(new WalletInfo(available, "CNY", true, available, limits), HutongJsonContext.Default.WalletInfo));

    private static Task TypeAsync<T>(IRenderedComponent<T> dialog, string selector, string value) where T : IComponent =>
        dialog.Find(selector).InputAsync(new ChangeEventArgs { Value = value });

    private static bool NextDisabled<T>(IRenderedComponent<T> dialog) where T : IComponent => dialog.Find("button[type=submit]").HasAttribute("disabled");

    private IReadOnlyList<JsonElement> Posted(string request) =>
        [.. _server.Bodies.Where(b => b.Request == request).Select(b => JsonDocument.Parse(b.Body).RootElement)];

    [Fact]
    public async Task PacketForm_InAGroup_ChecksTheCountAgainstTheMembersAsItIsTyped()
    {
        var dialog = RenderPacket(group: true, members: 3);
        Assert.Equal("2", dialog.Find("#packet-count").GetAttribute("value"));
        Assert.Equal(S.MemberCount(3), dialog.Find("#packet-count-hint").TextContent);

        await TypeAsync(dialog, "#packet-count", "4");

        Assert.Equal("At most 3 packets here.", dialog.Find("#packet-count-hint").TextContent);
        Assert.Equal("true", dialog.Find("#packet-count").GetAttribute("aria-invalid"));
        Assert.True(NextDisabled(dialog));
    }

    [Fact]
    public async Task PacketForm_LuckyTotalTooSmallForTheCount_SaysSoThenTakesAFittingOne()
    {
        var dialog = RenderPacket(group: true, members: 3);

        await TypeAsync(dialog, "#packet-amount", "0.01");

        Assert.Equal("Each packet holds at least ¥0.01.", dialog.Find("#packet-amount-error").TextContent);
        Assert.True(NextDisabled(dialog));

        await TypeAsync(dialog, "#packet-amount", "10");

        Assert.Empty(dialog.FindAll("#packet-amount-error"));
        Assert.False(NextDisabled(dialog));
        Assert.Equal("¥10.00", dialog.Find("[data-testid=packet-total] [aria-hidden=true]").TextContent);
    }

    [Fact]
    public async Task PacketForm_Equal_TheAmountIsEachShareAndTheTotalFollows()
    {
        var dialog = RenderPacket(group: true, members: 3);

        await dialog.FindAll("input[type=radio]")[1].ChangeAsync(new ChangeEventArgs { Value = "on" });
        await TypeAsync(dialog, "#packet-amount", "10");

        Assert.Equal($"{S.PacketEach} (CNY)", dialog.Find("label[for=packet-amount]").TextContent);
        Assert.Equal("¥20.00", dialog.Find("[data-testid=packet-total] [aria-hidden=true]").TextContent);

        await TypeAsync(dialog, "#packet-amount", "200.01");

        Assert.Equal("Each packet holds at most ¥200.00.", dialog.Find("#packet-amount-error").TextContent);
    }

    [Fact]
    public async Task PacketForm_OnANodeWithItsOwnLimits_HoldsToThem()
    {
        AnswerWallet(WalletLimits.Defaults with { MaxRedPacketShare = 50_000, MaxRedPacketShares = 2 });
        var dialog = RenderPacket(group: true, members: 5);

        await TypeAsync(dialog, "#packet-count", "3");
        Assert.Equal("At most 2 packets here.", dialog.Find("#packet-count-hint").TextContent);
        await TypeAsync(dialog, "#packet-count", "2");
        await TypeAsync(dialog, "#packet-amount", "1000.01");
        Assert.Equal("Each packet holds at most ¥500.00.", dialog.Find("#packet-amount-error").TextContent);
        await TypeAsync(dialog, "#packet-amount", "1000");

        Assert.False(NextDisabled(dialog));
    }

    [Fact]
    public void PacketForm_InADirectChat_AsksNoCountOrKind()
    {
        var dialog = RenderPacket(group: false, members: 2);

        Assert.Empty(dialog.FindAll("#packet-count"));
        Assert.Empty(dialog.FindAll("input[type=radio]"));
        Assert.Equal($"{S.PacketEach} (CNY)", dialog.Find("label[for=packet-amount]").TextContent);
    }

    [Fact]
    public async Task PacketForm_BackFromThePin_KeepsWhatWasTyped()
    {
        var dialog = RenderPacket(group: true, members: 3);
        await TypeAsync(dialog, "#packet-amount", "6.66");
        await TypeAsync(dialog, "#packet-greeting", "恭喜");
        await dialog.Find("form").SubmitAsync(new());
        Assert.Equal(S.EnterPin, dialog.Find(".dialog-title").TextContent);

        await dialog.FindAll("button").Single(b => b.TextContent == S.Back).ClickAsync(new());

        Assert.Equal("6.66", dialog.Find("#packet-amount").GetAttribute("value"));
        Assert.Equal("恭喜", dialog.Find("#packet-greeting").GetAttribute("value"));
    }

    [Fact]
    public async Task PacketForm_Paid_SendsWhatTheFormSaysAndReportsThePacket()
    {
        _server.Answer(HttpMethod.Post, "api/v1/red-packets", () => RecordingHandler.Json(Packet(), HutongJsonContext.Default.RedPacketInfo, HttpStatusCode.Created));
        RedPacketInfo? sent = null;
        var dialog = RenderPacket(group: true, members: 3, p => sent = p);
        await dialog.FindAll("input[type=radio]")[1].ChangeAsync(new ChangeEventArgs { Value = "on" });
        await TypeAsync(dialog, "#packet-amount", "10");
        await dialog.Find("form").SubmitAsync(new());

        await TypeAsync(dialog, "#pay-pin", "314159");
        await dialog.Find("form").SubmitAsync(new());

        dialog.WaitForAssertion(() => Assert.Equal("p-9", sent?.Id));
        var body = Assert.Single(Posted("POST api/v1/red-packets"));
        Assert.Equal("equal", body.GetProperty("kind").GetString());
        Assert.Equal(2_000, body.GetProperty("totalAmount").GetInt64());
        Assert.Equal(2, body.GetProperty("count").GetInt32());
        Assert.Equal("c-1", body.GetProperty("conversationId").GetString());
        Assert.Equal("314159", body.GetProperty("pin").GetString());
    }

    private async Task<IRenderedComponent<SendTransferDialog>> TransferAtThePinAsync(Action<TransferInfo>? sent = null)
    {
        var dialog = _context.Render<SendTransferDialog>(ps => ps.Add(p => p.ToUserId, "u-lin").Add(p => p.Sent, sent ?? (_ => { })));
        Assert.Equal("Transfer to Lin", dialog.Find(".dialog-title").TextContent);
        await TypeAsync(dialog, "#transfer-amount", "12.50");
        await TypeAsync(dialog, "#transfer-note", "for tea");
        await dialog.Find("form").SubmitAsync(new());
        await TypeAsync(dialog, "#pay-pin", "314159");
        return dialog;
    }

    [Fact]
    public async Task Transfer_RetriedAfterNoConnection_UsesTheSameIdSoItMovesOnce()
    {
        var tries = 0;
        _server.Answer(HttpMethod.Post, "api/v1/transfers", () =>
            ++tries == 1 ? throw new HttpRequestException("down") : RecordingHandler.Json(Sent("any"), HutongJsonContext.Default.TransferInfo, HttpStatusCode.Created));
        TransferInfo? sent = null;
        var dialog = await TransferAtThePinAsync(t => sent = t);

        await dialog.Find("form").SubmitAsync(new());
        Assert.Equal(S.NoConnection, dialog.Find("[role=alert]").TextContent.Trim());
        await dialog.Find("form").SubmitAsync(new());

        dialog.WaitForAssertion(() => Assert.NotNull(sent));
        var bodies = Posted("POST api/v1/transfers");
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0].GetProperty("transferId").GetString(), bodies[1].GetProperty("transferId").GetString());
        Assert.Equal(1_250, bodies[1].GetProperty("amount").GetInt64());
        Assert.Equal("for tea", bodies[1].GetProperty("note").GetString());
        Assert.Equal("u-lin", bodies[1].GetProperty("toUserId").GetString());
    }

    [Fact]
    public async Task Transfer_RefusedThenPaid_TheNextTryIsANewTransfer()
    {
        var tries = 0;
        _server.Answer(HttpMethod.Post, "api/v1/transfers", () => ++tries == 1
            ? RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.InsufficientFunds)
            : RecordingHandler.Json(Sent("any"), HutongJsonContext.Default.TransferInfo, HttpStatusCode.Created));
        var dialog = await TransferAtThePinAsync();

        await dialog.Find("form").SubmitAsync(new());
        Assert.Equal(S.Error(ErrorCodes.InsufficientFunds), dialog.Find("[role=alert]").TextContent.Trim());
        await dialog.Find("form").SubmitAsync(new());

        var bodies = Posted("POST api/v1/transfers");
        Assert.Equal(2, bodies.Count);
        Assert.NotEqual(bodies[0].GetProperty("transferId").GetString(), bodies[1].GetProperty("transferId").GetString());
    }

    [Theory]
    [InlineData(100_000L, 10_000_000L, "1000.01", "1000", "At most ¥1,000.00 at a time.")]
    [InlineData(5_000_000L, 2_000L, "20.01", "20", "More than your wallet has: ¥20.00 available.")]
    public async Task Transfer_OverTheNodesLimitOrWhatIsAvailable_SaysWhichAndGoesNoFurther(long maxTransfer, long available, string over, string most, string expected)
    {
        AnswerWallet(WalletLimits.Defaults with { MaxTransfer = maxTransfer }, available);
        var dialog = _context.Render<SendTransferDialog>(ps => ps.Add(p => p.ToUserId, "u-lin"));
        Assert.Equal(S.AvailableAmount(Money.Format(available, "CNY")), dialog.Find("#transfer-amount-hint").TextContent);

        await TypeAsync(dialog, "#transfer-amount", over);
        await dialog.Find("form").SubmitAsync(new());

        Assert.Equal(expected, dialog.Find("#transfer-amount-error").TextContent);
        Assert.True(NextDisabled(dialog));
        Assert.Empty(dialog.FindAll("#pay-pin"));
        await TypeAsync(dialog, "#transfer-amount", most);
        Assert.False(NextDisabled(dialog));
    }

    [Fact]
    public async Task PacketForm_MoreThanTheWalletHas_SaysWhatIsAvailable()
    {
        AnswerWallet(WalletLimits.Defaults, available: 500);
        var dialog = RenderPacket(group: true, members: 3);
        Assert.Equal("¥5.00 available", dialog.Find("#packet-amount-hint").TextContent);

        await TypeAsync(dialog, "#packet-amount", "6");

        Assert.Equal("More than your wallet has: ¥5.00 available.", dialog.Find("#packet-amount-error").TextContent);
        Assert.True(NextDisabled(dialog));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("1.234")]
    public async Task Transfer_AmountNotMoney_SaysSoAndGoesNoFurther(string amount)
    {
        var dialog = _context.Render<SendTransferDialog>(ps => ps.Add(p => p.ToUserId, "u-lin"));

        await TypeAsync(dialog, "#transfer-amount", amount);
        await dialog.Find("form").SubmitAsync(new());

        Assert.Equal(S.AmountInvalid, dialog.Find("#transfer-amount-error").TextContent);
        Assert.True(NextDisabled(dialog));
        Assert.Empty(dialog.FindAll("#pay-pin"));
    }
}
