using System.Reflection;
using Hutong.Contracts;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Localization;

public sealed class StringsTests
{
    /// <summary>Error codes the web client makes up itself: none of them comes from the server.</summary>
    private static readonly string[] ClientCodes = ["offline"];

    private static HashSet<string> ApiCodeSet() =>
        typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        typeof(Strings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == type);

    public static TheoryData<string> TextProperties() => [.. Properties(typeof(string)).Select(p => p.Name)];

    public static TheoryData<string> PhraseProperties() =>
        [.. typeof(Strings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void Chinese_EveryText_DiffersFromEnglish(string property)
    {
        var info = typeof(Strings).GetProperty(property)!;

        var english = (string)info.GetValue(Strings.English)!;
        var chinese = (string)info.GetValue(Strings.Chinese)!;

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }

    [Theory]
    [MemberData(nameof(PhraseProperties))]
    public void Chinese_EveryPhrase_DiffersFromEnglish(string property)
    {
        var info = typeof(Strings).GetProperty(property)!;
        var english = (Delegate)info.GetValue(Strings.English)!;
        var chinese = (Delegate)info.GetValue(Strings.Chinese)!;
        // "accepted" is a word RequestState knows, so every phrase has words of its own around the argument.
        var arguments = english.Method.GetParameters().Select(p => Type.GetTypeCode(p.ParameterType) switch
        {
            TypeCode.String => (object)"accepted",
            TypeCode.Int32 => 2,
            TypeCode.Boolean => true,
            TypeCode.DateTime => new DateTime(2026, 3, 18),
            var other => throw new InvalidOperationException($"{property} takes a {other}; teach this test a sample of it."),
        }).ToArray();

        var inEnglish = (string)english.DynamicInvoke(arguments)!;
        var inChinese = (string)chinese.DynamicInvoke(arguments)!;

        Assert.NotEqual(inEnglish, inChinese);
    }

    [Fact]
    public void Chinese_Weekdays_AreSevenAndDifferFromEnglish()
    {
        var english = Strings.English.Weekdays;
        var chinese = Strings.Chinese.Weekdays;

        Assert.Equal(7, english.Count);
        Assert.Equal(7, chinese.Count);
        Assert.All(english.Zip(chinese), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Errors_EnglishAndChinese_HaveTheSameCodes()
    {
        var english = Strings.English.Errors.Keys.Order(StringComparer.Ordinal);
        var chinese = Strings.Chinese.Errors.Keys.Order(StringComparer.Ordinal);

        Assert.Equal(english, chinese);
    }

    /// <summary>The constants of <see cref="ErrorCodes"/>: every code the server may answer with.</summary>
    public static TheoryData<string> ApiCodes() => [.. ApiCodeSet().Order(StringComparer.Ordinal)];

    [Fact]
    public void Errors_EveryCode_IsAnApiCodeOrTheClientsOwn()
    {
        var apiCodes = ApiCodeSet();

        var unknown = Strings.English.Errors.Keys.Where(code => !apiCodes.Contains(code) && !ClientCodes.Contains(code));

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(ApiCodes))]
    public void Errors_EveryApiCode_HasASentenceInBothLanguages(string code)
    {
        var english = Strings.English.Error(code);
        var chinese = Strings.Chinese.Error(code);

        Assert.False(string.IsNullOrWhiteSpace(english), $"English has no sentence for {code}.");
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"Chinese has no sentence for {code}.");
    }

    [Fact]
    public void Errors_EverySentence_IsTranslated()
    {
        var untranslated = Strings.English.Errors.Where(e => Strings.Chinese.Error(e.Key) == e.Value).Select(e => e.Key);

        Assert.Empty(untranslated);
    }
}
