using Hutong.Core.Text;

namespace Hutong.Core.Tests;

public sealed class NameTextTests
{
    [Theory]
    [InlineData("Zoë 🐉 \u202Eevil\u202C", "Zoë 🐉 evil")]
    [InlineData("\u2066Mei\u2069", "Mei")]
    [InlineData("  Lin\u200B  ", "Lin")]
    [InlineData("a\u00ADb\u2060c\uFEFF", "abc")]
    [InlineData("👨\u200D👩\u200D👧", "👨\u200D👩\u200D👧")]
    [InlineData("می\u200Cخواهم", "می\u200Cخواهم")]
    [InlineData("❤\uFE0F", "❤\uFE0F")]
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")]
    [InlineData("hi\U000E0068\U000E0069", "hi")]
    [InlineData("梅 Mei", "梅 Mei")]
    public void Clean_RemovesWhatDisguises_AndKeepsWhatJoins(string given, string expected)
    {
        Assert.Equal(expected, NameText.Clean(given));
    }

    [Theory]
    [InlineData("\u200B\u200B\u200B", true)]
    [InlineData("\u3164\u3164", true)]
    [InlineData("\u2800", true)]
    [InlineData(" \u0301 ", true)]
    [InlineData("\uFE0F", true)]
    [InlineData("a", false)]
    [InlineData("🐉", false)]
    [InlineData("。", false)]
    public void IsBlank_IsTrueOnlyWhenNothingShows(string text, bool blank)
    {
        Assert.Equal(blank, NameText.IsBlank(NameText.Clean(text)));
    }

    [Theory]
    [InlineData("line one\nline two\r\n\ttabbed", false)]
    [InlineData("nul\0here", true)]
    [InlineData("escape\u001b[31m", true)]
    [InlineData("delete\u007f", true)]
    public void HasControlInMessage_AllowsOnlyTabsAndLineBreaks(string text, bool refused)
    {
        Assert.Equal(refused, NameText.HasControlInMessage(text));
    }
}
