using System.Reflection;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Localization;

public sealed class ReceiveStringsTests
{
    public static TheoryData<string> TextProperties() =>
        [.. typeof(ReceiveStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void Chinese_EveryText_DiffersFromEnglish(string property)
    {
        var info = typeof(ReceiveStrings).GetProperty(property)!;

        var english = (string)info.GetValue(ReceiveStrings.English)!;
        var chinese = (string)info.GetValue(ReceiveStrings.Chinese)!;

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }

    [Fact]
    public void Chinese_HistoryLinesAndTheNotice_NameThePersonAndTheAmount()
    {
        Assert.Equal("扫码付款给美", ReceiveStrings.Chinese.PaidByCode("美"));
        Assert.Equal("林 扫码付款", ReceiveStrings.Chinese.ReceivedByCode("林"));
        Assert.Equal("林 向你付款 ¥12.34", ReceiveStrings.Chinese.PaidYou("林", "¥12.34"));
    }
}
