using Bunit;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Hutong.Web.Wallet;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Wallet;

/// <summary>The payment PIN dialog: what a refusal says, what it keeps, and that it is a proper modal dialog.</summary>
public sealed class PinDialogTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly List<string> _paid = [];

    public PinDialogTests() => _context.AddWebClient(new RecordingHandler(), new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static HutongApiException Refusal(int status, string code, string? detail = null, int? attemptsLeft = null) =>
        new(status, new ProblemBody(null, code, status, detail, code, null, AttemptsLeft: attemptsLeft));

    private IRenderedComponent<PinDialog> Render(Func<string, Exception?> answer, Action? closed = null, Action? back = null) =>
        _context.Render<PinDialog>(ps => ps
            .Add(p => p.What, "Transfer to Lin")
            .Add(p => p.Amount, 1_250)
            .Add(p => p.Pay, pin =>
            {
                _paid.Add(pin);
                return answer(pin) is { } error ? Task.FromException(error) : Task.CompletedTask;
            })
            .Add(p => p.Closed, closed ?? (() => { }))
            .Add(p => p.Back, back ?? (() => { })));

    private static async Task PayAsync(IRenderedComponent<PinDialog> dialog, string pin)
    {
        await dialog.Find("#pay-pin").InputAsync(new ChangeEventArgs { Value = pin });
        await dialog.Find("form").SubmitAsync(new());
    }

    [Fact]
    public void Render_IsALabelledModalDialogWithThePinFieldFirst()
    {
        var dialog = Render(_ => null);

        var box = dialog.Find("[role=dialog]");
        Assert.Equal("true", box.GetAttribute("aria-modal"));
        Assert.Equal(S.EnterPin, dialog.Find("#" + box.GetAttribute("aria-labelledby")).TextContent);
        Assert.NotNull(dialog.Find("#pay-pin").GetAttribute("data-autofocus"));
        Assert.Equal("password", dialog.Find("#pay-pin").GetAttribute("type"));
        Assert.Equal("Pay ¥12.50", dialog.Find("button[type=submit]").TextContent);
        Assert.Equal("12.50 yuan", dialog.Find(".pay-amount .sr-only").TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("12345a")]
    public async Task Pay_PinNotSixDigits_IsNotSent(string pin)
    {
        var dialog = Render(_ => null);

        await PayAsync(dialog, pin);

        Assert.Empty(_paid);
        Assert.True(dialog.Find("button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Pay_WrongPin_SaysHowManyTriesAreLeftAndClearsThePin()
    {
        var dialog = Render(_ => Refusal(403, ErrorCodes.WrongPin, "3 attempts left before spending locks.", 3));

        await PayAsync(dialog, "000000");

        Assert.Equal("Wrong payment PIN. 3 attempts left before payments lock.", dialog.Find("[role=alert]").TextContent.Trim());
        Assert.Equal("", dialog.Find("#pay-pin").GetAttribute("value"));
        Assert.Equal("true", dialog.Find("#pay-pin").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Pay_WrongPinInChinese_SaysTriesLeftInChinese()
    {
        await _context.Services.GetRequiredService<Texts>().ChooseAsync("zh-Hans");
        var dialog = Render(_ => Refusal(403, ErrorCodes.WrongPin, "1 attempts left before spending locks.", 1));

        await PayAsync(dialog, "000000");

        Assert.Equal("支付密码错误。 还可以再试 1 次，之后付款将被锁定。", dialog.Find("[role=alert]").TextContent.Trim());
    }

    [Theory]
    [InlineData(423, ErrorCodes.PinLocked, "Too many wrong PINs: payments are locked for now.")]
    [InlineData(409, ErrorCodes.InsufficientFunds, "Your wallet does not hold that much.")]
    public async Task Pay_Refused_SaysWhy(int status, string code, string expected)
    {
        var dialog = Render(_ => Refusal(status, code));

        await PayAsync(dialog, "314159");

        Assert.Equal(expected, dialog.Find("[role=alert]").TextContent.Trim());
        Assert.Empty(dialog.FindAll("[role=alert] a"));
    }

    [Fact]
    public async Task Pay_Locked_SaysForHowLongAndClearsThePin()
    {
        var dialog = Render(_ => new HutongApiException(423, new ProblemBody(null, "locked", 423, null, ErrorCodes.PinLocked, null, RetryAfter: 3 * 3600)));

        await PayAsync(dialog, "314159");

        Assert.Equal("Too many wrong PINs: payments are locked. Try again in 3 hours.", dialog.Find("[role=alert]").TextContent.Trim());
        Assert.Equal("", dialog.Find("#pay-pin").GetAttribute("value"));
    }

    [Fact]
    public async Task Pay_NoPinSet_LinksToTheWallet()
    {
        var dialog = Render(_ => Refusal(409, ErrorCodes.PinNotSet));

        await PayAsync(dialog, "314159");

        var link = dialog.Find("[role=alert] a");
        Assert.Equal("me/wallet", link.GetAttribute("href"));
        Assert.Equal(S.SetPinInWallet, link.TextContent);
    }

    [Fact]
    public async Task Pay_NoConnection_KeepsThePinSoTryingAgainIsOnePress()
    {
        var tries = 0;
        var dialog = Render(_ => ++tries == 1 ? new HttpRequestException("down") : null);

        await PayAsync(dialog, "314159");
        Assert.Equal(S.NoConnection, dialog.Find("[role=alert]").TextContent.Trim());
        Assert.Equal("314159", dialog.Find("#pay-pin").GetAttribute("value"));

        await dialog.Find("form").SubmitAsync(new());

        Assert.Equal(["314159", "314159"], _paid);
        Assert.Empty(dialog.FindAll("[role=alert]"));
    }

    [Fact]
    public async Task Escape_ClosesTheDialog()
    {
        var closed = 0;
        var dialog = Render(_ => null, closed: () => closed++);

        await dialog.Find("[role=dialog]").KeyDownAsync(new KeyboardEventArgs { Key = "Escape" });

        Assert.Equal(1, closed);
    }
}
