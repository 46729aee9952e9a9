using System.Reflection;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Localization;

public sealed class MiniProgramStringsTests
{
    public static TheoryData<string> TextProperties() =>
        [.. typeof(MiniProgramStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void Chinese_EveryText_DiffersFromEnglish(string property)
    {
        var info = typeof(MiniProgramStrings).GetProperty(property)!;

        var english = (string)info.GetValue(MiniProgramStrings.English)!;
        var chinese = (string)info.GetValue(MiniProgramStrings.Chinese)!;

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }
}
