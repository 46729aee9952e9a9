using System.Net;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Wallet;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Wallet;

/// <summary>Transfers and red packets as chat bubbles: amounts, states, and answering a transfer.</summary>
public sealed class MoneyCardTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public MoneyCardTests() =>
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon), Sample.People(("u-me", "Andrea"), ("u-lin", "Lin")));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static TransferInfo Transfer(string state) =>
        new("t-1", null, "u-me", "u-lin", 1_250, "for tea", state, Sample.Noon, Sample.Noon.AddDays(1));

    private static RedPacketInfo Packet(string state = RedPacketStates.Active, long? myAmount = null, string senderId = "u-lin") =>
        new("p-1", null, senderId, "c-1", RedPacketKinds.Lucky, 3, null, state, state == RedPacketStates.Finished ? 0 : 3, null, myAmount, Sample.Noon, Sample.Noon.AddDays(1), []);

    private void AnswerTransfer(string state) =>
        _server.Answer(HttpMethod.Get, "api/v1/transfers/t-1", () => RecordingHandler.Json(Transfer(state), HutongJsonContext.Default.TransferInfo));

    private void AnswerPacket(RedPacketInfo packet) =>
        _server.Answer(HttpMethod.Get, "api/v1/red-packets/p-1", () => RecordingHandler.Json(packet, HutongJsonContext.Default.RedPacketInfo));

    private IRenderedComponent<MessageBubble> Render(MessageInfo message, bool mine, bool group = false, Action? onPacket = null) =>
        _context.Render<MessageBubble>(ps => ps
            .Add(p => p.Message, message)
            .Add(p => p.Mine, mine)
            .Add(p => p.Group, group)
            .Add(p => p.OnPacket, onPacket ?? (() => { })));

    [Fact]
    public void Render_MyPendingTransfer_ShowsAmountNoteAndWhoItWaitsFor()
    {
        AnswerTransfer(TransferStates.Pending);

        var bubble = Render(Sample.Transfer(1, "t-1", 1_250, "for tea", senderId: "u-me"), mine: true);

        bubble.WaitForAssertion(() => Assert.Equal("Waiting for Lin to accept", bubble.Find(".money-state").TextContent));
        Assert.Equal("¥12.50", bubble.Find(".money-amount [aria-hidden=true]").TextContent);
        Assert.Equal("12.50 yuan", bubble.Find(".money-amount .sr-only").TextContent);
        Assert.Equal("for tea", bubble.Find(".money-note").TextContent);
        Assert.Empty(bubble.FindAll(".money-answer"));
        // Money is answered, not recalled.
        Assert.Empty(bubble.FindAll($"button[aria-label='{S.Recall}']"));
    }

    [Theory]
    [InlineData(TransferStates.Accepted, "Accepted")]
    [InlineData(TransferStates.Declined, "Declined")]
    [InlineData(TransferStates.Expired, "Returned")]
    public void Render_AnsweredTransfer_ShowsItsOutcomeAndNoButtons(string state, string expected)
    {
        AnswerTransfer(state);

        var bubble = Render(Sample.Transfer(1, "t-1", 1_250), mine: false);

        bubble.WaitForAssertion(() => Assert.Equal(expected, bubble.Find(".money-state").TextContent));
        Assert.Empty(bubble.FindAll(".money-answer"));
    }

    [Fact]
    public async Task Accept_ByTheReceiver_TakesTheMoneyAndShowsAccepted()
    {
        AnswerTransfer(TransferStates.Pending);
        _server.Answer(HttpMethod.Post, "api/v1/transfers/t-1/accept", () => RecordingHandler.Json(Transfer(TransferStates.Accepted), HutongJsonContext.Default.TransferInfo));
        var bubble = Render(Sample.Transfer(1, "t-1", 1_250), mine: false);
        bubble.WaitForAssertion(() => Assert.Equal(S.TransferWaitingForYou, bubble.Find(".money-state").TextContent));

        await bubble.FindAll(".money-answer button").Single(b => b.TextContent == S.Accept).ClickAsync(new());

        bubble.WaitForAssertion(() => Assert.Equal(S.TransferAccepted, bubble.Find(".money-state").TextContent));
        Assert.Contains("POST api/v1/transfers/t-1/accept", _server.Requests);
        Assert.Empty(bubble.FindAll(".money-answer"));
    }

    [Fact]
    public async Task Decline_AlreadyAnsweredElsewhere_SaysSoAndShowsTheOutcome()
    {
        var answered = false;
        _server.Answer(HttpMethod.Get, "api/v1/transfers/t-1", () =>
            RecordingHandler.Json(Transfer(answered ? TransferStates.Accepted : TransferStates.Pending), HutongJsonContext.Default.TransferInfo));
        _server.Answer(HttpMethod.Post, "api/v1/transfers/t-1/decline", () =>
        {
            answered = true;
            return RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.TransferNotPending);
        });
        var bubble = Render(Sample.Transfer(1, "t-1", 1_250), mine: false);
        bubble.WaitForAssertion(() => Assert.Single(bubble.FindAll(".money-answer")));

        await bubble.FindAll(".money-answer button").Single(b => b.TextContent == S.Decline).ClickAsync(new());

        bubble.WaitForAssertion(() => Assert.Equal(S.TransferAccepted, bubble.Find(".money-state").TextContent));
        Assert.Equal(S.Error(ErrorCodes.TransferNotPending), bubble.Find(".money-error").TextContent);
    }

    [Fact]
    public void Render_TransferTheServerCannotFind_IsAskedForOnceAndStillShowsItsAmount()
    {
        var bubble = Render(Sample.Transfer(1, "t-1", 1_250, "for tea"), mine: false);

        bubble.Render(_ => { });
        bubble.Render(_ => { });

        Assert.Single(_server.Requests, r => r == "GET api/v1/transfers/t-1");
        Assert.Equal("¥12.50", bubble.Find(".money-amount [aria-hidden=true]").TextContent);
        Assert.Equal("", bubble.Find(".money-state").TextContent);
        Assert.Empty(bubble.FindAll(".money-answer"));
    }

    [Fact]
    public void Render_WalletInDollars_ShowsAndSpeaksDollars()
    {
        _server.Answer(HttpMethod.Get, "api/v1/wallet", () => RecordingHandler.Json(new WalletInfo(0, "USD", true, 0, WalletLimits.Defaults), HutongJsonContext.Default.WalletInfo));
        AnswerTransfer(TransferStates.Pending);

        var bubble = Render(Sample.Transfer(1, "t-1", 123_456), mine: false);

        bubble.WaitForAssertion(() => Assert.Equal("$1,234.56", bubble.Find(".money-amount [aria-hidden=true]").TextContent));
        Assert.Equal("1,234.56 US dollars", bubble.Find(".money-amount .sr-only").TextContent);
    }

    [Fact]
    public void Render_PacketWithoutGreeting_WishesTheBestAndOffersToOpen()
    {
        AnswerPacket(Packet());

        var bubble = Render(Sample.RedPacket(1, "p-1"), mine: false, group: true);

        bubble.WaitForAssertion(() => Assert.Equal(S.PacketOpen, bubble.Find(".money-state").TextContent));
        Assert.Equal(S.BestWishes, bubble.Find(".money-note").TextContent);
        Assert.Equal("BUTTON", bubble.Find(".packet-card").TagName);
    }

    [Theory]
    [InlineData(RedPacketStates.Active, 388L, "Opened ¥3.88")]
    [InlineData(RedPacketStates.Finished, 1L, "Opened ¥0.01")]
    [InlineData(RedPacketStates.Finished, null, "All opened")]
    [InlineData(RedPacketStates.Expired, null, "Expired")]
    public void Render_Packet_ShowsWhatItMeansToMe(string state, long? myAmount, string expected)
    {
        AnswerPacket(Packet(state, myAmount));

        var bubble = Render(Sample.RedPacket(1, "p-1", "新年快乐"), mine: false, group: true);

        bubble.WaitForAssertion(() => Assert.Equal(expected, bubble.Find(".money-state").TextContent));
        Assert.Equal("新年快乐", bubble.Find(".money-note").TextContent);
    }

    [Fact]
    public void Render_MyPacketInADirectChat_IsNotMineToOpen()
    {
        AnswerPacket(Packet(senderId: "u-me"));

        var bubble = Render(Sample.RedPacket(1, "p-1", senderId: "u-me"), mine: true, group: false);

        bubble.WaitForAssertion(() => Assert.Equal(S.PacketNotOpenedYet, bubble.Find(".money-state").TextContent));
    }

    [Fact]
    public async Task Tap_APacket_AsksTheChatToOpenIt()
    {
        AnswerPacket(Packet());
        var taps = 0;
        var bubble = Render(Sample.RedPacket(1, "p-1"), mine: false, group: true, () => taps++);

        await bubble.Find(".packet-card").ClickAsync(new());

        Assert.Equal(1, taps);
    }

    [Theory]
    [InlineData("en", "Lin accepted the transfer", "You declined the transfer", "The transfer was returned")]
    [InlineData("zh", "Lin已收款", "你已拒收转账", "转账已过期退还")]
    public void Notice_TransferOutcomes_ReadAsSentences(string language, string accepted, string declined, string expired)
    {
        var s = language == "zh" ? Strings.Chinese : Strings.English;
        var people = Sample.People(("u-lin", "Lin"));

        Assert.Equal(accepted, MessageText.Notice(new NoticeContent(NoticeTypes.TransferAccepted, "u-lin", null, null, "t-1"), "u-me", people, s));
        Assert.Equal(declined, MessageText.Notice(new NoticeContent(NoticeTypes.TransferDeclined, "u-me", null, null, "t-1"), "u-me", people, s));
        Assert.Equal(expired, MessageText.Notice(new NoticeContent(NoticeTypes.TransferExpired, "u-me", null, null, "t-1"), "u-me", people, s));
    }

    [Fact]
    public void Preview_MoneyMessages_SayWhatTheyAre()
    {
        Assert.Equal("[Transfer] for tea", MessageText.Body(Sample.Transfer(1, "t-1", 100, "for tea"), S));
        Assert.Equal("[Red packet] Best wishes", MessageText.Body(Sample.RedPacket(2, "p-1"), S));
        Assert.Equal("[红包] 新年快乐", MessageText.Body(Sample.RedPacket(3, "p-1", "新年快乐"), Strings.Chinese));
    }

    [Theory]
    [InlineData(WalletEntryKinds.Transfer, "Transfer", "转账")]
    [InlineData(WalletEntryKinds.RedPacket, "Red packet", "红包")]
    public void EntryKind_MoneyInChats_HasAReadableLabelInBothLanguages(string kind, string english, string chinese)
    {
        Assert.Equal(english, Strings.English.EntryKind(kind));
        Assert.Equal(chinese, Strings.Chinese.EntryKind(kind));
    }
}
