using System.Reflection;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Merchants;

/// <summary>Every word of the merchants' screens has its own Chinese.</summary>
public sealed class MerchantStringsTests
{
    private static IEnumerable<PropertyInfo> Properties => typeof(MerchantStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static TheoryData<string> TextProperties() => [.. Properties.Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)];

    public static TheoryData<string> PhraseProperties() => [.. Properties.Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void Chinese_EveryText_DiffersFromEnglish(string property)
    {
        var info = typeof(MerchantStrings).GetProperty(property)!;

        var english = (string)info.GetValue(MerchantStrings.English)!;
        var chinese = (string)info.GetValue(MerchantStrings.Chinese)!;

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }

    [Theory]
    [MemberData(nameof(PhraseProperties))]
    public void Chinese_EveryPhrase_DiffersFromEnglish(string property)
    {
        var info = typeof(MerchantStrings).GetProperty(property)!;
        var english = (Delegate)info.GetValue(MerchantStrings.English)!;
        var chinese = (Delegate)info.GetValue(MerchantStrings.Chinese)!;
        // A trade type the phrase knows, so that it has words of its own.
        var arguments = english.Method.GetParameters().Select(_ => (object)"NATIVE").ToArray();

        Assert.NotEqual((string)english.DynamicInvoke(arguments)!, (string)chinese.DynamicInvoke(arguments)!);
    }
}
