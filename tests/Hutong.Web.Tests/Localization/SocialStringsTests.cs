using System.Reflection;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Localization;

public sealed class SocialStringsTests
{
    public static TheoryData<string> TextProperties() =>
        [.. typeof(SocialStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)];

    public static TheoryData<string> PhraseProperties() =>
        [.. typeof(SocialStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void Chinese_EveryText_DiffersFromEnglish(string property)
    {
        var info = typeof(SocialStrings).GetProperty(property)!;

        var english = (string)info.GetValue(SocialStrings.English)!;
        var chinese = (string)info.GetValue(SocialStrings.Chinese)!;

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }

    [Theory]
    [MemberData(nameof(PhraseProperties))]
    public void Chinese_EveryPhrase_DiffersFromEnglish(string property)
    {
        var info = typeof(SocialStrings).GetProperty(property)!;
        var english = (Delegate)info.GetValue(SocialStrings.English)!;
        var chinese = (Delegate)info.GetValue(SocialStrings.Chinese)!;
        var arguments = english.Method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)2 : "shareWith").ToArray();

        Assert.NotEqual((string)english.DynamicInvoke(arguments)!, (string)chinese.DynamicInvoke(arguments)!);
    }
}
