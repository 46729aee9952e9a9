using System.Net;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Session;
using Hutong.Web.Tests.Testing;
using Hutong.Web.Wallet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Wallet;

/// <summary>Tapping a red packet: one tap opens it when there is a share for me, else shows who opened what.</summary>
public sealed class RedPacketDialogTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public RedPacketDialogTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon), Sample.People(("u-me", "Andrea"), ("u-lin", "Lin"), ("u-mei", "Mei")));
        _context.Services.GetRequiredService<AppSession>().Update(new MeResponse("u-me", "andrea", "Andrea", null));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static RedPacketInfo Packet(string state, int count, long? myAmount, long? total, params RedPacketOpen[] opens) =>
        new("p-1", null, "u-lin", "c-1", RedPacketKinds.Lucky, count, "新年快乐", state, count - opens.Length, total, myAmount, Sample.Noon, Sample.Noon.AddDays(1), opens);

    private static RedPacketOpen Open(string userId, long amount, bool best = false) => new(userId, amount, Sample.Noon.AddMinutes(5), best);

    private void AnswerPacket(Func<RedPacketInfo> packet) =>
        _server.Answer(HttpMethod.Get, "api/v1/red-packets/p-1", () => RecordingHandler.Json(packet(), HutongJsonContext.Default.RedPacketInfo));

    private IRenderedComponent<RedPacketDialog> Render(bool group = true, string senderId = "u-lin") =>
        _context.Render<RedPacketDialog>(ps => ps
            .Add(p => p.Message, Sample.RedPacket(7, "p-1", "新年快乐", senderId))
            .Add(p => p.Group, group));

    [Fact]
    public async Task Tap_AGroupPacketWithAShareForMe_OpensItAndShowsTheAmountThenTheDetails()
    {
        var opened = Packet(RedPacketStates.Active, 3, 388, null, Open("u-mei", 120), Open("u-me", 388));
        AnswerPacket(() => Packet(RedPacketStates.Active, 3, null, null, Open("u-mei", 120)));
        _server.Answer(HttpMethod.Post, "api/v1/red-packets/p-1/open", () => RecordingHandler.Json(new RedPacketOpened(388, opened), HutongJsonContext.Default.RedPacketOpened));

        var dialog = Render();

        dialog.WaitForAssertion(() => Assert.Equal("¥3.88", dialog.Find("[data-testid=packet-amount] [aria-hidden=true]").TextContent));
        Assert.Equal("3.88 yuan", dialog.Find("[data-testid=packet-amount] .sr-only").TextContent);
        var box = dialog.Find("[role=dialog]");
        Assert.Equal("true", box.GetAttribute("aria-modal"));
        Assert.Equal("Lin's red packet", dialog.Find("#" + box.GetAttribute("aria-labelledby")).TextContent);
        Assert.Equal("新年快乐", dialog.Find(".packet-greeting").TextContent);

        await dialog.FindAll("button").Single(b => b.TextContent == S.ViewDetails).ClickAsync(new());

        Assert.Equal("2/3 opened", dialog.Find(".packet-progress").TextContent.Trim());
        var rows = dialog.FindAll(".packet-open");
        Assert.Equal(["Mei", "Andrea"], rows.Select(r => r.QuerySelector(".open-name")!.TextContent));
        Assert.Equal(["¥1.20", "¥3.88"], rows.Select(r => r.QuerySelector(".open-amount [aria-hidden=true]")!.TextContent));
        Assert.Empty(dialog.FindAll(".best-luck"));
    }

    [Fact]
    public void Tap_APacketIAlreadyOpened_ShowsTheDetailsWithoutOpeningAgain()
    {
        AnswerPacket(() => Packet(RedPacketStates.Finished, 2, 50, 150, Open("u-mei", 100, best: true), Open("u-me", 50)));

        var dialog = Render();

        dialog.WaitForAssertion(() => Assert.Equal("2/2 opened · ¥1.50 in total", dialog.Find(".packet-progress").TextContent.Trim()));
        Assert.DoesNotContain("POST api/v1/red-packets/p-1/open", _server.Requests);
        var best = dialog.FindAll(".packet-open").Single(r => r.QuerySelector(".best-luck") is not null);
        Assert.Equal("Mei", best.QuerySelector(".open-name")!.TextContent);
        Assert.Equal(S.BestLuck, best.QuerySelector(".best-luck")!.TextContent);
        Assert.Equal("¥0.50", dialog.Find(".packet-amount [aria-hidden=true]").TextContent);
    }

    [Fact]
    public void Tap_SomeoneWasQuicker_SaysSoAndShowsWhoGotWhat()
    {
        var taken = false;
        AnswerPacket(() => taken
            ? Packet(RedPacketStates.Finished, 1, null, 100, Open("u-mei", 100))
            : Packet(RedPacketStates.Active, 1, null, null));
        _server.Answer(HttpMethod.Post, "api/v1/red-packets/p-1/open", () =>
        {
            taken = true;
            return RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.PacketEmpty);
        });

        var dialog = Render();

        dialog.WaitForAssertion(() => Assert.Equal(S.Error(ErrorCodes.PacketEmpty), dialog.Find("[role=status]").TextContent.Trim()));
        Assert.Equal("Mei", dialog.Find(".open-name").TextContent);
    }

    [Fact]
    public void Tap_MyOwnPacketInADirectChat_ShowsItsDetailsWithoutTryingToOpen()
    {
        AnswerPacket(() => Packet(RedPacketStates.Active, 1, null, 888) with { SenderId = "u-me" });

        var dialog = Render(group: false, senderId: "u-me");

        dialog.WaitForAssertion(() => Assert.Equal(S.PacketNoOpensYet, dialog.Find(".packet-opens, .field-hint:not([role])").TextContent));
        Assert.DoesNotContain("POST api/v1/red-packets/p-1/open", _server.Requests);
        Assert.Equal("0/1 opened · ¥8.88 in total", dialog.Find(".packet-progress").TextContent.Trim());
        Assert.Equal("Andrea's red packet", dialog.Find(".dialog-title").TextContent);
    }
}
