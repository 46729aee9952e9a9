using System.Globalization;
using System.Text.RegularExpressions;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hutong.BrowserTests;

/// <summary>
/// Money in chats, in the browser against a real server: a transfer sent from the composer and accepted in the chat,
/// then a lucky red packet in a group of three, opened with one tap, with the details of who got what.
/// </summary>
public sealed class MoneyChatTests(BrowserFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserFixture>
{
    private const string Pin = "314159";

    [Fact]
    public async Task Friends_SendATransferAndALuckyPacket_FromTheComposer_AndTheOthersTakeThemInTheChat()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var run = Guid.NewGuid().ToString("N")[..6];
        var mei = new Person(await NewPageAsync(), $"pmei{run}", "Mei");
        var lin = new Person(await NewPageAsync(), $"plin{run}", "Lin");
        await mei.SignUpAsync();
        await lin.SignUpAsync();
        // What is not about money is set up over the API: friendships, Mei's PIN and balance, a third person.
        var meiApi = await SignInOverApiAsync(mei.Handle);
        var linApi = await SignInOverApiAsync(lin.Handle);
        var yunApi = await SignUpOverApiAsync($"pyun{run}", "Yun");
        await BefriendAsync(linApi, meiApi, mei.Handle);
        await BefriendAsync(yunApi, meiApi, mei.Handle);
        await meiApi.SetPinAsync(Pin, cancellationToken: cancellationToken);
        await meiApi.TopUpAsync(Guid.NewGuid().ToString("N"), 100_00, cancellationToken);

        // Mei sends Lin a transfer from the composer; a wrong PIN first, which the dialog explains without losing anything.
        await Expect(mei.ChatRow("Lin")).ToBeVisibleAsync();
        await mei.OpenChatAsync("Lin");
        await mei.Button("Send money").ClickAsync();
        await mei.Button("Transfer").ClickAsync();
        var transferDialog = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Transfer to Lin" });
        await Expect(transferDialog).ToBeVisibleAsync();
        await Expect(mei.Field("Amount (CNY)")).ToBeFocusedAsync();
        await mei.Field("Amount (CNY)").FillAsync("12.50");
        await mei.Field("Note (optional)").FillAsync("for the tea");
        await mei.ExpectAccessibleAsync("transfer dialog");
        await mei.Button("Next").ClickAsync();

        var pinDialog = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Enter payment PIN" });
        await Expect(mei.Field("Payment PIN")).ToBeFocusedAsync();
        await mei.Field("Payment PIN").FillAsync("000000");
        await mei.Button("Pay ¥12.50").ClickAsync();
        await Expect(pinDialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong payment PIN. 4 attempts left before payments lock.");
        await mei.ScreenshotAsync("pin-dialog");
        await mei.ExpectAccessibleAsync("PIN dialog");
        await mei.Field("Payment PIN").FillAsync(Pin);
        await mei.Button("Pay ¥12.50").ClickAsync();
        await Expect(pinDialog).ToHaveCountAsync(0);

        var sentTransfer = mei.Messages.Locator(".transfer-card");
        await Expect(sentTransfer).ToContainTextAsync("¥12.50");
        await Expect(sentTransfer).ToContainTextAsync("for the tea");
        await Expect(sentTransfer).ToContainTextAsync("Waiting for Lin to accept");

        // Lin accepts it right in the chat; both see the outcome.
        await lin.OpenChatAsync("Mei");
        var receivedTransfer = lin.Messages.Locator(".transfer-card");
        await Expect(receivedTransfer).ToContainTextAsync("Waiting for you to accept");
        await lin.ScreenshotAsync("transfer-received");
        await receivedTransfer.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Expect(receivedTransfer).ToContainTextAsync("Accepted");
        await Expect(lin.Notice("You accepted the transfer")).ToBeVisibleAsync();
        await Expect(mei.Notice("Lin accepted the transfer")).ToBeVisibleAsync();
        await Expect(sentTransfer).ToContainTextAsync("Accepted");
        await Expect(lin.ChatRow("Mei")).ToContainTextAsync("You accepted the transfer");

        // A group of three: Mei puts a lucky packet of two shares in it from the composer.
        var linId = (await meiApi.GetUserByHandleAsync(lin.Handle, cancellationToken)).UserId;
        var yunId = (await yunApi.GetMeAsync(cancellationToken)).UserId;
        var group = await meiApi.CreateGroupAsync("Tea house", [linId, yunId], cancellationToken);
        await mei.OpenChatAsync("Tea house");
        await mei.Button("Send money").ClickAsync();
        await Expect(mei.Button("Transfer")).ToHaveCountAsync(0);
        await mei.Button("Red packet").ClickAsync();
        await Expect(mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Red packet" })).ToBeVisibleAsync();
        await Expect(mei.Field("Number of packets")).ToHaveValueAsync("2");
        await mei.Field("Number of packets").FillAsync("4");
        await Expect(mei.Page.GetByText("At most 3 packets here.")).ToBeVisibleAsync();
        await Expect(mei.Button("Next")).ToBeDisabledAsync();
        await mei.Field("Number of packets").FillAsync("2");
        await mei.Field("Total amount (CNY)").FillAsync("3");
        await mei.Field("Greeting (optional)").FillAsync("新年快乐");
        await mei.ScreenshotAsync("red-packet-form");
        await mei.ExpectAccessibleAsync("red packet dialog");
        await mei.Button("Next").ClickAsync();
        await mei.Field("Payment PIN").FillAsync(Pin);
        await mei.Button("Pay ¥3.00").ClickAsync();
        var meiPacket = mei.Messages.Locator(".packet-card", new() { HasTextString = "新年快乐" });
        await Expect(meiPacket).ToBeVisibleAsync();

        // Lin opens it with one tap and sees what he got; Mei hears of it live.
        await lin.OpenChatAsync("Tea house");
        var linPacket = lin.Messages.Locator(".packet-card", new() { HasTextString = "新年快乐" });
        await Expect(linPacket).ToContainTextAsync("Open");
        await linPacket.ClickAsync();
        var opened = lin.Page.GetByRole(AriaRole.Dialog, new() { Name = "Mei's red packet" });
        await Expect(opened.GetByTestId("packet-amount")).ToHaveTextAsync(new Regex(@"^¥\d\.\d\d"));
        var linAmount = (await opened.GetByTestId("packet-amount").Locator("[aria-hidden=true]").TextContentAsync())!;
        await lin.ScreenshotAsync("red-packet-opened");
        await lin.ExpectAccessibleAsync("opened red packet");
        await opened.GetByRole(AriaRole.Button, new() { Name = "View details" }).ClickAsync();
        await Expect(opened.Locator(".packet-progress")).ToHaveTextAsync("1/2 opened");
        await Expect(opened.Locator(".packet-open")).ToHaveCountAsync(1);
        await Expect(opened.Locator(".packet-open")).ToContainTextAsync("Lin");
        await Expect(opened.Locator(".packet-open")).ToContainTextAsync(linAmount);
        await lin.Page.Keyboard.PressAsync("Escape");
        await Expect(opened).ToHaveCountAsync(0);
        await Expect(linPacket).ToContainTextAsync($"Opened {linAmount}");
        await Expect(mei.Notice("Lin opened your red packet")).ToBeVisibleAsync();

        // Yun takes the last share over the API; the details, Mei's now, show who got what and the best luck.
        var messages = await yunApi.GetMessagesAsync(group.ConversationId, beforeSeq: long.MaxValue, limit: 50, cancellationToken: cancellationToken);
        var packetId = messages.Messages.Select(m => m.Content).OfType<RedPacketContent>().Single().Id;
        await yunApi.OpenRedPacketAsync(packetId, cancellationToken);
        await Expect(mei.Notice("Yun opened your red packet")).ToBeVisibleAsync();
        await Expect(meiPacket).ToContainTextAsync("All opened");
        await meiPacket.ClickAsync();
        var details = mei.Page.GetByRole(AriaRole.Dialog, new() { Name = "Mei's red packet" });
        await Expect(details.Locator(".packet-progress")).ToHaveTextAsync("2/2 opened · ¥3.00 in total");
        await Expect(details.Locator(".packet-open")).ToHaveCountAsync(2);
        await Expect(details.Locator(".packet-open", new() { HasTextString = "Lin" })).ToContainTextAsync(linAmount);
        await Expect(details.Locator(".packet-open", new() { HasTextString = "Yun" })).ToBeVisibleAsync();
        await Expect(details.Locator(".best-luck")).ToHaveCountAsync(1);
        await mei.ScreenshotAsync("red-packet-details");
        await mei.ExpectAccessibleAsync("red packet details");
        await details.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(details).ToHaveCountAsync(0);

        // Lin's wallet holds both, and names them.
        await lin.Section("Me").ClickAsync();
        await lin.Link("Wallet").ClickAsync();
        var balance = 12.50m + decimal.Parse(linAmount.TrimStart('¥'), CultureInfo.InvariantCulture);
        await Expect(lin.Page.GetByTestId("balance")).ToHaveTextAsync("¥" + balance.ToString("0.00", CultureInfo.InvariantCulture));
        await Expect(lin.Page.Locator(".entry", new() { HasTextString = "Transfer" }).First).ToContainTextAsync("+¥12.50");
        await Expect(lin.Page.Locator(".entry", new() { HasTextString = "Red packet" })).ToContainTextAsync("+" + linAmount);
    }

    /// <summary>The asker sends a friend request over the API; the other accepts it there too.</summary>
    private static async Task BefriendAsync(HutongClient asker, HutongClient other, string otherHandle)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var profile = await asker.GetUserByHandleAsync(otherHandle, cancellationToken);
        var request = await asker.SendFriendRequestAsync(profile.UserId, "hi", cancellationToken);
        await other.AcceptFriendRequestAsync(request.RequestId, cancellationToken);
    }
}
