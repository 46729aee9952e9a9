using Hutong.Web.Wallet;

namespace Hutong.Web.Tests.Wallet;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0, "¥0.00")]
    [InlineData(5, "¥0.05")]
    [InlineData(123_456, "¥1,234.56")]
    [InlineData(-2_000, "-¥20.00")]
    public void Format_MinorUnits_ReadAsPeopleWriteMoney(long minor, string expected) =>
        Assert.Equal(expected, Money.Format(minor, "CNY"));

    [Theory]
    [InlineData("12", 1_200L)]
    [InlineData("12.3", 1_230L)]
    [InlineData("12.34", 1_234L)]
    [InlineData(" 0.01 ", 1L)]
    [InlineData("8，88", 888L)]
    [InlineData("12.345", null)]
    [InlineData("-3", null)]
    [InlineData("1e3", null)]
    [InlineData("", null)]
    [InlineData(".5", null)]
    [InlineData("1.2.3", null)]
    public void Parse_TypedAmounts_BecomeMinorUnitsOrNothing(string text, long? expected) =>
        Assert.Equal(expected, Money.Parse(text));
}
