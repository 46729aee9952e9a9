using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Receiving;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Wallet.Tests.Receiving;

/// <summary>
/// A person's receive code (收款码): whoever scans it pays them straight into their wallet with their PIN, once however
/// often the request is sent; the receiver hears of it, both histories name the other, and a reset code names nobody.
/// </summary>
public sealed class ReceiveCodeTests
{
    private const string Pin = "271828";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task PayingByCode_MovesTheMoneyAtOnce_TellsTheReceiver_AndBothHistoriesNameTheOther(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");
        var lin = await FundedAsync(app, "lin", "Lin");
        await using var meisPhone = app.NewGateway(mei.Client);
        await meisPhone.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);

        // Made on the first ask, the same after; a token, not Mei's id. They are not friends: a code needs none.
        var code = await mei.Client.GetReceiveCodeAsync(cancellationToken: Ct);
        Assert.StartsWith("hutong://receive/", code.CodeUrl, StringComparison.Ordinal);
        Assert.Equal(code, await mei.Client.GetReceiveCodeAsync(cancellationToken: Ct));
        Assert.DoesNotContain(Guid.Parse(mei.UserId).ToString("N"), code.CodeUrl.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Null(code.Amount);

        var preview = await lin.Client.PreviewReceiveCodeAsync(code.CodeUrl, Ct);
        var paid = await lin.Client.PayByCodeAsync(new PayByCodeRequest(code.CodeUrl, "lunch", 1_234, " dumplings ", Pin), Ct);
        var again = await lin.Client.PayByCodeAsync(new PayByCodeRequest(code.CodeUrl, "lunch", 1_234, "dumplings", Pin), Ct);

        Assert.Equal(new ReceiveCodePreview("Mei", null, null, "CNY"), preview);
        Assert.Equal(("lunch", "Mei", 1_234L, "CNY", "dumplings", 10_000L - 1_234), (paid.TransferId, paid.ReceiverName, paid.Amount, paid.Currency, paid.Note, paid.Balance));
        Assert.Equal(paid, again);
        Assert.Equal(1_234, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(10_000 - 1_234, (await lin.Client.GetWalletAsync(Ct)).Balance);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);

        // Mei's phone hears of it, with who paid, how much and the note; her log holds it once.
        var heard = (ReceiveCodePaymentEvent)await Eventually.ReadAsync(HutongApp.Delivered(meisPhone), f => f is ReceiveCodePaymentEvent, "the payment on Mei's phone");
        Assert.Equal(new ReceiveCodePaymentEvent(paid.PaymentId, lin.UserId, 1_234, "CNY", "dumplings"), heard with { Seq = 0, At = default });
        Assert.Single((await mei.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<ReceiveCodePaymentEvent>());
        Assert.Empty((await lin.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<ReceiveCodePaymentEvent>());

        // One line each, titled with the other person, referring to the payment.
        Assert.Equal(
            [(WalletEntryKinds.PaidByCode, -1_234L, paid.PaymentId, "Mei"), (WalletEntryKinds.TopUp, 10_000L, "start", null)],
            (await lin.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries.Select(e => (e.Kind, e.Amount, e.Reference, e.Title)));
        Assert.Equal(
            [(WalletEntryKinds.ReceivedByCode, 1_234L, paid.PaymentId, "Lin")],
            (await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries.Select(e => (e.Kind, e.Amount, e.Reference, e.Title)));

        // A different request under the same id is refused, and moves nothing.
        foreach (var different in new[]
        {
            new PayByCodeRequest(code.CodeUrl, "lunch", 1_000, "dumplings", Pin),
            new PayByCodeRequest(code.CodeUrl, "lunch", 1_234, "noodles", Pin),
            new PayByCodeRequest(code.CodeUrl, "lunch", 1_234, null, Pin),
        })
        {
            var conflict = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PayByCodeAsync(different, Ct));
            Assert.Equal((409, ErrorCodes.IdempotencyConflict), (conflict.Status, conflict.Code));
        }

        Assert.Equal(1_234, (await mei.Client.GetWalletAsync(Ct)).Balance);
    }

    [Theory, ProviderData]
    public async Task TheSamePayment_SentManyTimesAtOnce_MovesTheMoneyOnce_AndIsToldOnce(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");
        var lin = await FundedAsync(app, "lin", "Lin");
        var code = (await mei.Client.GetReceiveCodeAsync(cancellationToken: Ct)).CodeUrl;

        // Two devices of Lin's and a retrying client, all at once.
        var second = await lin.NewDeviceAsync(app);
        var request = new PayByCodeRequest(code, "tea", 2_500, "for the tea", Pin);
        var receipts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => (i % 2 == 0 ? lin.Client : second).PayByCodeAsync(request, Ct), Ct)));

        Assert.Single(receipts.Select(r => r.PaymentId).Distinct());
        Assert.Equal(2_500, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(10_000 - 2_500, (await lin.Client.GetWalletAsync(Ct)).Balance);
        Assert.Single((await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries);
        Assert.Single((await mei.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<ReceiveCodePaymentEvent>());
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task AWrongPin_TooLittleMoney_AndBadRequests_MoveNothing(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");
        var lin = await FundedAsync(app, "lin", "Lin");
        var code = (await mei.Client.GetReceiveCodeAsync(cancellationToken: Ct)).CodeUrl;

        var refusals = new List<(int, string?)>();
        foreach (var request in new[]
        {
            new PayByCodeRequest(code, "a", 100, null, "000000"),
            new PayByCodeRequest(code, "b", 10_001, null, Pin),
            new PayByCodeRequest(code, "c", 0, null, Pin),
            new PayByCodeRequest(code, "d", WalletLimits.Defaults.MaxTransfer + 1, null, Pin),
            new PayByCodeRequest(code, "e", 100, new string('x', 101), Pin),
            new PayByCodeRequest(code, "", 100, null, Pin),
            new PayByCodeRequest("hutong://receive/no-such-code", "f", 100, null, Pin),
            new PayByCodeRequest(code + "?amount=abc", "g", 100, null, Pin),
            new PayByCodeRequest(code.Replace("receive", "pay", StringComparison.Ordinal), "h", 100, null, Pin),
            new PayByCodeRequest(null, "i", 100, null, Pin),
        })
        {
            var error = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PayByCodeAsync(request, Ct));
            refusals.Add((error.Status, error.Code));
        }

        Assert.Equal(
        [
            (403, ErrorCodes.WrongPin), (409, ErrorCodes.InsufficientFunds), (400, ErrorCodes.ValidationFailed), (400, ErrorCodes.ValidationFailed),
            (400, ErrorCodes.ValidationFailed), (400, ErrorCodes.ValidationFailed), (404, ErrorCodes.ReceiveCodeNotFound),
            (404, ErrorCodes.ReceiveCodeNotFound), (404, ErrorCodes.ReceiveCodeNotFound), (404, ErrorCodes.ReceiveCodeNotFound),
        ], refusals);
        Assert.Equal(0, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(10_000, (await lin.Client.GetWalletAsync(Ct)).Balance);
        Assert.Empty((await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries);
        Assert.Empty((await mei.Client.GetEventsAsync(cancellationToken: Ct)).Events.OfType<ReceiveCodePaymentEvent>());

        // Refused for too little money, nothing moved: once the wallet holds enough, the same request goes through.
        await lin.Client.TopUpAsync("more", 5_000, Ct);
        var paid = await lin.Client.PayByCodeAsync(new PayByCodeRequest(code, "b", 10_001, null, Pin), Ct);
        Assert.Equal((10_001L, 15_000L - 10_001), (paid.Amount, paid.Balance));
        Assert.Equal(10_001, (await mei.Client.GetWalletAsync(Ct)).Balance);

        // A code with an amount set asks for exactly that.
        var fixedCode = await mei.Client.GetReceiveCodeAsync(2_800, Ct);
        Assert.Equal((code + "?amount=2800", 2_800L), (fixedCode.CodeUrl, fixedCode.Amount));
        Assert.Equal(2_800, (await lin.Client.PreviewReceiveCodeAsync(fixedCode.CodeUrl, Ct)).Amount);
        var otherAmount = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PayByCodeAsync(new PayByCodeRequest(fixedCode.CodeUrl, "j", 2_000, null, Pin), Ct));
        Assert.Equal(ErrorCodes.ValidationFailed, otherAmount.Code);
        Assert.Equal(2_800, (await lin.Client.PayByCodeAsync(new PayByCodeRequest(fixedCode.CodeUrl, "k", 2_800, null, Pin), Ct)).Amount);
        var badAmount = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.GetReceiveCodeAsync(0, Ct));
        Assert.Equal(ErrorCodes.ValidationFailed, badAmount.Code);
        Assert.True((await app.Services.GetRequiredService<ILedgerStore>().TotalsAsync(Ct)).Balanced);
    }

    [Theory, ProviderData]
    public async Task AResetCode_NamesNobody_ButARetryOfAPaymentMadeWithItAnswersThatPayment(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");
        var lin = await FundedAsync(app, "lin", "Lin");
        var old = (await mei.Client.GetReceiveCodeAsync(cancellationToken: Ct)).CodeUrl;
        var first = await lin.Client.PayByCodeAsync(new PayByCodeRequest(old, "before", 500, null, Pin), Ct);

        var reset = await mei.Client.ResetReceiveCodeAsync(Ct);

        Assert.NotEqual(old, reset.CodeUrl);
        Assert.Equal(reset, await mei.Client.GetReceiveCodeAsync(cancellationToken: Ct));
        var preview = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PreviewReceiveCodeAsync(old, Ct));
        var pay = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PayByCodeAsync(new PayByCodeRequest(old, "after", 500, null, Pin), Ct));
        Assert.Equal((404, ErrorCodes.ReceiveCodeNotFound), (preview.Status, preview.Code));
        Assert.Equal((404, ErrorCodes.ReceiveCodeNotFound), (pay.Status, pay.Code));
        Assert.Equal(first.PaymentId, (await lin.Client.PayByCodeAsync(new PayByCodeRequest(old, "before", 500, null, Pin), Ct)).PaymentId);
        Assert.Equal(500, (await mei.Client.GetWalletAsync(Ct)).Balance);

        // The new code pays Mei; the first payment's id with it is a different request.
        Assert.Equal("Mei", (await lin.Client.PreviewReceiveCodeAsync(reset.CodeUrl, Ct)).Name);
        await lin.Client.PayByCodeAsync(new PayByCodeRequest(reset.CodeUrl, "after", 700, null, Pin), Ct);
        var reused = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PayByCodeAsync(new PayByCodeRequest(reset.CodeUrl, "before", 500, null, Pin), Ct));
        Assert.Equal(ErrorCodes.IdempotencyConflict, reused.Code);
        Assert.Equal(1_200, (await mei.Client.GetWalletAsync(Ct)).Balance);
    }

    [Theory, ProviderData]
    public async Task NobodyPaysTheirOwnCode_TheCodeOfSomeoneWhoBlockedThem_OrOfADeletedAccount(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var mei = await FundedAsync(app, "mei", "Mei");
        var lin = await FundedAsync(app, "lin", "Lin");
        var yun = await TestUser.CreateAsync(app, "yun", "Yun");
        var meis = (await mei.Client.GetReceiveCodeAsync(cancellationToken: Ct)).CodeUrl;
        var yuns = (await yun.Client.GetReceiveCodeAsync(cancellationToken: Ct)).CodeUrl;

        var ownPreview = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PreviewReceiveCodeAsync(meis, Ct));
        var ownPayment = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.PayByCodeAsync(new PayByCodeRequest(meis, "self", 100, null, Pin), Ct));
        await mei.Client.BlockAsync(lin.UserId, Ct);
        var blockedPreview = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PreviewReceiveCodeAsync(meis, Ct));
        var blockedPayment = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PayByCodeAsync(new PayByCodeRequest(meis, "blocked", 100, null, Pin), Ct));
        await yun.Client.DeleteAccountAsync(TestUser.DefaultPassword, Ct);
        var deleted = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.PreviewReceiveCodeAsync(yuns, Ct));

        Assert.Equal((400, ErrorCodes.CannotPaySelf), (ownPreview.Status, ownPreview.Code));
        Assert.Equal((400, ErrorCodes.CannotPaySelf), (ownPayment.Status, ownPayment.Code));
        Assert.Equal((403, ErrorCodes.PaymentRefused), (blockedPreview.Status, blockedPreview.Code));
        Assert.Equal((403, ErrorCodes.PaymentRefused), (blockedPayment.Status, blockedPayment.Code));
        Assert.Equal((404, ErrorCodes.ReceiveCodeNotFound), (deleted.Status, deleted.Code));
        Assert.Equal(10_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(10_000, (await lin.Client.GetWalletAsync(Ct)).Balance);

        // Blocking goes one way: Mei may still pay Lin's code.
        var lins = (await lin.Client.GetReceiveCodeAsync(cancellationToken: Ct)).CodeUrl;
        Assert.Equal("Lin", (await mei.Client.PayByCodeAsync(new PayByCodeRequest(lins, "anyway", 100, null, Pin), Ct)).ReceiverName);
    }

    [Theory, ProviderData]
    public async Task TheSameTransferId_FromAnotherPayer_IsTheirOwnPayment_AndChangesNothingOfYours(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");
        var lin = await FundedAsync(app, "lin", "Lin");
        var yun = await FundedAsync(app, "yun", "Yun");
        var code = (await mei.Client.GetReceiveCodeAsync(cancellationToken: Ct)).CodeUrl;
        var lins = await lin.Client.PayByCodeAsync(new PayByCodeRequest(code, "SAME", 1_000, "from Lin", Pin), Ct);

        // Yun picks Lin's id, first for a request of her own, then for Lin's very request, at once with Lin's retries.
        var yuns = await yun.Client.PayByCodeAsync(new PayByCodeRequest(code, "SAME", 3_000, "from Yun", Pin), Ct);
        var linAgain = Task.Run(() => lin.Client.PayByCodeAsync(new PayByCodeRequest(code, "SAME", 1_000, "from Lin", Pin), Ct), Ct);
        var yunAsLin = Task.Run(() => ApiOutcome.TryAsync(() => yun.Client.PayByCodeAsync(new PayByCodeRequest(code, "SAME", 1_000, "from Lin", Pin), Ct)), Ct);
        await Task.WhenAll(linAgain, yunAsLin);

        Assert.NotEqual(lins.PaymentId, yuns.PaymentId);
        Assert.Equal(lins, await linAgain);
        Assert.Equal(((ReceiveCodePayment?)null, ErrorCodes.IdempotencyConflict), await yunAsLin);
        Assert.Equal(10_000 - 1_000, (await lin.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(10_000 - 3_000, (await yun.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(4_000, (await mei.Client.GetWalletAsync(Ct)).Balance);
        Assert.Equal(
            [("Yun", 3_000L), ("Lin", 1_000L)],
            (await mei.Client.GetWalletEntriesAsync(cancellationToken: Ct)).Entries.Select(e => (e.Title, e.Amount)));
        var ledger = app.Services.GetRequiredService<ILedgerStore>();
        Assert.Equal(Guid.Parse(lin.UserId), (await ledger.FindTransferAsync(ReceiveCodeService.LedgerId(Guid.Parse(lin.UserId), "SAME"), Ct))!.DebitAccountId);
        Assert.Equal(Guid.Parse(yun.UserId), (await ledger.FindTransferAsync(ReceiveCodeService.LedgerId(Guid.Parse(yun.UserId), "SAME"), Ct))!.DebitAccountId);
    }

    [Fact]
    public async Task TheCode_IsDrawnAsAQrImage_InPngOrSvg()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");

        var png = await mei.Client.GetReceiveCodeQrAsync("png", cancellationToken: Ct);
        var svg = System.Text.Encoding.UTF8.GetString(await mei.Client.GetReceiveCodeQrAsync("svg", 2_800, Ct));
        var badFormat = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.GetReceiveCodeQrAsync("gif", cancellationToken: Ct));

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Equal((400, ErrorCodes.ValidationFailed), (badFormat.Status, badFormat.Code));
    }

    [Theory]
    [InlineData("hutong://receive/AbC-_9xyz", "AbC-_9xyz", null)]
    [InlineData("hutong://receive/AbC?amount=2800", "AbC", 2_800L)]
    [InlineData("hutong://receive/", null, null)]
    [InlineData("hutong://receive/a/b", null, null)]
    [InlineData("hutong://receive/abc?amount=0", null, null)]
    [InlineData("hutong://receive/abc?amount=-5", null, null)]
    [InlineData("hutong://receive/abc?amount=", null, null)]
    [InlineData("hutong://receive/abc?note=hi", null, null)]
    [InlineData("hutong://receive/abc?amount=1&amount=2", null, null)]
    [InlineData("hutong://receive/abc?amount=9999999999999999999", null, null)]
    [InlineData("HUTONG://RECEIVE/abc", null, null)]
    [InlineData("hutong://pay/abc", null, null)]
    [InlineData("https://example.com/receive/abc", null, null)]
    public void TryParse_ReadsOnlyLinksTheNodeMakes(string codeUrl, string? code, long? amount)
    {
        var read = ReceiveCodeService.TryParse(codeUrl, out var parsedCode, out var parsedAmount);

        Assert.Equal(code is not null, read);
        if (read)
        {
            Assert.Equal((code, amount), (parsedCode, parsedAmount));
        }
    }

    private static async Task<TestUser> FundedAsync(HutongApp app, string prefix, string name)
    {
        var person = await TestUser.CreateAsync(app, prefix, name);
        await person.Client.TopUpAsync("start", 10_000, Ct);
        await person.Client.SetPinAsync(Pin, cancellationToken: Ct);
        return person;
    }
}
