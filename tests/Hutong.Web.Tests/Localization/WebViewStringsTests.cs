using System.Reflection;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Localization;

public sealed class WebViewStringsTests
{
    private static IEnumerable<PropertyInfo> Properties => typeof(WebViewStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static TheoryData<string> TextProperties() => [.. Properties.Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)];

    public static TheoryData<string> PhraseProperties() => [.. Properties.Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void Chinese_EveryText_DiffersFromEnglish(string property)
    {
        var info = typeof(WebViewStrings).GetProperty(property)!;

        var english = (string)info.GetValue(WebViewStrings.English)!;
        var chinese = (string)info.GetValue(WebViewStrings.Chinese)!;

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }

    [Theory]
    [MemberData(nameof(PhraseProperties))]
    public void Chinese_EveryPhrase_DiffersFromEnglish_AndKeepsItsArgument(string property)
    {
        var info = typeof(WebViewStrings).GetProperty(property)!;

        var english = ((Func<string, string>)info.GetValue(WebViewStrings.English)!)("shop.example.com");
        var chinese = ((Func<string, string>)info.GetValue(WebViewStrings.Chinese)!)("shop.example.com");

        Assert.NotEqual(english, chinese);
        Assert.Contains("shop.example.com", chinese, StringComparison.Ordinal);
    }
}
