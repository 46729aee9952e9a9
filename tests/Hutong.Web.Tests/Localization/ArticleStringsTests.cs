using System.Reflection;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Localization;

public sealed class ArticleStringsTests
{
    private static IEnumerable<PropertyInfo> Properties => typeof(ArticleStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static TheoryData<string> TextProperties() => [.. Properties.Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)];

    public static TheoryData<string> PhraseProperties() => [.. Properties.Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void Chinese_EveryText_DiffersFromEnglish(string property)
    {
        var info = typeof(ArticleStrings).GetProperty(property)!;

        var english = (string)info.GetValue(ArticleStrings.English)!;
        var chinese = (string)info.GetValue(ArticleStrings.Chinese)!;

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }

    [Theory]
    [MemberData(nameof(PhraseProperties))]
    public void Chinese_EveryPhrase_DiffersFromEnglish(string property)
    {
        var info = typeof(ArticleStrings).GetProperty(property)!;
        var english = (Delegate)info.GetValue(ArticleStrings.English)!;
        var chinese = (Delegate)info.GetValue(ArticleStrings.Chinese)!;
        var arguments = english.Method.GetParameters().Select(p => Type.GetTypeCode(p.ParameterType) switch
        {
            TypeCode.String => (object)"Spring Tea",
            TypeCode.Int64 => 1_234L,
            var other => throw new InvalidOperationException($"{property} takes a {other}; teach this test a sample of it."),
        }).ToArray();

        Assert.NotEqual((string)english.DynamicInvoke(arguments)!, (string)chinese.DynamicInvoke(arguments)!);
    }

    [Theory]
    [InlineData(0, "0 likes")]
    [InlineData(1, "1 like")]
    [InlineData(1_234, "1,234 likes")]
    public void Likes_CountsInEnglish(long count, string expected) => Assert.Equal(expected, ArticleStrings.English.Likes(count));
}
