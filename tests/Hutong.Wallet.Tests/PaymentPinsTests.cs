using Hutong.Contracts.Wallet;

namespace Hutong.Wallet.Tests;

/// <summary>The rule for a payment PIN, which the server enforces and the web client checks as it is typed.</summary>
public sealed class PaymentPinsTests
{
    [Theory]
    [InlineData("314159")]
    [InlineData("271828")]
    [InlineData("246810")]
    [InlineData("135790")]
    [InlineData("123457")]
    [InlineData("112234")]
    [InlineData("121213")]
    [InlineData("135791")]
    [InlineData("002244")]
    public void IsEasyToGuess_AnOrdinaryPin_IsNot(string pin)
    {
        var easy = PaymentPins.IsEasyToGuess(pin);

        Assert.False(easy);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("111111")]
    [InlineData("999999")]
    [InlineData("121212")]
    [InlineData("909090")]
    [InlineData("123123")]
    [InlineData("520520")]
    [InlineData("123456")]
    [InlineData("234567")]
    [InlineData("012345")]
    [InlineData("654321")]
    [InlineData("987654")]
    [InlineData("890123")]
    [InlineData("109876")]
    [InlineData("112233")]
    [InlineData("445566")]
    [InlineData("001122")]
    [InlineData("998877")]
    [InlineData("990011")]
    [InlineData("111222")]
    [InlineData("888777")]
    public void IsEasyToGuess_ARepeatOrARun_Is(string pin)
    {
        var easy = PaymentPins.IsEasyToGuess(pin);

        Assert.True(easy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    [InlineData("٣١٤١٥٩")]
    public void IsWellFormed_AnythingButSixAsciiDigits_IsNot(string? pin)
    {
        var wellFormed = PaymentPins.IsWellFormed(pin);

        Assert.False(wellFormed);
        Assert.False(PaymentPins.IsEasyToGuess(pin));
    }

    [Fact]
    public void IsEasyToGuess_OfEveryPin_RefusesExactlyTheRepeatsAndRuns()
    {
        var refused = Enumerable.Range(0, 1_000_000).Count(n => PaymentPins.IsEasyToGuess(n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));

        // Blocks repeated: 10 of one digit, 90 more of two, 990 more of three. Runs up or down from each of 10 digits,
        // with each digit written once, twice or three times: 60, none of them a repeat. The other 998,850 are choices.
        Assert.Equal(1_150, refused);
    }
}
